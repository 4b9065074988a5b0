using System.Net;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>The non-HTML endpoints and the language redirect, over plain HTTP against the same server.</summary>
public sealed class EndpointTests(SiteServerFixture site)
{
    [Theory]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/en/feed.xml", "application/atom+xml")]
    [InlineData("/zh/feed.xml", "application/atom+xml")]
    public async Task Endpoint_answers_with_its_media_type(string path, string mediaType)
    {
        using var client = site.CreateHttpClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "/zh/")]
    [InlineData("en-US,en;q=0.9", "/en/")]
    public async Task Root_redirects_by_accept_language(string acceptLanguage, string expected)
    {
        using var client = site.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        Assert.Equal(expected, response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString) : null);
    }
}
