using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;
using Site.Hosting;

namespace Site.Features.Public;

/// <summary>sitemap.xml with hreflang alternates, robots.txt, and an Atom feed of news per language.</summary>
internal static class SitemapEndpoints
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// The sitemap: every public page in every culture, with its language alternates. Past
    /// <see cref="PublicSiteOptions.SitemapPageSize"/> addresses (the protocol allows 50,000 per file and 50 MB), a
    /// sitemap index of numbered sitemaps instead, so that no response grows with the site.
    /// </summary>
    public static IResult Sitemap(HttpRequest request, IPublishedSnapshotAccessor snapshots, IOptions<PublicSiteOptions> options)
    {
        var snapshot = snapshots.Current;
        var baseUrl = PublicContentController.BaseUrl(request, options.Value);
        var entries = Entries(snapshot);
        var size = options.Value.SitemapPageSize;
        if (entries.Count <= size)
        {
            return UrlSet(snapshot, baseUrl, entries);
        }

        var xml = Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            for (var page = 0; page * size < entries.Count; page++)
            {
                var last = entries.Skip(page * size).Take(size).Max(e => e.Node.UpdateDateUtc);
                writer.WriteStartElement("sitemap", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, $"{baseUrl}/sitemap-{page + 1}.xml");
                writer.WriteElementString("lastmod", SitemapNs, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return new ValidatedTextResult(xml, "application/xml; charset=utf-8", LastChange(snapshot));
    }

    /// <summary>One of the numbered sitemaps a sitemap index lists; not found when the sitemap is a single file.</summary>
    public static IResult SitemapPage(int page, HttpRequest request, IPublishedSnapshotAccessor snapshots, IOptions<PublicSiteOptions> options)
    {
        var snapshot = snapshots.Current;
        var entries = Entries(snapshot);
        var size = options.Value.SitemapPageSize;
        if (entries.Count <= size || page < 1 || (long)(page - 1) * size >= entries.Count)
        {
            return Results.NotFound();
        }

        var baseUrl = PublicContentController.BaseUrl(request, options.Value);
        return UrlSet(snapshot, baseUrl, entries.GetRange((page - 1) * size, Math.Min(size, entries.Count - ((page - 1) * size))));
    }

    /// <summary>Every address the sitemap lists, in tree order: pages anyone may read, in each of their cultures.</summary>
    private static List<(PublishedContent Node, PublishedCultureInfo Culture)> Entries(PublishedSnapshot snapshot) =>
        // Protected content stays out of the sitemap whoever asks, data nodes (settings) always.
        [.. snapshot.All.Where(n => n.IsPage && !n.IsProtected)
            .SelectMany(n => n.Cultures.Values.OrderBy(c => c.Culture, StringComparer.Ordinal).Select(c => (n, c)))];

    private static ValidatedTextResult UrlSet(PublishedSnapshot snapshot, string baseUrl, List<(PublishedContent Node, PublishedCultureInfo Culture)> entries)
    {
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            foreach (var (node, culture) in entries)
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, baseUrl + culture.Url);
                writer.WriteElementString("lastmod", SitemapNs, node.UpdateDateUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var alternate in node.Cultures.Values.OrderBy(c => c.Culture, StringComparer.Ordinal))
                {
                    WriteAlternate(writer, alternate.Culture, baseUrl + alternate.Url);
                }

                if (snapshot.Languages.Default is { } language && node.Url(language.IsoCode) is { } defaultUrl)
                {
                    WriteAlternate(writer, "x-default", baseUrl + defaultUrl);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return new ValidatedTextResult(xml, "application/xml; charset=utf-8", LastChange(snapshot));
    }

    public static IResult Robots(HttpRequest request, IOptions<PublicSiteOptions> options)
    {
        var baseUrl = PublicContentController.BaseUrl(request, options.Value);
        var text = $"User-agent: *\nAllow: /\nDisallow: /umbraco/\nDisallow: /error/\n\nSitemap: {baseUrl}/sitemap.xml\n";
        return new ValidatedTextResult(text, "text/plain; charset=utf-8", lastModified: null);
    }

    public static IResult Feed(string prefix, HttpRequest request, IPublishedSnapshotAccessor snapshots, IOptions<PublicSiteOptions> options)
    {
        var snapshot = snapshots.Current;
        var language = snapshot.Languages.FindByPrefix(prefix);
        if (language is null)
        {
            return Results.NotFound();
        }

        var culture = language.IsoCode;
        var text = UiText.For(culture);
        var baseUrl = PublicContentController.BaseUrl(request, options.Value);
        // Feeds are read by aggregators without a session: public articles only.
        var articles = NewsIndexPageModel.LatestArticles(snapshot, culture, member: null).Take(20).ToList();
        var newsIndex = snapshot.OfType("newsIndex").FirstOrDefault(n => n.IsPublished(culture));
        var updated = articles.Count == 0 ? snapshot.LastUpdatedUtc : articles.Max(a => a.Culture(culture)!.PublishedAtUtc);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteAttributeString("xml", "lang", null, culture);
            writer.WriteElementString("title", AtomNs, text.SiteName);
            writer.WriteElementString("id", AtomNs, $"{baseUrl}/{prefix}/feed.xml");
            writer.WriteElementString("updated", AtomNs, Timestamp(updated));
            WriteLink(writer, "self", $"{baseUrl}/{prefix}/feed.xml", "application/atom+xml");
            WriteLink(writer, "alternate", baseUrl + (newsIndex?.Url(culture) ?? $"/{prefix}/"), "text/html");
            writer.WriteStartElement("author", AtomNs);
            writer.WriteElementString("name", AtomNs, text.SiteName);
            writer.WriteEndElement();
            foreach (var article in articles)
            {
                var info = article.Culture(culture)!;
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("title", AtomNs, article.Value("title", culture) ?? info.Name);
                writer.WriteElementString("id", AtomNs, $"urn:uuid:{article.Key:D}");
                writer.WriteElementString("published", AtomNs, Timestamp(NewsIndexPageModel.PublishDate(article).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
                writer.WriteElementString("updated", AtomNs, Timestamp(info.PublishedAtUtc));
                WriteLink(writer, "alternate", baseUrl + info.Url, "text/html");
                if (article.Value("summary", culture) is { } summary)
                {
                    writer.WriteStartElement("summary", AtomNs);
                    writer.WriteAttributeString("type", "text");
                    writer.WriteString(summary);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return new ValidatedTextResult(xml, "application/atom+xml; charset=utf-8", LastChange(snapshot));
    }

    /// <summary>
    /// When the snapshot went live: not the newest item's date, which goes back when an item is taken down, and a
    /// client asking If-Modified-Since would then keep a list that still holds it.
    /// </summary>
    private static DateTimeOffset LastChange(PublishedSnapshot snapshot) => new(snapshot.BuiltAtUtc.Ticks, TimeSpan.Zero);

    private static void WriteAlternate(XmlWriter writer, string hreflang, string href)
    {
        writer.WriteStartElement("xhtml", "link", XhtmlNs);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("hreflang", hreflang);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
