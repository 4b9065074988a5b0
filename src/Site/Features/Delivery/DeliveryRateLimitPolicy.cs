using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Site.Features.Delivery;

/// <summary>
/// A token bucket per client address (behind a proxy, configure forwarded headers so that this is the client's).
/// Callers with the API key (build servers, the site's own back ends) are not limited. A refusal is a 429
/// ProblemDetails with Retry-After.
/// </summary>
internal sealed class DeliveryRateLimitPolicy(IOptions<DeliveryApiOptions> options, DeliveryRequestReader reader) : IRateLimiterPolicy<string>
{
    public const string Name = "DeliveryApi";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(
                detail: "Too many requests from this address: wait for the time in Retry-After, or use the API key.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too Many Requests",
                type: "https://tools.ietf.org/html/rfc6585#section-4")
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var settings = options.Value.RateLimit;
        if (!settings.Enabled || reader.HasValidApiKey(httpContext))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenLimit,
            TokensPerPeriod = settings.TokensPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
