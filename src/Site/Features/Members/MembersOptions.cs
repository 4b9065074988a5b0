namespace Site.Features.Members;

/// <summary>Settings of the members feature, bound from "Site:Members".</summary>
public sealed class MembersOptions
{
    public const string SectionName = "Site:Members";

    /// <summary>Log-in, registration and reset requests allowed per client address and window.</summary>
    public int RateLimitPermits { get; set; } = 10;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a session is checked against the database (groups changed, account locked or deleted).</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long "keep me logged in" lasts.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);
}
