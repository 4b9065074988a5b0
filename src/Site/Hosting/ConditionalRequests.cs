using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Site.Hosting;

/// <summary>
/// HTTP validators and the answer to a conditional GET or HEAD: If-None-Match first (any matching tag, weakly
/// compared), else If-Modified-Since. One rule for the pages' feeds, the sitemap, robots.txt and the Delivery API.
/// </summary>
internal static class ConditionalRequests
{
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var typed = request.GetTypedHeaders();
        var ifNoneMatch = typed.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return lastModified is { } modified && typed.IfModifiedSince is { } since && Seconds(modified) <= since;
    }

    /// <summary>A strong tag for exactly these bytes.</summary>
    public static EntityTagHeaderValue TagOf(ReadOnlySpan<byte> bytes) =>
        new("\"" + Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 18)).Replace('+', '-').Replace('/', '_') + "\"");

    /// <summary>HTTP dates have whole seconds: a time with a fraction would never compare equal to the one sent back.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    public static string HttpDate(DateTimeOffset time) => Seconds(time).ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A text response with a strong ETag and Last-Modified; 304 without a body when the client's copy is current.</summary>
internal sealed class ValidatedTextResult(string text, string contentType, DateTimeOffset? lastModified) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => contentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = ConditionalRequests.TagOf(bytes);
        var headers = httpContext.Response.Headers;
        headers.ETag = etag.ToString();
        if (lastModified is { } modified)
        {
            headers.LastModified = ConditionalRequests.HttpDate(modified);
        }

        // Crawlers and feed readers revalidate, and get a 304 while nothing changed.
        headers.CacheControl = "no-cache";
        if (ConditionalRequests.IsNotModified(httpContext.Request, etag, lastModified))
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}
