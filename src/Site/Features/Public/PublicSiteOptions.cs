namespace Site.Features.Public;

/// <summary>Settings of the visitor site, bound from "Site:Public".</summary>
public sealed class PublicSiteOptions
{
    public const string SectionName = "Site:Public";

    /// <summary>
    /// The public origin for links in mails, canonical links, sitemaps and feeds (e.g. https://forum.example.org); required outside
    /// Development (see <see cref="PublicOrigin"/>); empty in Development: the request's own.
    /// </summary>
    public string? BaseUrl { get; set; }

    public int NewsPageSize { get; set; } = 10;

    /// <summary>
    /// Addresses per sitemap file (1–50,000, the protocol's limit); a site with more gets a sitemap index of numbered
    /// sitemaps. At about 600 bytes an address, 10,000 keep each file near 6 MB.
    /// </summary>
    public int SitemapPageSize { get; set; } = 10_000;
}
