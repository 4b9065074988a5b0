using Microsoft.AspNetCore.Identity;

namespace Site.Core.Users;

/// <summary>A back-office account (Umbraco's "user"): apart from site members, in tables of its own.</summary>
internal sealed class UserAccount : IdentityUser<Guid>
{
    public string Name { get; set; } = string.Empty;

    /// <summary>One of the back office's languages (BackOffice:UiCultures): of its screens for this user, and of their mail.</summary>
    public string UiCulture { get; set; } = string.Empty;

    /// <summary>For translators: the one culture they may edit.</summary>
    public string? TranslatorCulture { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A back-office group: Administrators, Editors, Writers, Translators.</summary>
internal sealed class UserGroup : IdentityRole<Guid>
{
    public UserGroup()
    {
    }

    public UserGroup(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
        NormalizedName = name.ToUpperInvariant();
    }
}
