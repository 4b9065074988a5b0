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
}
