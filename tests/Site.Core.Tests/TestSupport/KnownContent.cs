namespace Site.Core.Tests.TestSupport;

/// <summary>Keys and URLs of nodes in the repository's uSync/v14 content.</summary>
public static class KnownContent
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static readonly Guid Home = Guid.Parse("d316c10c-a66f-50f2-a676-02ca2628221d");
    public static readonly Guid About = Guid.Parse("cf927c80-1c1e-5f20-ae69-e1c94ea12151");
    public static readonly Guid Sessions = Guid.Parse("e4eebe0c-1d1b-58b7-b468-71765707bd64");
    public static readonly Guid Partners = Guid.Parse("b9016600-b03c-524d-8aae-e23d5627c075");
    public static readonly Guid News = Guid.Parse("ae8bc759-188d-5ed6-b17c-3a8e892fb009");
    public static readonly Guid SourcesPage = Guid.Parse("54cce012-ad46-5519-a867-813c41c96844");

    /// <summary>The speakers index (/zh/speakers, /en/speakers): shipped empty.</summary>
    public static readonly Guid SpeakersIndex = Guid.Parse("c8e1f2a3-4b5c-4d6e-8f7a-9b0c1d2e3f40");

    /// <summary>The 13th forum (2017, Tampere): session number 13, year 2017, location "abroad".</summary>
    public static readonly Guid Session13 = Guid.Parse("66a338ba-9ad1-55e3-ae79-5f26d1274594");

    /// <summary>A partner story (Suzhou – Peel).</summary>
    public static readonly Guid SuzhouPeel = Guid.Parse("6aa6a84b-a5ea-534d-ad5d-5ad040c7b0e7");

    /// <summary>A news article (20th forum held in Suzhou).</summary>
    public static readonly Guid NewsSuzhou2025 = Guid.Parse("cfbc19b3-3f5e-54b6-aef4-62c9a2e63407");

    public const string Session13EnglishUrl = "/en/sessions/13th-forum-2017";
    public const string Session13ChineseUrl = "/zh/sessions/13th-forum-2017";

    /// <summary>The site settings node (root, beside the home page): data for the footer, not a page.</summary>
    public static readonly Guid SiteSettings = Guid.Parse("a7d3c1e2-5b64-5f0e-9c2d-3e8f1a6b4c70");

    public const int NodeCount = 38;

    /// <summary>The nodes that are pages (indexed, in the sitemap): all but the site settings.</summary>
    public const int PageCount = NodeCount - 1;
}
