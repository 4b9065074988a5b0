using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Site.Features.BackOffice.Management;
using Site.Features.Members;
using Site.Hosting.KeyRing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Site.Hosting.OpenId;

/// <summary>
/// OpenIddict as the site's OpenID Connect server, as Umbraco uses it: discovery at /.well-known/openid-configuration,
/// members' authorization code flow (PKCE) for the Delivery API, and API users' client credentials at Umbraco's
/// management API path (<see cref="BackOfficeClients"/>). Clients, authorizations and token entries are stored
/// in the key ring's database; tokens are data-protected with the shared key ring, so every instance reads them.
/// </summary>
public static class OpenIdServerExtensions
{
    public static IServiceCollection AddOpenIdServer(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OpenIdServerKeys>();
        services.AddScoped<BackOfficeClients.ClientSignIn>();
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<KeyRingDbContext>();
                // API users' clients are backed by the users store (their secrets are hashed there).
                o.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, BackOfficeClients.ApplicationManager>();
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(MemberAuthorization.AuthorizePath)
                    .SetTokenEndpointUris(MemberAuthorization.TokenPath, BackOfficeClients.TokenPath)
                    .SetEndSessionEndpointUris(MemberAuthorization.SignOutPath)
                    .SetRevocationEndpointUris(MemberAuthorization.RevokePath);
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1)).SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                o.UseDataProtection();
                // An error OpenIddict cannot send back to the app (no valid redirect address) is ProblemDetails in the
                // visitor's language, before OpenIddict's own plain-text answer.
                o.AddEventHandler<OpenIddictServerEvents.ApplyAuthorizationResponseContext>(b => b
                    .UseInlineHandler(c => MemberAuthorization.WriteLocalErrorAsync(c, c.RedirectUri))
                    .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<OpenIddictServerEvents.ApplyAuthorizationResponseContext>.Descriptor.Order - 1_000)
                    .SetType(OpenIddictServerHandlerType.Custom));
                // API users' token path takes only their clients, and answers refusals as ProblemDetails.
                o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b
                    .UseInlineHandler(BackOfficeClients.RefuseOtherClientsAsync)
                    .SetOrder(int.MinValue + 100_000)
                    .SetType(OpenIddictServerHandlerType.Custom));
                o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b
                    .UseInlineHandler(BackOfficeClients.WriteProblemAsync)
                    .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessJsonResponse<OpenIddictServerEvents.ApplyTokenResponseContext>.Descriptor.Order - 1_000)
                    .SetType(OpenIddictServerHandlerType.Custom));
                o.AddEventHandler<OpenIddictServerEvents.ApplyEndSessionResponseContext>(b => b
                    .UseInlineHandler(c => MemberAuthorization.WriteLocalErrorAsync(c, c.PostLogoutRedirectUri))
                    .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<OpenIddictServerEvents.ApplyEndSessionResponseContext>.Descriptor.Order - 1_000)
                    .SetType(OpenIddictServerHandlerType.Custom));
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the reverse proxy in front of the site (forwarded headers tell the scheme).
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                // A revoked token or authorization (sign-out) is refused at once, not when it expires.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
                o.UseAspNetCore();
            });
        return services;
    }
}
