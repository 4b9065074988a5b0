using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
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
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var api = root.MapGroup("")
            .RequireAuthorization(BackOfficeAuthentication.ApiPolicy)
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/user/current", Security.Current).WithTags("User").WithName("GetCurrentUser");

        DocumentEndpoints.Map(api.MapGroup("").WithTags("Document"));
        WorkflowEndpoints.Map(api.MapGroup("").WithTags("Workflow"));
        MediaLibraryEndpoints.Map(api.MapGroup("/media").WithTags("Media"));
        AdministrationEndpoints.MapUsers(api.MapGroup("/user").WithTags("User").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators)));
        AdministrationEndpoints.MapMembers(api.MapGroup("/member").WithTags("Member").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators, BackOfficeGroups.Editors)));
        AdministrationEndpoints.MapIndexer(api.MapGroup("/indexer").WithTags("Indexer").AddEndpointFilter(new GroupFilter(BackOfficeGroups.Administrators)));
        AdministrationEndpoints.MapAudit(api.MapGroup("/audit").WithTags("Audit"));
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
        public static async Task<IResult> TokenAsync(TokenRequest request, HttpContext context, Site.Core.Users.IUserService users, CancellationToken cancellationToken)
        {
            var signIn = await users.CheckPasswordAsync(request?.Email ?? "", request?.Password ?? "", cancellationToken).ConfigureAwait(false);
            if (signIn.Outcome != Site.Core.Users.SignInOutcome.Succeeded)
            {
                var text = BackOfficeText.For(BackOfficeControllerBase.PreferredCulture(context.Request));
                return ManagementProblems.Problem(context, StatusCodes.Status401Unauthorized, signIn.Outcome.ToString(),
                    signIn.Outcome == Site.Core.Users.SignInOutcome.LockedOut ? text.LockedOut : text.LoginFailed);
            }

            var stamp = await users.GetSessionStampAsync(signIn.User!.Id, cancellationToken).ConfigureAwait(false) ?? "";
            return Results.SignIn(
                BackOfficeAuthentication.CreatePrincipal(signIn.User, stamp, BackOfficeAuthentication.TokenScheme),
                authenticationScheme: BackOfficeAuthentication.TokenIssuerScheme);
        }

        public static UserModel Current(HttpContext context, TimeProvider clock) =>
            UserModel.From(context.CurrentUser()!, clock.GetUtcNow());
    }
}
