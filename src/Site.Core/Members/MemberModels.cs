namespace Site.Core.Members;

public enum ApplicationKind
{
    /// <summary>To take part in the next session of the forum.</summary>
    NextSession,

    /// <summary>To be paired with a sister school.</summary>
    SisterSchool,
}

public enum ApplicationStatus
{
    Submitted,
    UnderReview,
    Accepted,
    Declined,
}

/// <summary>A member as the back office and the member see them.</summary>
public sealed record MemberProfile(
    Guid Id,
    string Email,
    bool EmailConfirmed,
    string Name,
    string School,
    string Position,
    string City,
    string Country,
    string PreferredCulture,
    DateTime CreatedUtc,
    DateTimeOffset? LockedOutUntil,
    IReadOnlyList<string> Groups)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;
}

/// <summary>The fields of a member's profile that the member (or an editor) may change.</summary>
public sealed record MemberDetails(string Name, string School, string Position, string City, string Country, string PreferredCulture);

public sealed record MemberApplication(
    Guid Id,
    Guid MemberId,
    ApplicationKind Kind,
    ApplicationStatus Status,
    string Message,
    string? EditorNote,
    DateTime CreatedUtc,
    DateTime UpdatedUtc);

public sealed record MemberSearch(string? Text = null, string? Group = null, int Page = 1, int PageSize = 20);

public sealed record MemberSearchResult(IReadOnlyList<MemberProfile> Members, int Total, int Page, int PageSize);

public sealed record MemberAuditEntry(DateTime AtUtc, string Actor, string Action, Guid? MemberId, Guid? ApplicationId, string? Detail);

/// <summary>The result of a change: done, or why not (codes for the caller to put into words).</summary>
public sealed record MemberResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static MemberResult Ok { get; } = new(true, []);

    public static MemberResult NotFound { get; } = new(false, [MemberErrors.NotFound]);

    public static MemberResult Fail(params string[] errors) => new(false, errors);
}

public static class MemberErrors
{
    public const string NotFound = "NotFound";
    public const string UnknownGroup = "UnknownGroup";
    public const string DuplicateGroup = "DuplicateGroup";
    public const string InvalidGroupName = "InvalidGroupName";
    public const string InvalidMessage = "InvalidMessage";
    public const string RegistrationNotOpen = "RegistrationNotOpen";
    public const string RegistrationClosed = "RegistrationClosed";
    public const string AlreadyRegistered = "AlreadyRegistered";
    public const string NotRegistered = "NotRegistered";
}

public static class MemberAuditActions
{
    public const string Register = "member.register";
    public const string UpdateProfile = "member.update";
    public const string AddToGroup = "member.group.add";
    public const string RemoveFromGroup = "member.group.remove";
    public const string CreateGroup = "group.create";
    public const string Lock = "member.lock";
    public const string Unlock = "member.unlock";
    public const string Delete = "member.delete";
    public const string Export = "member.export";
    public const string SubmitApplication = "application.submit";
    public const string ApplicationStatus = "application.status";
    public const string RegisterForSession = "registration.register";
    public const string CancelRegistration = "registration.cancel";
    public const string PromoteRegistration = "registration.promote";
    public const string ExportRegistrations = "registration.export";
}

