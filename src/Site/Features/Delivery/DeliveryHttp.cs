using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Hosting;

namespace Site.Features.Delivery;

/// <summary>
/// Turns every 200 of the API into JSON with a strong ETag (a hash of the bytes), Last-Modified (when the snapshot went
/// live), Cache-Control and Vary, and answers If-None-Match / If-Modified-Since with 304. Errors are never cached.
/// </summary>
internal sealed class DeliveryResponseFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // The site's status code pages would turn an empty error into an HTML page: the API answers JSON only.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
        {
            return new DeliveryJsonResult(value);
        }

        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return result;
    }
}

/// <summary>The JSON of a 200, written with HTTP caching headers; a 304 when the client's copy is current.</summary>
internal sealed class DeliveryJsonResult(object value) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese goes out as text; <, >, & and quotes stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Vary: every header that changes the body of a public response.</summary>
    internal static readonly string[] VaryHeaders = ["Accept-Language", "Start-Item", DeliveryHeaderNames.LanguageFallback, DeliveryHeaderNames.MarkdownFormat];

    public int? StatusCode => StatusCodes.Status200OK;

    public object Value => value;

    object? IValueHttpResult.Value => value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<DeliveryApiOptions>>().Value;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json);
        var etag = ConditionalRequests.TagOf(bytes);
        var snapshot = httpContext.Items[DeliveryApiExtensions.SnapshotItem] as PublishedSnapshot
            ?? httpContext.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var lastModified = ConditionalRequests.Seconds(new DateTimeOffset(snapshot.BuiltAtUtc.Ticks, TimeSpan.Zero));

        var request = httpContext.Request;
        var headers = httpContext.Response.Headers;
        headers.ETag = etag.ToString();
        headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = CacheControl(httpContext, options);
        headers.Vary = new StringValues(VaryHeaders);

        if (ConditionalRequests.IsNotModified(request, etag, lastModified))
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }

    private static string CacheControl(HttpContext httpContext, DeliveryApiOptions options)
    {
        if (httpContext.Items[DeliveryApiExtensions.PreviewItem] is true)
        {
            return "no-store";
        }

        if (!options.PublicAccess || httpContext.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return "private, no-cache";
        }

        return options.MaxAgeSeconds > 0
            ? "public, max-age=" + options.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture)
            : "public, no-cache";
    }
}

/// <summary>
/// The server's output cache for the API: only anonymous (or key-holding, when the API is private), non-preview GETs
/// and only 200s. Keyed by path, query, the headers that change the body, and the snapshot generation, so an entry
/// written while a publish was going live is never served after it.
/// </summary>
internal sealed class DeliveryOutputCachePolicy : IOutputCachePolicy
{
    public const string Tag = "delivery";

    public static DeliveryOutputCachePolicy Instance { get; } = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var options = http.RequestServices.GetRequiredService<IOptions<DeliveryApiOptions>>().Value;
        var preview = request.Headers["Preview"].ToString();
        var cacheable = options.OutputCacheSeconds > 0
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && (preview.Length == 0 || string.Equals(preview.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            && (options.PublicAccess || http.RequestServices.GetRequiredService<DeliveryRequestReader>().HasValidApiKey(http));

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.OutputCacheSeconds);
            context.Tags.Add(Tag);
            // The raw query string, not QueryKeys "*": that sorts repeated values (in place, too), but the order of
            // sort=...&sort=... and of id=...&id=... is meaningful.
            context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? string.Empty;
            context.CacheVaryByRules.HeaderNames = new StringValues(DeliveryJsonResult.VaryHeaders);
            var generation = http.RequestServices.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation;
            context.CacheVaryByRules.VaryByValues["generation"] = generation.ToString(CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Drops the API's cached responses once a new published snapshot is live.</summary>
internal sealed class DeliveryCacheEviction(IOutputCacheStore store)
    : INotificationHandler<PublishedSnapshotChangedNotification>, INotificationHandler<MediaChangedNotification>
{
    public async Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(DeliveryOutputCachePolicy.Tag, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs after the media library's copy was replaced (handlers run in the order they were added).</summary>
    public async Task HandleAsync(MediaChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(DeliveryOutputCachePolicy.Tag, cancellationToken).ConfigureAwait(false);
}
