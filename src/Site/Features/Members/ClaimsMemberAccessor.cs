using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Site.Core.Members;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>The signed-in member of a request, from the member cookie's claims: their id and their groups.</summary>
internal sealed class ClaimsMemberAccessor : ICurrentMemberAccessor
{
    public MemberIdentity? GetMember(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.User.Identities.FirstOrDefault(i =>
            i.IsAuthenticated && string.Equals(i.AuthenticationType, IdentityConstants.ApplicationScheme, StringComparison.Ordinal));
        if (identity?.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { Length: > 0 } id)
        {
            return null;
        }

        var groups = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MemberIdentity(id, groups);
    }

    /// <summary>The member's id as a Guid, or null for anyone else.</summary>
    public static Guid? MemberId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = user.Identities.FirstOrDefault(i =>
            i.IsAuthenticated && string.Equals(i.AuthenticationType, IdentityConstants.ApplicationScheme, StringComparison.Ordinal));
        return Guid.TryParse(identity?.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
    }

    public static string? DisplayName(ClaimsPrincipal user) => user?.FindFirst(MemberClaimsFactory.DisplayNameClaim)?.Value;
}

/// <summary>Adds the member's name (shown in the header) to the claims Identity writes into the cookie.</summary>
internal sealed class MemberClaimsFactory(UserManager<Member> users, RoleManager<MemberGroup> groups, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Member, MemberGroup>(users, groups, options)
{
    public const string DisplayNameClaim = "member_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(DisplayNameClaim, user.Name));
        return identity;
    }
}
