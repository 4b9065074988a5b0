using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;
using Site.Core.Publishing;

namespace Site.Features.Public;

public static class PublicSiteExtensions
{
    internal const string ContentCachePolicy = "PublishedContent";
    internal const string ContentCacheTag = "content";

    /// <summary>The visitor site: server-rendered pages per culture, output-cached until the next publish.</summary>
    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicSiteOptions>()
            .BindConfiguration(PublicSiteOptions.SectionName)
            .Validate(o => o.NewsPageSize is > 0 and <= 100, "Site:Public:NewsPageSize must be between 1 and 100.")
            .Validate(o => o.SitemapPageSize is > 0 and <= 50_000, "Site:Public:SitemapPageSize must be between 1 and 50000 (the sitemap protocol's limit).")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || Uri.IsWellFormedUriString(o.BaseUrl, UriKind.Absolute), "Site:Public:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.AddPublicOrigin();
        builder.Services.AddOptions<Site.Core.Conference.ConferenceOptions>()
            .BindConfiguration(Site.Core.Conference.ConferenceOptions.SectionName)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:Conference:TimeZone must be a time zone id such as Asia/Shanghai.")
            // Programmes and their calendars read zones from the IANA database (NodaTime's), which has no Windows ids.
            .Validate(o => Site.Core.Programme.TimeZones.IsKnown(o.TimeZone), "Site:Conference:TimeZone must be an IANA time zone id, such as Asia/Shanghai.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SessionSchedule>();
        builder.Services.TryAddSingleton<ICurrentMemberAccessor, AnonymousMemberAccessor>();
        builder.Services.AddSingleton<Site.Features.Media.ILocalFocalPoints, Site.Features.Media.LocalFocalPoints>();
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap[CulturePrefixConstraint.Name] = typeof(CulturePrefixConstraint));
        builder.Services.Configure<RazorViewEngineOptions>(o => o.ViewLocationFormats.Add(PublicContentController.ViewRoot[1..] + "Shared/{0}.cshtml"));
        // Eviction alone races with a page rendered from the old snapshot and stored just after it; keyed by the
        // snapshot's generation and the media library's version, such a page is never served for a newer one.
        builder.Services.AddOutputCache(o =>
            o.AddPolicy(ContentCachePolicy, policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag(ContentCacheTag)
                .VaryByValue(context => new KeyValuePair<string, string>("snapshot", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{context.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation}-{context.RequestServices.GetRequiredService<Site.Core.Media.IMediaLibrary>().Version}")))));
        builder.Services.AddNotificationHandler<PublishedSnapshotChangedNotification, OutputCacheEviction>();
        builder.Services.AddNotificationHandler<MediaChangedNotification, OutputCacheEviction>();
        return builder;
    }

    /// <summary>
    /// Errors answered by <see cref="ErrorController"/>: a page in the visitor's language, ProblemDetails on API paths.
    /// A request the site could not read is the client's error (400, 413), not 500, and is not logged as a failure.
    /// </summary>
    public static WebApplication UseSiteErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = exception => RequestFailures.StatusOf(exception) ?? StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => RequestFailures.StatusOf(context.Exception) is not null,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>Headers that keep pages from being framed, sniffed or made to load code from elsewhere.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return next(context);
        });
        return app;
    }

    /// <summary>Static files; those with a version in the URL (asp-append-version) are cached for a year.</summary>
    public static WebApplication UseSiteStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        return app;
    }

    public static WebApplication MapPublicSite(this WebApplication app)
    {
        app.MapGet("/", (HttpRequest request, IPublishedSnapshotAccessor snapshots) =>
        {
            // The same address serves visitors of every language, so caches must key on Accept-Language.
            request.HttpContext.Response.Headers.Vary = "Accept-Language";
            var snapshot = snapshots.Current;
            var language = VisitorLanguage.FromAcceptLanguage(snapshot.Languages, request);
            var url = (language is null ? null : snapshot.Home?.Url(language.IsoCode))
                ?? (snapshot.Languages.Default is { } fallback ? snapshot.Home?.Url(fallback.IsoCode) : null);
            return url is null ? Results.NotFound() : Results.Redirect(url);
        });
        app.MapGet("/sitemap.xml", SitemapEndpoints.Sitemap).CacheOutput(ContentCachePolicy);
        app.MapGet("/sitemap-{page:int}.xml", SitemapEndpoints.SitemapPage).CacheOutput(ContentCachePolicy);
        app.MapGet("/robots.txt", SitemapEndpoints.Robots);
        app.MapGet("/{prefix:culturePrefix}/feed.xml", SitemapEndpoints.Feed).CacheOutput(ContentCachePolicy);
        app.MapSessionCalendars();
        return app;
    }
}
