using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>What an editor publishes is on the site at once: pages, lists, sitemap and feed (no stale cache).</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class PublishingVisibilityTests(SiteFactory site)
{
    [Fact]
    public async Task A_published_article_appears_at_once_even_where_pages_were_cached()
    {
        var slug = "visible-" + Guid.NewGuid().ToString("N")[..8];
        using var client = site.CreateBrowserClient();
        var before = await client.GetStringAsync(new Uri("/en/feed.xml", UriKind.Relative)); // now cached
        Assert.DoesNotContain(slug, before, StringComparison.Ordinal);

        await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("测试新闻", "正文"),
            ["en-US"] = ("Test article", "Body"),
        }, publishDate: "2099-01-01");

        Assert.Contains(slug, await client.GetStringAsync(new Uri("/en/feed.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(slug, await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(slug, await client.GetStringAsync(new Uri("/zh/news", UriKind.Relative)), StringComparison.Ordinal);
        var page = await client.GetAsync(new Uri($"/en/news/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_page_missing_a_translation_says_so_and_links_the_version_that_exists()
    {
        var slug = "zh-only-" + Guid.NewGuid().ToString("N")[..8];
        await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = ("只有中文的新闻", "中文正文") });

        var (zhResponse, zh) = await site.GetPageAsync($"/zh/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, zhResponse.StatusCode);
        var english = zh.QuerySelectorAll(".lang-switch li").Single(li => li.TextContent.Contains("English", StringComparison.Ordinal));
        Assert.Contains("not translated", english.TextContent, StringComparison.Ordinal);
        Assert.Contains("not been translated into English", zh.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(zh.QuerySelectorAll("link[hreflang]"), l => l.GetAttribute("hreflang") == "en-US");

        var (enResponse, en) = await site.GetPageAsync($"/en/news/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, enResponse.StatusCode);
        Assert.Equal("en-US", en.DocumentElement.GetAttribute("lang"));
        var link = en.QuerySelector("main .notice a");
        Assert.NotNull(link);
        Assert.Equal($"/zh/news/{slug}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Script_and_html_in_markdown_are_rendered_harmless()
    {
        var slug = "xss-" + Guid.NewGuid().ToString("N")[..8];
        const string hostile = "Hello <script>alert('x')</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>";
        await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("<b>标题</b><script>alert(1)</script>", hostile),
            ["en-US"] = ("Title \"><script>alert(2)</script>", hostile),
        });

        using var client = site.CreateBrowserClient();
        foreach (var path in new[] { $"/en/news/{slug}", $"/zh/news/{slug}", "/en/news", "/en/feed.xml", "/sitemap.xml" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            // Escaped text such as "&lt;script&gt;" is harmless; live tags and attributes are not.
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"<[a-z][^>]*\son\w+\s*=", html);
            Assert.DoesNotMatch(@"href\s*=\s*""\s*javascript:", html);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
