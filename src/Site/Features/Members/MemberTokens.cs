using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Site.Core.Localization;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Features.Delivery;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>
/// Bearer tokens for members, for other front ends (the mobile app, the WeChat mini-program): they sign a member in
/// at POST /api/member/token and send the token to the Delivery API, which then shows what the member's groups may see.
/// A token dies with the member's session: a new password, a lock, a group change or deletion ends it at once.
/// </summary>
public static class MemberTokens
{
    public const string Scheme = "MemberToken";
    public const string Route = "/api/member/token";
    private const string StampClaim = "member_stamp";

    public static IServiceCollection AddMemberTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddBearerToken(Scheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        services.AddSingleton<IDeliveryMemberResolver, BearerMemberResolver>();
        return services;
    }

    public static WebApplication MapMemberTokens(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, IssueAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(MembersExtensions.RateLimitPolicy);
        return app;
    }

    public sealed record TokenRequest(string? Email, string? Password);

    /// <summary>The same refusal for an unknown address, a wrong password, an unconfirmed or a locked account.</summary>
    private static async Task<IResult> IssueAsync(TokenRequest? request, UserManager<Member> users, SignInManager<Member> signIn, IPublishedSnapshotAccessor snapshots, HttpContext context)
    {
        var member = string.IsNullOrWhiteSpace(request?.Email) ? null : await users.FindByEmailAsync(request.Email.Trim()).ConfigureAwait(false);
        if (member is null)
        {
            EqualPasswordWork.Spend(users.PasswordHasher, request?.Password);
            return Refused(context, snapshots);
        }

        var result = await signIn.CheckPasswordSignInAsync(member, request?.Password ?? string.Empty, lockoutOnFailure: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Refused before the password was checked: check it all the same, so a locked account answers as slowly as any.
                await users.CheckPasswordAsync(member, request?.Password ?? string.Empty).ConfigureAwait(false);
            }

            return Refused(context, snapshots);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, member.Id.ToString()), new Claim(StampClaim, member.SecurityStamp ?? string.Empty)], Scheme);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
    }

    private static IResult Refused(HttpContext context, IPublishedSnapshotAccessor snapshots)
    {
        var culture = VisitorLanguage.FromAcceptLanguage(snapshots.Current.Languages, context.Request)?.IsoCode ?? TextCatalog.SourceCulture;
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: MemberText.For(culture).TokenRefused);
    }

    /// <summary>The member behind a bearer token (this endpoint's or the OpenID Connect flow's) on a Delivery API request, or null (then the request is anonymous).</summary>
    internal sealed class BearerMemberResolver(IOptionsMonitor<BearerTokenOptions> options, IServiceScopeFactory scopes, TimeProvider clock) : IDeliveryMemberResolver
    {
        public async ValueTask<MemberIdentity?> ResolveAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var ticket = Hosting.BearerTickets.Read(context.Request, options.Get(Scheme), clock);
            if (ticket is null)
            {
                // Not one of ours: perhaps an access token from the OpenID Connect flow.
                return await MemberAuthorization.ResolveAsync(context).ConfigureAwait(false);
            }

            if (!Guid.TryParse(ticket.Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id))
            {
                return null;
            }

            using var scope = scopes.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var member = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
            if (member is null || !member.EmailConfirmed || await users.IsLockedOutAsync(member).ConfigureAwait(false)
                || !string.Equals(member.SecurityStamp, ticket.Principal.FindFirst(StampClaim)?.Value, StringComparison.Ordinal))
            {
                return null;
            }

            var groups = await users.GetRolesAsync(member).ConfigureAwait(false);
            return new MemberIdentity(member.Id.ToString(), groups.ToHashSet(StringComparer.OrdinalIgnoreCase));
        }
    }
}
