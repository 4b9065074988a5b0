using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A site with more addresses than one sitemap file takes: a sitemap index of numbered sitemaps. A site of its own
/// (its own data folder) with 25 addresses per file, so that the shipped content fills several.
/// </summary>
public sealed class SitemapIndexTests(SiteFactory site) : IAsyncLifetime
{
    private const int PageSize = 25;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-http-tests", "sitemap-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _site;

    public ValueTask InitializeAsync()
    {
        _site = site.WithWebHostBuilder(b =>
        {
            b.UseSetting("Site:DataPath", _root);
            b.UseSetting("Site:Public:SitemapPageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        _ = _site.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => OwnDataFolder.StopAndDeleteAsync(_site, _root);

    [Fact]
    public async Task Past_one_file_the_sitemap_is_an_index_of_numbered_sitemaps_that_list_every_address_once()
    {
        using var client = _site!.CreateClient();
        var snapshot = _site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var expected = snapshot.All.Where(n => n.IsPage && !n.IsProtected).Sum(n => n.Cultures.Count);
        Assert.True(expected > 2 * PageSize, $"the shipped content has {expected} addresses");

        var index = await GetXmlAsync(client, "/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").ToList();
        Assert.Equal((expected + PageSize - 1) / PageSize, files.Count);
        Assert.All(files, f => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", f.Element(Sitemap + "lastmod")!.Value));

        var locations = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var location = new Uri(files[i].Element(Sitemap + "loc")!.Value);
            Assert.Equal($"/sitemap-{i + 1}.xml", location.AbsolutePath);
            var urls = (await GetXmlAsync(client, location.AbsolutePath)).Root!.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, PageSize);
            locations.AddRange(urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath));
            Assert.All(urls, u => Assert.Contains(u.Elements(Xhtml + "link"), l => (string?)l.Attribute("hreflang") == "x-default"));
        }

        Assert.Equal(expected, locations.Count);
        Assert.Equal(locations.Count, locations.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("/en/sessions/13th-forum-2017", locations);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sitemap-0.xml", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/sitemap-{files.Count + 1}.xml", UriKind.Relative))).StatusCode);
    }

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
