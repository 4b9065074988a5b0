using Site.Core.Storage;

namespace Site.Core.Audit;

public static class AuditActions
{
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Import = "import";
    public const string Protect = "protect";
    public const string Unprotect = "unprotect";
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Schedule = "schedule";
    public const string CancelSchedule = "cancel-schedule";
}

/// <summary>Adds audit rows to the unit of work that does the action, so the trail and the change commit together.</summary>
internal static class AuditLog
{
    public static void Add(SiteDbContext db, DateTime atUtc, string user, string action, Guid? nodeKey, IEnumerable<string> cultures, string? detail = null) =>
        db.Audit.Add(new AuditRecord
        {
            AtUtc = atUtc,
            User = user,
            Action = action,
            NodeKey = nodeKey,
            Cultures = string.Join(',', cultures),
            Detail = detail,
        });
}
