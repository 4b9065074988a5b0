using System.Net;
using Microsoft.AspNetCore.Hosting;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Search;

/// <summary>Searches are limited per client address: 429 with Retry-After, as ProblemDetails or a page in the visitor's language.</summary>
public sealed class SearchRateLimitTests(SiteFactory site)
{
    [Fact]
    public async Task Too_many_searches_are_refused_with_when_to_try_again()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", "search-rate-" + Guid.NewGuid().ToString("N"));
        await using var limited = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", dataPath)
            .UseSetting("Site:Search:RateLimit:TokenLimit", "2")
            .UseSetting("Site:Search:RateLimit:TokensPerSecond", "1"));
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        // Bursts, sent at once: a request that took longer than a second would otherwise refill the bucket it drew on.
        var apis = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(new Uri("/api/search?q=forum", UriKind.Relative))));
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(new Uri("/en/search?q=forum", UriKind.Relative))));

        Assert.Contains(apis, r => r.StatusCode == HttpStatusCode.OK);
        var api = Assert.IsType<HttpResponseMessage>(apis.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests), exactMatch: false);
        var page = Assert.IsType<HttpResponseMessage>(pages.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests), exactMatch: false);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en-US\"", html, StringComparison.Ordinal);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
        // Pages that are not searches are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/en/sessions", UriKind.Relative))).StatusCode);

        await OwnDataFolder.StopAndDeleteAsync(limited, dataPath);
    }
}
