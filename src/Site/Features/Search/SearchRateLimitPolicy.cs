using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Site.Features.Public;

namespace Site.Features.Search;

/// <summary>"Site:Search:RateLimit": searches per client address (a token bucket); a query costs far more than a page.</summary>
public sealed class SearchRateLimitOptions
{
    public const string SectionName = "Site:Search:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Searches a client may make at once.</summary>
    public int TokenLimit { get; set; } = 60;

    /// <summary>Searches a client regains each second.</summary>
    public int TokensPerSecond { get; set; } = 10;
}

/// <summary>
/// Limits the search page and API per client address (behind a proxy, configure forwarded headers so that this is the
/// client's). A refusal is 429 with Retry-After: ProblemDetails from the API, the error page in the visitor's language
/// from the search page.
/// </summary>
internal sealed class SearchRateLimitPolicy(IOptions<SearchRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "SiteSearch";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (RequestFailures.IsApiPath(http.Request.Path))
        {
            await TypedResults.Problem(
                    detail: "Too many searches from this address: wait for the time in Retry-After.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too Many Requests")
                .ExecuteAsync(http).ConfigureAwait(false);
        }

        // A page: nothing written, so the error pages answer 429 in the visitor's language.
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetTokenBucketLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenLimit,
            TokensPerPeriod = settings.TokensPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
