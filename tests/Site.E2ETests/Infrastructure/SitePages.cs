namespace Site.E2ETests.Infrastructure;

/// <summary>One page of each type the site has; its path follows the culture prefix.</summary>
public sealed record SitePage(string Name, string Path, int Status = 200)
{
    public string UrlFor(string prefix) => $"/{prefix}/{Path}";
}

public static class SitePages
{
    public static IReadOnlyList<SitePage> All { get; } =
    [
        new("home", ""),
        new("about", "about"),
        new("session-archive", "sessions"),
        new("session-archive-filtered", "sessions?location=abroad&decade=2010&sort=asc"),
        new("session", "sessions/13th-forum-2017"),
        new("partner-index", "partners"),
        new("partner-story", "partners/wuxi-bycirklen"),
        new("news-list", "news"),
        new("news-article", "news/20th-forum-suzhou-2025"),
        new("page", "sources"),
        new("speaker-index", "speakers"),
        new("not-found", "does-not-exist", 404),
        new("search-empty", "search"),
        new("search-results", "search?q=Tampere"),
        new("search-no-results", "search?q=zzqqxx"),
        new("member-login", "member/login"),
        new("member-register", "member/register"),
        new("member-forgot-password", "member/forgot-password"),
        new("member-check-email", "member/check-email"),
    ];

    /// <summary>URL prefix → the culture the page declares in &lt;html lang&gt;.</summary>
    public static IReadOnlyDictionary<string, string> Cultures { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zh"] = "zh-CN",
        ["en"] = "en-US",
    };

    public static SitePage Get(string name) => All.Single(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Every page type in every culture: (prefix, page name).</summary>
    public static TheoryData<string, string> EveryPageInEveryCulture()
    {
        var data = new TheoryData<string, string>();
        foreach (var prefix in Cultures.Keys)
        {
            foreach (var page in All)
            {
                data.Add(prefix, page.Name);
            }
        }

        return data;
    }
}
