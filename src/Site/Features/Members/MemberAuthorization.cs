using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using Site.Core.Localization;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Delivery;
using Site.Features.Public;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Site.Features.Members;

/// <summary>
/// Members signing in to other front ends as Umbraco's Delivery API has them do: the authorization code flow with PKCE
/// (OpenIddict), the member signing in on the site's own page. The app then sends the access token to the Delivery API,
/// which shows what the member's groups may see. Like the site's own session, a token dies with the member's security
/// stamp (a new password, a lock, a group change, deletion) and with the sign-out.
/// </summary>
public static class MemberAuthorization
{
    public const string BasePath = "/umbraco/delivery/api/v1/security/member";
    public const string AuthorizePath = BasePath + "/authorize";
    public const string TokenPath = BasePath + "/token";
    public const string SignOutPath = BasePath + "/signout";
    public const string RevokePath = BasePath + "/revoke";

    /// <summary>Umbraco's client id for the members' public client.</summary>
    public const string ClientId = "umbraco-member";

    /// <summary>Umbraco's prefix for API members' client ids.</summary>
    public const string ApiMemberClientPrefix = "umbraco-member-";

    internal const string StampClaim = "member_stamp";

    public static IServiceCollection AddMemberAuthorization(this IServiceCollection services)
    {
        services.AddHostedService<MemberClientRegistration>();
        return services;
    }

