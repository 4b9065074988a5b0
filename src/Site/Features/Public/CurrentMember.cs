using Site.Core.Members;

namespace Site.Features.Public;

/// <summary>
/// Who the signed-in member of a request is. Until the members feature signs people in, every visitor is anonymous;
/// that feature replaces this registration, and every page, list, sitemap and feed follows.
/// </summary>
public interface ICurrentMemberAccessor
{
    MemberIdentity? GetMember(HttpContext context);
}

internal sealed class AnonymousMemberAccessor : ICurrentMemberAccessor
{
    public MemberIdentity? GetMember(HttpContext context) => null;
}
