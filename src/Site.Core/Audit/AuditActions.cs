namespace Site.Core.Audit;

/// <summary>
/// The names of the actions the audit trail records (<c>audit.Action</c>): the only way to name them, where they are
/// written, filtered on and offered. Stored in every row, so a value never changes; add new ones instead.
/// </summary>
public static class AuditActions
{
    // Content and publishing.
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Import = "import";
    public const string Protect = "protect";
    public const string Unprotect = "unprotect";

    // Review and scheduling.
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Schedule = "schedule";
    public const string CancelSchedule = "cancel-schedule";

    // The content tree.
    public const string Move = "move";
    public const string Sort = "sort";
    public const string Copy = "copy";
    public const string Trash = "trash";
    public const string Restore = "restore";
    public const string EmptyRecycleBin = "empty-recycle-bin";

    // Changes to the schema and every version at once, run from the command line.
    public const string Migrate = "migrate";

    // Backups of the whole site, made and restored from the command line.
    public const string BackupCreate = "backup-create";
    public const string BackupRestore = "backup-restore";

    // The media library.
    public const string Upload = "upload";
    public const string MediaUpdate = "media-update";
    public const string MediaDelete = "media-delete";

    // Back-office accounts.
    public const string UserCreate = "user-create";
    public const string UserUpdate = "user-update";
    public const string UserLogin = "user-login";
    public const string UserLoginFailed = "user-login-failed";
    public const string UserLockedOut = "user-locked-out";
    public const string UserPassword = "user-password";
    public const string UserLock = "user-lock";
    public const string UserUnlock = "user-unlock";
    public const string UserClientAdd = "user-client-add";
    public const string UserClientRemove = "user-client-remove";
}