    public static WebApplication MapMemberAuthorization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(MembersExtensions.RateLimitPolicy).ExcludeFromDescription();
        app.MapPost(TokenPath, TokenAsync)
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(MembersExtensions.RateLimitPolicy).ExcludeFromDescription();
        app.MapMethods(SignOutPath, [HttpMethods.Get, HttpMethods.Post], SignOutAsync)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// OpenIddict has checked the client, its redirect address and PKCE. A visitor who is not signed in goes to the
    /// member sign-in page, which brings them back here; a signed-in member gets a code for the app.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<Member> users, IPublishedSnapshotAccessor snapshots)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null)
        {
            return Problem(context, snapshots, StatusCodes.Status400BadRequest, t => t.AuthorizationRequestInvalid);
        }

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        var member = session.Succeeded && !request.HasPromptValue(PromptValues.Login)
            ? await ActiveMemberAsync(users, MemberIdOf(session.Principal), stamp: null).ConfigureAwait(false)
            : null;
        if (member is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, MemberText.For(Culture(context, snapshots)).AuthorizationSignInRequired);
            }

            // prompt=login is honoured once: the sign-in page returns here without it.
            var back = context.Request.Path + QueryString.Create(
                context.Request.Query.Where(p => !string.Equals(p.Key, Parameters.Prompt, StringComparison.Ordinal))
                    .Select(p => KeyValuePair.Create<string, string?>(p.Key, p.Value.ToString())));
            if (request.HasPromptValue(PromptValues.Login))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
            }

            var prefix = MemberUrls.PrefixOf(Culture(context, snapshots, request.UiLocales?.Split(' ', StringSplitOptions.RemoveEmptyEntries)), snapshots.Current.Languages);
            return TypedResults.Redirect(MemberUrls.Page(prefix, "login") + "?returnUrl=" + Uri.EscapeDataString(back));
        }

        var identity = await IdentityAsync(users, member).ConfigureAwait(false);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile], StringComparer.Ordinal));
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A code or a refresh token for new tokens, while the member's session still holds; or, for an API member's
    /// client (OpenIddict has checked its secret), a token as that member.
    /// </summary>
    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<Member> users, IPublishedSnapshotAccessor snapshots, IOptions<DeliveryApiOptions> options)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is not null && request.IsClientCredentialsGrantType())
        {
            var flow = options.Value.MemberAuthorization.ClientCredentialsFlow;
            var configured = flow.Enabled ? flow.Clients.FirstOrDefault(c => string.Equals(c.ClientId, request.ClientId, StringComparison.Ordinal)) : null;
            var apiMember = configured is null ? null : await users.FindByEmailAsync(configured.MemberEmail).ConfigureAwait(false);
            apiMember = apiMember is null ? null : await ActiveMemberAsync(users, apiMember.Id.ToString(), stamp: null).ConfigureAwait(false);
            if (apiMember is null)
            {
                return Refuse(Errors.InvalidClient, MemberText.For(Culture(context, snapshots)).AuthorizationSessionEnded);
            }

            return TypedResults.SignIn(new ClaimsPrincipal(await IdentityAsync(users, apiMember).ConfigureAwait(false)), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request is null || !(request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType()))
        {
            return Refuse(Errors.UnsupportedGrantType, MemberText.For(Culture(context, snapshots)).AuthorizationRequestInvalid);
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        var member = await ActiveMemberAsync(users, result.Principal?.GetClaim(Claims.Subject), result.Principal?.GetClaim(StampClaim) ?? "").ConfigureAwait(false);
        if (member is null)
        {
            return Refuse(Errors.InvalidGrant, MemberText.For(Culture(context, snapshots)).AuthorizationSessionEnded);
        }

        var principal = new ClaimsPrincipal(await IdentityAsync(users, member).ConfigureAwait(false));
        principal.SetScopes(result.Principal!.GetScopes());
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Ends the member's session on the site and every token the app holds for it, then returns to the app's
    /// registered sign-out address (or the home page).
    /// </summary>
    private static async Task<IResult> SignOutAsync(
        HttpContext context, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
    {
        var request = context.GetOpenIddictServerRequest();
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        var subject = MemberIdOf(session.Principal) ?? hint.Principal?.GetClaim(Claims.Subject);
        if (subject is not null && await applications.FindByClientIdAsync(ClientId, context.RequestAborted).ConfigureAwait(false) is { } client
            && await applications.GetIdAsync(client, context.RequestAborted).ConfigureAwait(false) is { } clientId)
        {
            await authorizations.RevokeAsync(subject, clientId, status: null, type: null, context.RequestAborted).ConfigureAwait(false);
            await tokens.RevokeAsync(subject, clientId, status: null, type: null, context.RequestAborted).ConfigureAwait(false);
        }

        await context.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request?.PostLogoutRedirectUri))
        {
            return TypedResults.Redirect("/");
        }

        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string? MemberIdOf(ClaimsPrincipal? session) => session is null ? null : ClaimsMemberAccessor.MemberId(session)?.ToString();

    /// <summary>The member's claims in the tokens: the stamp only in the access and refresh tokens (they are encrypted).</summary>
    private static async Task<ClaimsIdentity> IdentityAsync(UserManager<Member> users, Member member)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, member.Id.ToString())
            .SetClaim(Claims.Name, member.Name)
            .SetClaim(StampClaim, await users.GetSecurityStampAsync(member).ConfigureAwait(false));
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or Claims.Name => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    /// <summary>The member, when they exist, are confirmed and not locked, and (if given) their security stamp is still the one signed.</summary>
    internal static async Task<Member?> ActiveMemberAsync(UserManager<Member> users, string? id, string? stamp)
    {
        if (!Guid.TryParse(id, out var memberId))
        {
            return null;
        }

        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false);
        if (member is null || !member.EmailConfirmed || await users.IsLockedOutAsync(member).ConfigureAwait(false))
        {
            return null;
        }

        return stamp is null || string.Equals(member.SecurityStamp, stamp, StringComparison.Ordinal) ? member : null;
    }

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static ProblemHttpResult Problem(HttpContext context, IPublishedSnapshotAccessor snapshots, int status, Func<MemberText, string> detail) =>
        TypedResults.Problem(statusCode: status, detail: detail(MemberText.For(Culture(context, snapshots))));

    /// <summary>The language the app asked for (ui_locales), else the visitor's.</summary>
    private static string Culture(HttpContext context, IPublishedSnapshotAccessor snapshots, IEnumerable<string>? uiLocales = null)
    {
        var languages = snapshots.Current.Languages;
        foreach (var locale in uiLocales ?? [])
        {
            if (languages.Find(locale) is { } language)
            {
                return language.IsoCode;
            }
        }

        return VisitorLanguage.FromAcceptLanguage(languages, context.Request)?.IsoCode ?? languages.Default?.IsoCode ?? TextCatalog.SourceCulture;
    }

    /// <summary>
    /// Answers an authorize or sign-out error that cannot go back to the app (its redirect address is unknown or
    /// missing) as ProblemDetails in the visitor's language, with OAuth's error code beside it.
    /// </summary>
    internal static async ValueTask WriteLocalErrorAsync(OpenIddict.Server.OpenIddictServerEvents.BaseRequestContext context, string? redirectUri)
    {
        var error = context.Transaction.Response?.Error;
        if (string.IsNullOrEmpty(error) || !string.IsNullOrEmpty(redirectUri) || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
        {
            return;
        }

        var snapshots = http.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>();
        var description = context.Transaction.Response!.ErrorDescription;
        http.Response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad request",
                detail: MemberText.For(Culture(http, snapshots)).AuthorizationRequestInvalid,
                extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description })
            .ExecuteAsync(http).ConfigureAwait(false);
        context.HandleRequest();
    }

    /// <summary>The member behind an OpenIddict access token on a Delivery API request, or null.</summary>
    internal static async ValueTask<MemberIdentity?> ResolveAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return null;
        }

        using var scope = context.RequestServices.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = await ActiveMemberAsync(users, result.Principal.GetClaim(Claims.Subject), result.Principal.GetClaim(StampClaim) ?? "").ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var groups = await users.GetRolesAsync(member).ConfigureAwait(false);
        return new MemberIdentity(member.Id.ToString(), groups.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>
/// Keeps the members' client (<see cref="MemberAuthorization.ClientId"/>) as configured: a public client with PKCE whose
/// redirect addresses are exactly the configured ones; removed when the flow is off.
/// </summary>
internal sealed class MemberClientRegistration(IServiceScopeFactory scopes, IOptions<DeliveryApiOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var flow = options.Value.MemberAuthorization.AuthorizationCodeFlow;
        var existing = await applications.FindByClientIdAsync(MemberAuthorization.ClientId, cancellationToken);
        if (!options.Value.Enabled || !flow.Enabled || flow.LoginRedirectUrls.Count == 0)
        {
            if (existing is not null)
            {
                await applications.DeleteAsync(existing, cancellationToken);
            }

            await RegisterApiMembersAsync(applications, cancellationToken);
            return;
        }

        await RegisterApiMembersAsync(applications, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = MemberAuthorization.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Members",
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(flow.LoginRedirectUrls);
        descriptor.PostLogoutRedirectUris.UnionWith(flow.LogoutRedirectUrls);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance registered it at the same moment, with the same configuration.
            }
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    /// <summary>The API members' confidential clients: exactly the configured ones (none when the flow is off).</summary>
    private async Task RegisterApiMembersAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var flow = options.Value.MemberAuthorization.ClientCredentialsFlow;
        var wanted = options.Value.Enabled && flow.Enabled ? flow.Clients : [];
        foreach (var client in wanted)
        {
            if (!client.ClientId.StartsWith(MemberAuthorization.ApiMemberClientPrefix, StringComparison.Ordinal)
                || string.IsNullOrWhiteSpace(client.ClientSecret) || string.IsNullOrWhiteSpace(client.MemberEmail))
            {
                throw new InvalidOperationException(
                    $"Site:DeliveryApi:MemberAuthorization:ClientCredentialsFlow:Clients: each needs a ClientId starting with \"{MemberAuthorization.ApiMemberClientPrefix}\", a ClientSecret and a MemberEmail.");
            }
        }

        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var id = await applications.GetClientIdAsync(application, cancellationToken);
            if (id is not null && id.StartsWith(MemberAuthorization.ApiMemberClientPrefix, StringComparison.Ordinal) && !wanted.Any(c => c.ClientId == id))
            {
                stale.Add(application);
            }
        }

        foreach (var application in stale)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }

        foreach (var client in wanted)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "API member",
            };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            try
            {
                if (existing is null)
                {
                    await applications.CreateAsync(descriptor, cancellationToken);
                }
                else
                {
                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                }
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance registered it at the same moment, with the same configuration.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
