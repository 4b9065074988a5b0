using Site.Core.Localization;

namespace Site.Localization;

/// <summary>The host's own words: the visitor site and member pages (Public), and the back office (BackOffice).</summary>
public static class SiteTexts
{
    public static TextCatalog Public { get; } = TextCatalog.Load(typeof(SiteTexts).Assembly, "Public");

    public static TextCatalog BackOffice { get; } = TextCatalog.Load(typeof(SiteTexts).Assembly, "BackOffice");

    /// <summary>The forum's name, in one place: pages, feeds, the back office and mails all take it from here.</summary>
    public const string SiteNameSource = "Jiangsu International Forum for School Principals";

    public static string SiteName(string culture) => Public.Get(culture, SiteNameSource);
}
