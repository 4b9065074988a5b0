using Site.Core.Publishing;

namespace Site.Core.Members;

/// <summary>Who is asking: a signed-in member and their groups. Anonymous visitors are represented by null.</summary>
public sealed record MemberIdentity(string Id, IReadOnlySet<string> Groups)
{
    public bool IsInAny(IEnumerable<string> groups) => groups.Any(Groups.Contains);
}

/// <summary>
/// Umbraco's public access: a node and all its descendants are for signed-in members only, or only for members of
/// the given groups. The login and no-access pages are shown to those who may not see the content.
/// </summary>
public sealed record PublicAccessRule(Guid NodeKey, IReadOnlyList<string> AllowedGroups, Guid? LoginNodeKey = null, Guid? NoAccessNodeKey = null)
{
    /// <summary>No groups named: any signed-in member may see the content.</summary>
    public bool AnyMember => AllowedGroups.Count == 0;
}

public enum AccessOutcome
{
    Allowed,

    /// <summary>Protected content and an anonymous visitor: they must sign in.</summary>
    LoginRequired,

    /// <summary>Signed in, but not in any group the rule allows.</summary>
    NoAccess,
}

/// <summary>The one place that decides whether someone may see a node: pages, search, feeds, the API all ask it.</summary>
public static class PublicAccess
{
    public static AccessOutcome Check(PublicAccessRule? rule, MemberIdentity? member) =>
        rule is null ? AccessOutcome.Allowed
        : member is null ? AccessOutcome.LoginRequired
        : rule.AnyMember || member.IsInAny(rule.AllowedGroups) ? AccessOutcome.Allowed
        : AccessOutcome.NoAccess;

    public static AccessOutcome Check(PublishedContent content, MemberIdentity? member)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Check(content.AccessRule, member);
    }

    public static bool CanSee(this MemberIdentity? member, PublishedContent content) =>
        Check(content, member) == AccessOutcome.Allowed;
}
