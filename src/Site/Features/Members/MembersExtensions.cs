using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.Localization;
using Site.Localization;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;
using Site.Hosting.OpenId;

namespace Site.Features.Members;

public static class MembersExtensions
{
    /// <summary>The rate limit on log-in, registration and password reset (per client address).</summary>
    public const string RateLimitPolicy = "member-forms";

    /// <summary>
    /// Members of the public site: ASP.NET Core Identity on the site's database with its own cookie, apart from the
    /// back office; mail by MailKit; the signed-in member's groups feed every public-access check.
    /// </summary>
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MembersOptions>()
            .BindConfiguration(MembersOptions.SectionName)
            .Validate(o => o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero, "Site:Members:RateLimitPermits and RateLimitWindow must be positive.")
            .Validate(o => o.SessionCheckInterval >= TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "Site:Members:SessionCheckInterval and SessionLifetime must be positive.")
            .ValidateOnStart();
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.SectionName)
            .Validate(o => o.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Site:Mail:Smtp:Host is required when Site:Mail:Delivery is Smtp.")
            .Validate(o => System.Net.Mail.MailAddress.TryCreate(o.FromAddress, out _), "Site:Mail:FromAddress must be an email address.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupFolder), "Site:Mail:PickupFolder must not be empty.")
            .PostConfigure(o => o.FromName = string.IsNullOrWhiteSpace(o.FromName) ? SiteTexts.SiteName(TextCatalog.SourceCulture) : o.FromName)
            .ValidateOnStart();

        services.AddSiteMembers()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<MemberClaimsFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));
        services.AddScoped<IMemberAccountService, MemberAccountService>();
        services.AddScoped<RegistrationMails>();
        services.AddSingleton<ISessionCalendarAttachment, SessionCalendarAttachment>();
        services.AddMemberTokens();
        services.AddOpenIdServer();
        services.AddMemberAuthorization();
        services.Replace(ServiceDescriptor.Singleton<ICurrentMemberAccessor, ClaimsMemberAccessor>());
        // Data protection (the keys of the cookie and the mailed tokens) is set up with the engine: Hosting/KeyRing.

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".forum.member";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the site is served over HTTPS
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = context => RedirectToMemberPage(context.HttpContext, "login", context.RedirectUri);
            o.Events.OnRedirectToAccessDenied = context => RedirectToMemberPage(context.HttpContext, "", null);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<MembersOptions>>((o, members) => o.ValidationInterval = members.Value.SessionCheckInterval);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".forum.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        // A policy of its own (with its own rejection), so that it sits beside other features' limits.
        services.AddRateLimiter(o => o.AddPolicy<string, MemberFormsRateLimitPolicy>(RateLimitPolicy));
        services.Configure<MvcOptions>(o => o.Filters.Add<MemberResponseCacheFilter>());
        services.AddHostedService<MembersInitializationService>();
        return builder;
    }

    private static Task RedirectToMemberPage(HttpContext context, string page, string? redirectUri)
    {
        var languages = context.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages;
        var prefix = (VisitorLanguage.FromPath(languages, context.Request.Path.Value) ?? languages.Default)?.UrlPrefix ?? string.Empty;
        var target = MemberUrls.Page(prefix, page);
        if (redirectUri is not null && MemberUrls.SafeReturnUrl(context.Request.Path + context.Request.QueryString, context.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages) is { } back)
        {
            target += "?returnUrl=" + Uri.EscapeDataString(back);
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Log-in, registration, password-reset and token posts per client address. The refusal (429) says when to try again
/// (Retry-After): as ProblemDetails on the JSON APIs, as text in every language of the site on the forms.
/// </summary>
internal sealed class MemberFormsRateLimitPolicy(IOptions<MembersOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        var response = http.Response;
        var window = http.RequestServices.GetRequiredService<IOptions<MembersOptions>>().Value.RateLimitWindow;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var languages = http.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages;
        if (RequestFailures.IsApiPath(http.Request.Path))
        {
            var culture = VisitorLanguage.FromAcceptLanguage(languages, http.Request)?.IsoCode ?? TextCatalog.SourceCulture;
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: MemberText.For(culture).TooManyRequests)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Before any page is chosen, so in every language of the site.
        response.ContentType = "text/plain; charset=utf-8";
        var lines = languages.All.Select(l => MemberText.For(l.IsoCode).TooManyRequests).Distinct(StringComparer.Ordinal);
        await response.WriteAsync(string.Join('\n', lines) + "\n", cancellationToken).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RateLimitPermits, Window = settings.RateLimitWindow, QueueLimit = 0 });
    }
}

/// <summary>Nothing personal is cached: a signed-in member's pages are private and never stored, by any cache.</summary>
internal sealed class MemberResponseCacheFilter : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ClaimsMemberAccessor.MemberId(context.HttpContext.User) is not null)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-cache, no-store, private";
            headers.Remove("ETag");
            headers.Remove("Last-Modified");
        }

        return next();
    }
}

/// <summary>Migrates the members' tables at start, after the engine's own initialization.</summary>
internal sealed class MembersInitializationService(IMembersInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
