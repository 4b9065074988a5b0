using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

public sealed class RoutingTests(SiteFactory site)
{
    [Theory]
    [InlineData(null, "/zh/")]
    [InlineData("en-US,en;q=0.9", "/en/")]
    [InlineData("en-GB", "/en/")]
    [InlineData("zh-TW,zh;q=0.8", "/zh/")]
    [InlineData("fr-FR,fr;q=0.9", "/zh/")]
    [InlineData("en;q=0.2,zh-CN;q=0.9", "/zh/")]
    [InlineData("not a language header;;q=abc", "/zh/")]
    public async Task Root_redirects_by_accept_language_with_chinese_by_default(string? acceptLanguage, string expected)
    {
        using var client = site.CreateBrowserClient(acceptLanguage);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/en/about/", "/en/about")]
    [InlineData("/en", "/en/")]
    [InlineData("/en/sessions/13th-forum-2017/", "/en/sessions/13th-forum-2017")]
    public async Task Non_canonical_urls_redirect_permanently(string path, string expected)
    {
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/en/no-such-page", null, "en-US", "Page not found")]
    [InlineData("/zh/no-such-page", null, "zh-CN", "未找到页面")]
    [InlineData("/fr/about", "en-US", "en-US", "Page not found")]
    [InlineData("/fr/about", null, "zh-CN", "未找到页面")]
    [InlineData("/en/sessions/99th-forum", "zh-CN", "en-US", "Page not found")]
    [InlineData("/nothing/here/at/all", "en", "en-US", "Page not found")]
    [InlineData("/en/%E2%80%AE%3Cscript%3E", null, "en-US", "Page not found")]
    public async Task Unknown_paths_get_a_404_page_in_the_visitors_language(string path, string? acceptLanguage, string culture, string title)
    {
        var (response, document) = await site.GetPageAsync(path, acceptLanguage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, document.QuerySelector("h1")?.TextContent);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("nav.main-nav"));
    }

    [Theory]
    [InlineData("en-US", "en-US", "Something went wrong")]
    [InlineData("zh-CN,zh;q=0.9", "zh-CN", "出错了")]
    public async Task The_error_page_speaks_the_visitors_language(string acceptLanguage, string culture, string title)
    {
        var (response, document) = await site.GetPageAsync("/error/500", acceptLanguage);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Exception", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_and_health_are_served()
    {
        using var client = site.CreateBrowserClient();

        var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
