using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Site.Core.Users;

namespace Site.Features.BackOffice;

/// <summary>
/// Who is working in the back office: a cookie for the screens (path /umbraco) or a bearer token for scripts. Either
/// carries only the account's id and session stamp; the account (and so its groups) is read again on each request,
/// so a changed password, group or lock takes effect at once.
/// </summary>
public static class BackOfficeAuthentication
{
    public const string CookieScheme = "BackOffice";
    public const string TokenScheme = "BackOfficeToken";

    /// <summary>Issues the bearer tokens (ASP.NET Core's bearer token handler); <see cref="TokenScheme"/> reads them.</summary>
    public const string TokenIssuerScheme = "BackOfficeTokenIssuer";

    /// <summary>The screens: the back-office cookie.</summary>
    public const string ScreensPolicy = "BackOffice";

    /// <summary>The management API: the cookie (with an antiforgery header) or a bearer token.</summary>
    public const string ApiPolicy = "BackOfficeApi";

    internal const string StampClaim = "bo_stamp";
    private const string ProfileItem = "BackOffice.User";

    public static ClaimsPrincipal CreatePrincipal(UserProfile user, string stamp, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Email), new Claim(StampClaim, stamp)],
            scheme));
    }

    /// <summary>The signed-in back-office user of this request, or null.</summary>
    public static UserProfile? CurrentUser(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ProfileItem, out var user) ? user as UserProfile : null;
    }

    internal static bool IsBackOfficeIdentity(ClaimsIdentity identity) =>
        identity.IsAuthenticated && identity.AuthenticationType is CookieScheme or TokenScheme;

    /// <summary>
    /// The account behind a session, read again on every request: null when it is gone, locked, or its stamp changed
    /// (password, groups, lock) since the session began. On success the request knows its user.
    /// </summary>
    internal static async Task<UserProfile?> ValidateAsync(HttpContext context, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } value || !Guid.TryParse(value, out var id))
        {
            return null;
        }

        if (context.CurrentUser() is { } known && known.Id == id)
        {
            return known;
        }

        var users = context.RequestServices.GetRequiredService<IUserService>();
        var user = await users.ValidateSessionAsync(id, principal.FindFirst(StampClaim)?.Value, context.RequestAborted).ConfigureAwait(false);
        if (user is not null)
        {
            context.Items[ProfileItem] = user;
            if (principal.Identity is ClaimsIdentity identity)
            {
                identity.AddClaims(user.Groups.Select(g => new Claim(ClaimTypes.Role, g)));
            }
        }

        return user;
    }
}

/// <summary>
/// Reads the back-office bearer tokens that <see cref="BackOfficeAuthentication.TokenIssuerScheme"/> issued (password
/// sign-in) or OpenIddict issued (API users' client credentials, <see cref="Management.BackOfficeClients"/>), and
/// refuses them once the account's session is no longer valid (the built-in handler has no hook for that).
/// </summary>
internal sealed class BackOfficeTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    IOptionsMonitor<BearerTokenOptions> issuer,
    ILoggerFactory logger,
    System.Text.Encodings.Web.UrlEncoder encoder,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var ticket = Hosting.BearerTickets.Read(Request, issuer.Get(BackOfficeAuthentication.TokenIssuerScheme), clock);
        // Not a password token: an API user's OpenIddict access token (client credentials)?
        var principal = ticket is null
            ? Management.BackOfficeClients.PrincipalOf((await Context.AuthenticateAsync(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)).Principal)
            : new ClaimsPrincipal(new ClaimsIdentity(ticket.Principal.Claims, BackOfficeAuthentication.TokenScheme));
        if (principal is null)
        {
            return AuthenticateResult.Fail("The token is invalid or has expired.");
        }

        return await BackOfficeAuthentication.ValidateAsync(Context, principal).ConfigureAwait(false) is null
            ? AuthenticateResult.Fail("The account's session has ended.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, BackOfficeAuthentication.TokenScheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>
/// A refused management API call is answered with ProblemDetails (401 with a Bearer challenge, or 403); the screens
/// keep the cookie's redirect to the sign-in page.
/// </summary>
internal sealed class ManagementApiAuthorizationResultHandler : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
        Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!BackOfficeExtensions.IsApi(context.Request) || authorizeResult.Succeeded)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var text = BackOfficeText.For(BackOfficeControllerBase.PreferredCulture(context.Request));
        if (authorizeResult.Forbidden)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: text.Forbidden).ExecuteAsync(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: text.SignInFirst).ExecuteAsync(context);
    }
}
