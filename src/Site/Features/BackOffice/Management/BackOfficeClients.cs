using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Site.Core.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Site.Features.BackOffice.Management;

/// <summary>
/// API users' client credentials grant on OpenIddict, as Umbraco has it: the token endpoint at Umbraco's path is one of
/// OpenIddict's, so the token is OpenIddict's access token (data-protected with the shared key ring, with a token entry).
/// The client ids and secret hashes stay in the users store, where the users screen keeps them; OpenIddict's client
/// for an id is registered on first use and removed once the id is gone from the users store.
/// </summary>
public static class BackOfficeClients
{
    public const string TokenPath = ManagementApi.RoutePrefix + "/security/back-office/token";

    /// <summary>The account's session stamp, as in the back-office cookie and password tokens (only in the encrypted access token).</summary>
    internal const string StampClaim = BackOfficeAuthentication.StampClaim;

    /// <summary>
    /// OpenIddict has checked the client and its secret against the users store; the token is the API user's: their id
    /// and session stamp, so their groups decide on each call and a new stamp (credentials removed, lock, groups) ends it.
    /// </summary>
    internal static async Task<IResult> TokenAsync(HttpContext context, ClientSignIn signIn, IUserService users, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null || !request.IsClientCredentialsGrantType() || signIn.User is not { } user
            || !string.Equals(signIn.ClientId, request.ClientId, StringComparison.Ordinal))
        {
            return TypedResults.Forbid(
                new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var stamp = await users.GetSessionStampAsync(user.Id, cancellationToken).ConfigureAwait(false) ?? "";
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString()).SetClaim(Claims.Name, user.Email).SetClaim(StampClaim, stamp);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// An API user's OpenIddict access token on a management API call, as the principal the back-office token scheme
    /// checks (id and session stamp); null for any other token (a member's has no back-office stamp).
    /// </summary>
    internal static ClaimsPrincipal? PrincipalOf(ClaimsPrincipal? token) =>
        token?.GetClaim(Claims.Subject) is { } subject && token.GetClaim(StampClaim) is { } stamp
        && token.GetPresenters().Concat([token.GetClaim(Claims.ClientId) ?? ""]).Any(c => c.StartsWith(ClientCredentials.Prefix, StringComparison.Ordinal))
            ? new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Name, token.GetClaim(Claims.Name) ?? ""), new Claim(StampClaim, stamp)],
                BackOfficeAuthentication.TokenScheme))
            : null;

    /// <summary>
    /// Only API users' clients get tokens at <see cref="TokenPath"/>: any other client (a member's) is refused before its
    /// secret is checked. An unknown API client id costs the same hashing as a known one (the users store spends it),
    /// so the answer's timing does not tell which ids exist.
    /// </summary>
    internal static async ValueTask RefuseOtherClientsAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        if (context.Transaction.GetHttpRequest() is not { } http || !IsTokenPath(http) || string.IsNullOrEmpty(context.ClientId))
        {
            return;
        }

        if (!context.ClientId.StartsWith(ClientCredentials.Prefix, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidClient);
            return;
        }

        var users = http.HttpContext.RequestServices.GetRequiredService<IUserService>();
        if (!await users.HasClientCredentialAsync(context.ClientId, http.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            await users.CheckClientCredentialAsync(context.ClientId, context.ClientSecret ?? "", http.HttpContext.RequestAborted).ConfigureAwait(false);
            context.Reject(Errors.InvalidClient);
        }
    }

    private static bool IsTokenPath(HttpRequest request) => string.Equals(request.Path.Value, TokenPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A refused request at <see cref="TokenPath"/> is ProblemDetails (as the management API's other refusals) that also
    /// carries OAuth's "error" code; invalid_client is a 401 with a Basic challenge (RFC 6749 5.2).
    /// </summary>
    internal static async ValueTask WriteProblemAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        var error = context.Transaction.Response?.Error;
        if (string.IsNullOrEmpty(error) || context.Transaction.GetHttpRequest() is not { } http || !IsTokenPath(http))
        {
            return;
        }

        // A client credentials request with no client at all is a client that failed to authenticate (RFC 6749 5.2).
        if (error == Errors.InvalidRequest && context.Request?.IsClientCredentialsGrantType() == true && string.IsNullOrEmpty(context.Request.ClientId))
        {
            error = Errors.InvalidClient;
        }

        var text = BackOfficeText.For(BackOfficeControllerBase.PreferredCulture(http));
        var (status, detail) = error switch
        {
            Errors.InvalidClient => (StatusCodes.Status401Unauthorized, text.ClientRefused),
            Errors.UnsupportedGrantType => (StatusCodes.Status400BadRequest, text.TokenGrantType),
            _ => (StatusCodes.Status400BadRequest, text.TokenFormRequired),
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"umbraco\"";
        }

        http.HttpContext.Response.Headers.CacheControl = "no-store";
        http.HttpContext.Response.Headers.Pragma = "no-cache";
        await ManagementProblems.Problem(http.HttpContext, status, error, detail, new Dictionary<string, object?> { ["error"] = error, ["error_description"] = detail })
            .ExecuteAsync(http.HttpContext).ConfigureAwait(false);
        context.HandleRequest();
    }

    /// <summary>The API user whose client secret OpenIddict checked in this request.</summary>
    internal sealed class ClientSignIn
    {
        public string? ClientId { get; set; }

        public UserProfile? User { get; set; }
    }

    /// <summary>
    /// OpenIddict's application manager, with API users' clients (ids with <see cref="ClientCredentials.Prefix"/>) backed
    /// by the users store: such a client exists for OpenIddict while the users store has its id, and its secret is
    /// checked there (our hash, with the password's lockout), not against the application row.
    /// </summary>
    internal sealed class ApplicationManager(
        IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
        ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
        IOptionsMonitor<OpenIddictCoreOptions> options,
        IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
        IUserService users,
        ClientSignIn signIn)
        : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
    {
        private bool _registering;

        public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken = default)
        {
            var application = await base.FindByClientIdAsync(identifier, cancellationToken).ConfigureAwait(false);
            if (_registering || identifier is null || !identifier.StartsWith(ClientCredentials.Prefix, StringComparison.Ordinal))
            {
                return application;
            }

            var held = await users.HasClientCredentialAsync(identifier, cancellationToken).ConfigureAwait(false);
            if (application is not null && !held)
            {
                // The credentials were removed: so go the client and its token entries.
                await DeleteAsync(application, cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (application is null && held)
            {
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = identifier,
                    // Never compared: the secret is checked in the users store (see ValidateClientSecretAsync).
                    ClientSecret = ClientCredentials.NewSecret(),
                    ClientType = ClientTypes.Confidential,
                    DisplayName = "API user",
                };
                descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
                _registering = true;
                try
                {
                    await CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
                }
                catch (Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    // Another instance registered it at the same moment.
                }
                finally
                {
                    _registering = false;
                }

                application = await base.FindByClientIdAsync(identifier, cancellationToken).ConfigureAwait(false);
            }

            return application;
        }

        public override async ValueTask<bool> ValidateClientSecretAsync(OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(application);
            var clientId = await GetClientIdAsync(application, cancellationToken).ConfigureAwait(false);
            if (clientId is null || !clientId.StartsWith(ClientCredentials.Prefix, StringComparison.Ordinal))
            {
                return await base.ValidateClientSecretAsync(application, secret, cancellationToken).ConfigureAwait(false);
            }

            var result = await users.CheckClientCredentialAsync(clientId, secret, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != SignInOutcome.Succeeded)
            {
                return false;
            }

            signIn.ClientId = clientId;
            signIn.User = result.User;
            return true;
        }
    }
}
