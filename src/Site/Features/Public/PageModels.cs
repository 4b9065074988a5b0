using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>A session as lists show it.</summary>
public sealed record SessionSummary(PublishedContent Node, int? Number, int? Year, string? Location)
{
    public static SessionSummary From(PublishedContent node, string culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(node, node.IntValue("sessionNumber", culture), node.IntValue("year", culture), node.Value("location", culture));
    }

    /// <summary>The decade a session belongs to (2010 for 2017); none when the year is not recorded.</summary>
    public int? Decade => Year / 10 * 10;
}

public sealed class HomePageModel(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member)
    : PageModel(snapshot, content, language, baseUrl, member)
{
    /// <summary>The session being prepared (or held today), which the page leads with; null when none is announced.</summary>
    public UpcomingSession? NextSession { get; init; }

    /// <summary>The latest session held (the one being prepared is <see cref="NextSession"/>).</summary>
    public SessionSummary? LatestSession => Snapshot.OfType("sessionArchive")
        .Where(a => a.IsPublished(Culture) && Member.CanSee(a))
        .SelectMany(ChildrenOf)
        .Where(s => s != NextSession?.Node)
        .Select(s => SessionSummary.From(s, Culture))
        .OrderByDescending(s => s.Number)
        .FirstOrDefault();

    public IReadOnlyList<PublishedContent> LatestNews => NewsIndexPageModel.LatestArticles(Snapshot, Culture, Member).Take(3).ToList();
}

/// <summary>The session archive with its filters: where (in Jiangsu or abroad), which decade, and the order.</summary>
public sealed class SessionArchivePageModel : PageModel
{
    public SessionArchivePageModel(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member, string? location, string? decade, string? sort)
        : base(snapshot, content, language, baseUrl, member)
    {
        AllSessions = [.. ChildrenOf(content).Where(c => c.ContentTypeAlias == "session").Select(s => SessionSummary.From(s, Culture))];
        Location = location is "home" or "abroad" ? location : null;
        Decade = int.TryParse(decade, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && Decades.Contains(d) ? d : null;
        OldestFirst = sort == "asc";
        var filtered = AllSessions
            .Where(s => Location is null || s.Location == Location)
            .Where(s => Decade is null || s.Decade == Decade);
        Sessions = [.. OldestFirst
            ? filtered.OrderBy(s => s.Number ?? int.MaxValue)
            : filtered.OrderByDescending(s => s.Number ?? int.MinValue)];
    }

    public IReadOnlyList<SessionSummary> AllSessions { get; }

    public IReadOnlyList<SessionSummary> Sessions { get; }

    public string? Location { get; }

    public int? Decade { get; }

    public bool OldestFirst { get; }

    public IReadOnlyList<int> Decades => [.. AllSessions.Where(s => s.Decade is not null).Select(s => s.Decade!.Value).Distinct().Order()];

    /// <summary>The archive's URL with one filter changed and the others kept.</summary>
    public string FilterUrl(string? location, int? decade, bool oldestFirst)
    {
        var query = new List<string>();
        if (location is not null)
        {
            query.Add("location=" + location);
        }

        if (decade is not null)
        {
            query.Add("decade=" + decade.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (oldestFirst)
        {
            query.Add("sort=asc");
        }

        return query.Count == 0 ? Url : Url + "?" + string.Join("&", query);
    }
}

public sealed class NewsIndexPageModel : PageModel
{
    public NewsIndexPageModel(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member, int page, int pageSize)
        : base(snapshot, content, language, baseUrl, member)
    {
        var all = ChildrenOf(content).Where(c => c.ContentTypeAlias == "newsArticle").OrderByDescending(PublishDate).ToList();
        PageSize = Math.Max(1, pageSize);
        TotalPages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        PageNumber = page;
        Articles = [.. all.Skip((page - 1) * PageSize).Take(PageSize)];
    }

    public IReadOnlyList<PublishedContent> Articles { get; }

    public int PageNumber { get; }

    public int PageSize { get; }

    public int TotalPages { get; }

    public bool IsPageInRange => PageNumber >= 1 && PageNumber <= TotalPages;

    public string PageUrl(int page) => page <= 1 ? Url : $"{Url}?page={page}";

    public static DateOnly PublishDate(PublishedContent article) =>
        article.DateValue("publishDate", string.Empty) ?? DateOnly.FromDateTime(article.CreateDateUtc);

    /// <summary>Every news article published in a culture that the member (null: anonymous) may see, newest first.</summary>
    public static IEnumerable<PublishedContent> LatestArticles(PublishedSnapshot snapshot, string culture, MemberIdentity? member) =>
        snapshot.OfType("newsArticle").Where(a => a.IsPublished(culture) && member.CanSee(a)).OrderByDescending(PublishDate).ThenBy(a => a.Key);
}
