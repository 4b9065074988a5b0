using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>Every page type, in both languages: status, language, alternates, canonical link and content.</summary>
public sealed class PageTests(SiteFactory site)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/zh/", "zh-CN", "江苏中小学校长国际交流与协作会" },
        { "/en/", "en-US", "Jiangsu International Forum for School Principals" },
        { "/zh/about", "zh-CN", "江苏省教育厅" },
        { "/en/about", "en-US", "Bycirklen" },
        { "/zh/sessions", "zh-CN", "第十三届" },
        { "/en/sessions", "en-US", "Tampere" },
        { "/zh/sessions/13th-forum-2017", "zh-CN", "坦佩雷" },
        { "/en/sessions/13th-forum-2017", "en-US", "Curriculum Design and School Culture" },
        { "/zh/partners", "zh-CN", "无锡" },
        { "/en/partners", "en-US", "Peel District School Board" },
        { "/zh/partners/wuxi-bycirklen", "zh-CN", "2020" },
        { "/en/partners/wuxi-bycirklen", "en-US", "Frederikssund" },
        { "/zh/news", "zh-CN", "公开报道" },
        { "/en/news", "en-US", "Reports on recent sessions" },
        { "/zh/news/20th-forum-suzhou-2025", "zh-CN", "苏州" },
        { "/en/news/20th-forum-suzhou-2025", "en-US", "AI Literacy" },
        { "/zh/sources", "zh-CN", "jesie.org" },
        { "/en/sources", "en-US", "jesie.org" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_renders_in_its_culture_with_alternates(string path, string culture, string expectedText)
    {
        var (response, document) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Contains(expectedText, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.NotNull(canonical);
        Assert.EndsWith(path, canonical, StringComparison.Ordinal);
        var alternates = document.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).AbsolutePath, StringComparer.Ordinal);
        Assert.Equal(path, alternates[culture]);
        var other = culture == "zh-CN" ? "en-US" : "zh-CN";
        var otherPrefix = culture == "zh-CN" ? "/en/" : "/zh/";
        Assert.Equal(otherPrefix + path[4..], alternates[other]);
        Assert.Equal(alternates["zh-CN"], alternates["x-default"]);

        Assert.Equal(canonical, document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal(culture.Replace('-', '_'), document.QuerySelector("meta[property='og:locale']")?.GetAttribute("content"));
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_text_not_character_references()
    {
        using var client = site.CreateBrowserClient();
        var html = await client.GetStringAsync(new Uri("/zh/", UriKind.Relative));

        Assert.Contains("江苏中小学校长国际交流与协作会", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x6C5F;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/sessions/13th-forum-2017", "/zh/sessions/13th-forum-2017", "中文")]
    [InlineData("/zh/sessions/13th-forum-2017", "/en/sessions/13th-forum-2017", "English")]
    public async Task Language_switcher_links_the_same_page_in_the_other_language(string path, string otherPath, string label)
    {
        var (_, document) = await site.GetPageAsync(path);

        var link = document.QuerySelectorAll(".lang-switch a").Single();
        Assert.Equal(otherPath, link.GetAttribute("href"));
        Assert.Equal(label, link.TextContent.Trim());
        Assert.NotNull(link.GetAttribute("lang"));
    }

    [Fact]
    public async Task Breadcrumbs_lead_from_home_to_the_page()
    {
        var (_, document) = await site.GetPageAsync("/en/sessions/13th-forum-2017");

        var crumbs = document.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/en/", "/en/sessions", "/en/sessions/13th-forum-2017"], crumbs);
        Assert.Equal("page", document.QuerySelectorAll("nav.breadcrumbs a")[^1].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Home_shows_the_latest_session_key_figures_and_latest_news()
    {
        var (_, document) = await site.GetPageAsync("/en/");

        var main = document.QuerySelector("main")!;
        Assert.Contains("20th", main.QuerySelector("#latest-session-heading + article")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("20", main.QuerySelector(".figures .figure")!.TextContent.Trim());
        Assert.InRange(main.QuerySelectorAll("section[aria-labelledby=latest-news-heading] li").Length, 1, 3);
    }

    [Theory]
    [InlineData("/en/sessions/17th-forum", "Not recorded")]
    [InlineData("/zh/sessions/17th-forum", "暂无记录")]
    public async Task Unknown_facts_say_not_recorded(string path, string notRecorded)
    {
        var (response, document) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var values = document.QuerySelectorAll(".facts dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains(notRecorded, values);
    }

    [Fact]
    public async Task A_theme_recorded_in_one_language_only_is_shown_marked_with_its_language()
    {
        // The 13th session's theme is recorded in English only; the Chinese page shows it, marked as English.
        var (_, document) = await site.GetPageAsync("/zh/sessions/13th-forum-2017");

        var theme = document.QuerySelectorAll(".facts div").Single(d => d.QuerySelector("dt")!.TextContent == "主题");
        var marked = theme.QuerySelector("dd span[lang]");
        Assert.NotNull(marked);
        Assert.Equal("en-US", marked.GetAttribute("lang"));
        Assert.Equal("Curriculum Design and School Culture", marked.TextContent);
        Assert.Contains("仅有英文记录", theme.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_revalidate_with_an_etag_and_get_304_while_nothing_changed()
    {
        using var client = site.CreateBrowserClient();
        var first = await client.GetAsync(new Uri("/en/about", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/en/about", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year()
    {
        var (_, document) = await site.GetPageAsync("/en/");
        var stylesheet = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var client = site.CreateBrowserClient();
        var response = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));

        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        var (response, _) = await site.GetPageAsync("/en/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
