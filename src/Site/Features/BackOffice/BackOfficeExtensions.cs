using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Site.Core.DependencyInjection;
using Site.Core.Users;
using Site.Features.BackOffice.Management;

namespace Site.Features.BackOffice;

public static class BackOfficeExtensions
{
    public const string Path = "/umbraco";

    /// <summary>
    /// The back office at /umbraco: its own users (Identity, apart from members), a cookie for the screens and bearer
    /// tokens for scripts, the editorial screens and the management API.
    /// </summary>
    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSiteUsers();
        services.AddAuthentication()
            .AddCookie(BackOfficeAuthentication.CookieScheme, o =>
            {
                o.Cookie.Name = ".forum.backoffice";
                o.Cookie.Path = Path;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = Path + "/login";
                o.AccessDeniedPath = Path + "/forbidden";
                o.Events.OnValidatePrincipal = async context =>
                {
                    if (await BackOfficeAuthentication.ValidateAsync(context.HttpContext, context.Principal) is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(BackOfficeAuthentication.CookieScheme);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BackOfficeTokenHandler>(BackOfficeAuthentication.TokenScheme, null)
            .AddBearerToken(BackOfficeAuthentication.TokenIssuerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(1);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(BackOfficeAuthentication.ScreensPolicy, policy => policy
                .AddAuthenticationSchemes(BackOfficeAuthentication.CookieScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Identities.Any(BackOfficeAuthentication.IsBackOfficeIdentity)))
            .AddPolicy(BackOfficeAuthentication.ApiPolicy, policy => policy
                .AddAuthenticationSchemes(BackOfficeAuthentication.CookieScheme, BackOfficeAuthentication.TokenScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Identities.Any(BackOfficeAuthentication.IsBackOfficeIdentity)));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ManagementApiAuthorizationResultHandler>();
        // Enums as their names ("Publish", "Accepted"), in requests and responses alike.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<IndexRebuildJob>();
        services.AddScoped<ContentTreeView>();
        services.AddNotificationHandler<Site.Core.Workflow.ReviewRequestedNotification, ReviewMail>();
        services.AddNotificationHandler<Site.Core.Workflow.ReviewDecidedNotification, ReviewMail>();
        services.AddManagementOpenApi();
        services.AddHostedService<UsersInitializationService>();
        return builder;
    }

    public static WebApplication MapBackOffice(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapManagementApi();
        return app;
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Path + "/management", StringComparison.OrdinalIgnoreCase);

    /// <summary>The back-office screens' own JSON endpoints (the rich text editor's, the pickers'): their errors are ProblemDetails in the editor's language.</summary>
    internal static bool IsScriptApi(string? path) =>
        path is not null
        && (path.StartsWith(RichTextController.Path + "/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(ContentPickerController.Path + "/", StringComparison.OrdinalIgnoreCase));

}

/// <summary>Migrates the users' tables at start and creates the configured administrator on an unattended install.</summary>
internal sealed class UsersInitializationService(IUsersInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
