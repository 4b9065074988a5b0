using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Site.Core.Delivery;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;

namespace Site.Features.Delivery;

public static class DeliveryApiExtensions
{
    public const string RoutePrefix = "/umbraco/delivery/api/v2";
    public const string DocumentName = "delivery";
    public const string CorsPolicy = "DeliveryApi";
    internal const string SnapshotItem = "Delivery.Snapshot";
    internal const string PreviewItem = "Delivery.Preview";

    /// <summary>The headless Delivery API: Umbraco's Content Delivery API v2, read from the published snapshot.</summary>
    public static WebApplicationBuilder AddDeliveryApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryApiOptions>()
            .BindConfiguration(DeliveryApiOptions.SectionName)
            .Validate(o => o.PublicAccess || !string.IsNullOrWhiteSpace(o.ApiKey), "Site:DeliveryApi:PublicAccess is off, so Site:DeliveryApi:ApiKey must be set.")
            .Validate(o => string.IsNullOrEmpty(o.ApiKey) || o.ApiKey.Trim().Length >= 16, "Site:DeliveryApi:ApiKey must be at least 16 characters.")
            .Validate(o => o.MaxTake is > 0 and <= 10_000, "Site:DeliveryApi:MaxTake must be between 1 and 10000.")
            .Validate(o => o.MaxAgeSeconds >= 0 && o.OutputCacheSeconds >= 0, "Site:DeliveryApi:MaxAgeSeconds and OutputCacheSeconds cannot be negative.")
            .Validate(o => !o.RateLimit.Enabled || (o.RateLimit.TokenLimit > 0 && o.RateLimit.TokensPerSecond > 0), "Site:DeliveryApi:RateLimit needs a positive TokenLimit and TokensPerSecond.")
            .Validate(o => o.Cors.AllowedOrigins.All(origin => origin == "*" || Uri.IsWellFormedUriString(origin, UriKind.Absolute)), "Site:DeliveryApi:Cors:AllowedOrigins must be absolute origins (https://app.example.org) or *.")
            .ValidateOnStart();

        var services = builder.Services;
        services.AddDeliveryPreview();
        services.AddSingleton<DeliveryRequestReader>();
        services.AddSingleton<DeliveryContentRenderer>();
        // Without members the API is anonymous; the members feature registers its own resolver.
        services.TryAddSingleton<IDeliveryMemberResolver, AnonymousDeliveryMemberResolver>();
        services.AddSingleton<IDeliveryMediaSource, MediaLibrarySource>();
        // After the engine's media library has reloaded (its handler was added first).
        services.AddNotificationHandler<MediaChangedNotification, DeliveryCacheEviction>();
        services.AddOutputCache();
        services.AddNotificationHandler<PublishedSnapshotChangedNotification, DeliveryCacheEviction>();
        services.AddRateLimiter(o => o.AddPolicy<string, DeliveryRateLimitPolicy>(DeliveryRateLimitPolicy.Name));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DeliveryApiOptions>>((cors, delivery) => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = delivery.Value.Cors.AllowedOrigins;
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            policy.WithMethods(HttpMethods.Get, HttpMethods.Head)
                .WithHeaders("Accept-Language", "Accept-Segment", "Preview", "Start-Item", DeliveryHeaderNames.ApiKey, "Authorization",
                    DeliveryHeaderNames.LanguageFallback, DeliveryHeaderNames.MarkdownFormat, "If-None-Match", "If-Modified-Since")
                .WithExposedHeaders("ETag", "Last-Modified", "Content-Language", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        services.AddDeliveryOpenApi();
        return builder;
    }

    public static WebApplication MapDeliveryApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<DeliveryApiOptions>>().Value.Enabled)
        {
            return app;
        }

        var api = app.MapGroup(RoutePrefix)
            .WithGroupName(DocumentName)
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(DeliveryRateLimitPolicy.Name)
            .CacheOutput(DeliveryOutputCachePolicy.Instance)
            .AddEndpointFilter<DeliveryResponseFilter>();

        var content = api.MapGroup("/content").WithTags("Content");
        content.MapGet("", ContentEndpoints.Query).WithName("GetContent2.0")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/item/{id:guid}", ContentEndpoints.ItemById).WithName("GetContentItemById2.0")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/item/{**path}", ContentEndpoints.ItemByPath).WithName("GetContentItemByPath2.0")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/items", ContentEndpoints.Items).WithName("GetContentItems2.0")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        var media = api.MapGroup("/media").WithTags("Media");
        media.MapGet("", MediaEndpoints.Query).WithName("GetMedia2.0").ProducesProblem(StatusCodes.Status400BadRequest);
        media.MapGet("/item/{id:guid}", MediaEndpoints.ItemById).WithName("GetMediaItemById2.0").ProducesProblem(StatusCodes.Status404NotFound);
        media.MapGet("/item/{**path}", MediaEndpoints.ItemByPath).WithName("GetMediaItemByPath2.0").ProducesProblem(StatusCodes.Status404NotFound);
        media.MapGet("/items", MediaEndpoints.Items).WithName("GetMediaItems2.0").ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapOpenApi("/umbraco/openapi/{documentName}.json");
        return app;
    }
}
