using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Workflow;
using Site.Features.Members;

namespace Site.Features.BackOffice.Management;

/// <summary>
/// The management API at /umbraco/management/api/v1: the back office's operations as JSON, for import scripts and
/// automation. Every endpoint needs a back-office user (a bearer token from /security/token, or the back-office
/// cookie with an antiforgery header); the permission table decides the rest, per group and culture.
/// </summary>
public static class ManagementApi
{
    public const string RoutePrefix = BackOfficeExtensions.Path + "/management/api/v1";
    public const string DocumentName = "management";

    public static WebApplication MapManagementApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.MapGroup(RoutePrefix).WithGroupName(DocumentName);

        root.MapPost("/security/token", Security.TokenAsync).AllowAnonymous()
            .RequireRateLimiting(MembersExtensions.RateLimitPolicy).WithTags("Security").WithName("PostSecurityToken")
            // The bearer-token handler writes the answer to a sign-in itself.
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Umbraco's path and OAuth 2.0's client credentials grant (RFC 6749 4.4), for API users' scripts: one of
        // OpenIddict's token endpoints, which checks the request and the client before this runs.
        root.MapPost("/security/back-office/token", BackOfficeClients.TokenAsync).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(MembersExtensions.RateLimitPolicy).WithTags("Security").WithName("PostSecurityBackOfficeToken")
            .WithDescription("OAuth 2.0 client credentials: send application/x-www-form-urlencoded fields grant_type=client_credentials, " +
                "client_id and client_secret (or the id and secret as HTTP Basic). Any other request is answered with ProblemDetails " +
                "carrying OAuth's error code.")
            .Produces<ClientCredentialsToken>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var api = root.MapGroup("")
            .RequireAuthorization(BackOfficeAuthentication.ApiPolicy)
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        ((IEndpointConventionBuilder)api).Finally(CookieAntiforgeryFilter.Describe);

        api.MapGet("/user/current", Security.Current).WithTags("User").WithName("GetCurrentUser");

        DocumentEndpoints.Map(api.MapGroup("").WithTags("Document"));
        WorkflowEndpoints.Map(api.MapGroup("").WithTags("Workflow"));
        MediaLibraryEndpoints.Map(api.MapGroup("/media").WithTags("Media"));
        AdministrationEndpoints.MapUsers(api.MapGroup("/user").WithTags("User").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators)));
        AdministrationEndpoints.MapMembers(api.MapGroup("/member").WithTags("Member").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators, BackOfficeGroups.Editors)));
        AdministrationEndpoints.MapIndexer(api.MapGroup("/indexer").WithTags("Indexer").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators)));
        AdministrationEndpoints.MapAudit(api.MapGroup("/audit").WithTags("Audit"));
        GlossaryEndpoints.Map(api.MapGroup("/glossary").WithTags("Glossary")
            .AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators, BackOfficeGroups.Editors, BackOfficeGroups.Translators)));
        // After every endpoint's own conventions, so that what it declares itself is kept.
        ((IEndpointConventionBuilder)root).Finally(ManagementOpenApi.DescribeRequestProblems);
        return app;
    }

    /// <summary>
    /// A browser sends the back-office cookie by itself, so a changing call made with the cookie must also carry the
    /// antiforgery token (header RequestVerificationToken). A bearer token is never sent by itself and needs none.
    /// </summary>
    internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var byCookie = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == BackOfficeAuthentication.CookieScheme);
            if (byCookie && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
                }
                catch (AntiforgeryValidationException)
                {
                    return ManagementProblems.BadRequest(http, "The antiforgery token is missing or invalid: send the RequestVerificationToken header.");
                }
            }

            return await next(context).ConfigureAwait(false);
        }

        /// <summary>Every changing call can be refused by this filter, so each declares that 400.</summary>
        public static void Describe(EndpointBuilder endpoint)
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)) == true)
            {
                ManagementOpenApi.DeclareProblem(endpoint, StatusCodes.Status400BadRequest);
            }
        }
    }

    /// <summary>Only members of these groups; everyone else gets 403.</summary>
    internal sealed class GroupFilter(params string[] groups) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
            context.HttpContext.CurrentUser() is { } user && groups.Any(user.Groups.Contains)
                ? next(context)
                : ValueTask.FromResult<object?>(ManagementProblems.Forbidden(context.HttpContext));
    }

    internal static class Security
    {
        public static async Task<Results<SignInHttpResult, ProblemHttpResult>> TokenAsync(TokenRequest request, HttpContext context, Site.Core.Users.IUserService users, CancellationToken cancellationToken)
        {
            var signIn = await users.CheckPasswordAsync(request?.Email ?? "", request?.Password ?? "", cancellationToken).ConfigureAwait(false);
            if (signIn.Outcome != Site.Core.Users.SignInOutcome.Succeeded)
            {
                var text = BackOfficeText.For(BackOfficeControllerBase.PreferredCulture(context.Request));
                // Locked or not, known or not: one answer (the engine still tells the audit trail which it was).
                return ManagementProblems.Problem(context, StatusCodes.Status401Unauthorized, nameof(Site.Core.Users.SignInOutcome.Failed), text.LoginFailed);
            }

            var stamp = await users.GetSessionStampAsync(signIn.User!.Id, cancellationToken).ConfigureAwait(false) ?? "";
            return TypedResults.SignIn(
                BackOfficeAuthentication.CreatePrincipal(signIn.User, stamp, BackOfficeAuthentication.TokenScheme),
                authenticationScheme: BackOfficeAuthentication.TokenIssuerScheme);
        }

        public static Ok<UserModel> Current(HttpContext context, TimeProvider clock) =>
            TypedResults.Ok(UserModel.From(context.CurrentUser()!, clock.GetUtcNow()));
    }
}

/// <summary>OAuth 2.0's token response (RFC 6749 5.1), as OpenIddict writes it.</summary>
public sealed record ClientCredentialsToken(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
