using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

[Collection(ContentChangeTests.ContentChanges)]
public sealed class SitemapAndFeedTests(SiteFactory site)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> GetXmlAsync(string path, string mediaType)
    {
        using var client = site.CreateBrowserClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sitemap_lists_every_published_url_with_hreflang_alternates()
    {
        var xml = await GetXmlAsync("/sitemap.xml", "application/xml");
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;

        var urls = xml.Root!.Elements(Sitemap + "url").ToList();
        Assert.Equal(snapshot.All.Where(n => n.IsPage).Sum(n => n.Cultures.Count), urls.Count); // not the site settings
        var tampere = urls.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/en/sessions/13th-forum-2017", StringComparison.Ordinal));
        var alternates = tampere.Elements(Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => new Uri((string)l.Attribute("href")!).AbsolutePath, StringComparer.Ordinal);
        Assert.Equal("/zh/sessions/13th-forum-2017", alternates["zh-CN"]);
        Assert.Equal("/en/sessions/13th-forum-2017", alternates["en-US"]);
        Assert.Equal("/zh/sessions/13th-forum-2017", alternates["x-default"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", tampere.Element(Sitemap + "lastmod")!.Value);

        // One file holds them all: there are no numbered sitemaps (SitemapIndexTests has a site that needs them).
        using var client = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sitemap-1.xml", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("en", "en-US", "20th Forum")]
    [InlineData("zh", "zh-CN", "第二十届")]
    public async Task Feed_lists_news_in_the_language_newest_first(string prefix, string culture, string newest)
    {
        var xml = await GetXmlAsync($"/{prefix}/feed.xml", "application/atom+xml");

        Assert.Equal(culture, (string?)xml.Root!.Attribute(XNamespace.Xml + "lang"));
        var entries = xml.Root.Elements(Atom + "entry").ToList();
        Assert.True(entries.Count >= 4);
        var dates = entries.Select(e => DateTime.Parse(e.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value.Contains(newest, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.StartsWith($"/{prefix}/news/", new Uri(e.Element(Atom + "link")!.Attribute("href")!.Value).AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_allows_the_site_and_points_to_the_sitemap()
    {
        using var client = site.CreateBrowserClient();
        var text = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("User-agent: *", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /umbraco/", text, StringComparison.Ordinal);
        Assert.Matches(@"Sitemap: http://[^/]+/sitemap\.xml", text);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/en/feed.xml")]
    [InlineData("/zh/feed.xml")]
    [InlineData("/robots.txt")]
    public async Task Crawlers_and_feed_readers_revalidate_and_get_a_304_while_nothing_changed(string path)
    {
        using var client = site.CreateBrowserClient();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        using var otherTag = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        otherTag.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        using var modified = await client.SendAsync(otherTag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
        if (path != "/robots.txt")
        {
            var lastModified = first.Content.Headers.LastModified;
            Assert.NotNull(lastModified);
            using var bySince = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            bySince.Headers.IfModifiedSince = lastModified;
            using var sinceAnswer = await client.SendAsync(bySince);
            Assert.Equal(HttpStatusCode.NotModified, sinceAnswer.StatusCode);
        }
    }

    [Fact]
    public async Task A_publish_changes_the_sitemaps_tag_so_a_revalidating_crawler_gets_the_new_list()
    {
        using var client = site.CreateBrowserClient();
        using var before = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var slug = "etag-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = ("标签", "正文"), ["en-US"] = ("Tag", "Body") });
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/sitemap.xml", UriKind.Relative));
            request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            using var after = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains(slug, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }
}
