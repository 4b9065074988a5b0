using Microsoft.AspNetCore.Identity;

namespace Site.Core.Members;

// Rows of the members database. Members are ASP.NET Core Identity users, apart from the back office's users.

/// <summary>A member of the public site: a principal or a partner school's contact.</summary>
internal sealed class Member : IdentityUser<Guid>
{
    public string Name { get; set; } = string.Empty;
    public string School { get; set; } = string.Empty;
    public string Position { get; set; } = string.Empty;
    public string City { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;

    /// <summary>zh-CN or en-US: the language of the mails the member gets.</summary>
    public string PreferredCulture { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>Name, school, city, country and email in upper case (invariant), for the back office's search.</summary>
    public string SearchText { get; set; } = string.Empty;

    public void RefreshSearchText() =>
        SearchText = string.Join('|', Name, School, Position, City, Country, Email ?? string.Empty).ToUpperInvariant();
}

/// <summary>A member group (Umbraco's member group): an Identity role.</summary>
internal sealed class MemberGroup : IdentityRole<Guid>
{
    public MemberGroup()
    {
    }

    public MemberGroup(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
    }
}

internal sealed class MemberApplicationRecord
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }
    public ApplicationKind Kind { get; set; }
    public ApplicationStatus Status { get; set; }
    public required string Message { get; set; }
    public string? EditorNote { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A member's place at a session (or on its waiting list). One row per member and session: registering again after a cancellation reuses it.</summary>
internal sealed class SessionRegistrationRecord
{
    public Guid Id { get; set; }
    public Guid SessionKey { get; set; }
    public Guid MemberId { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>When the member last registered: the waiting list's order.</summary>
    public DateTime RegisteredUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>What editors (and members, on their own account) did to member data. Ids only, no personal data.</summary>
internal sealed class MemberAuditRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public Guid? MemberId { get; set; }
    public Guid? ApplicationId { get; set; }
    public string? Detail { get; set; }
}
