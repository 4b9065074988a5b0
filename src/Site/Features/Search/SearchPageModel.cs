using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Features.Public;

namespace Site.Features.Search;

/// <summary>A link that narrows (or widens) the results: a facet value or an order, and whether it is the current one.</summary>
public sealed record SearchLink(string Label, string Url, int? Count, bool IsCurrent);

public sealed record SearchFacetGroup(string Name, string Heading, IReadOnlyList<SearchLink> Links);

/// <summary>The search page: the query, its results with highlights, facets, order and paging, in the page's culture.</summary>
public sealed class SearchPageModel : LayoutModel
{
    public const int PageSize = 10;

    public SearchPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, SearchPageRequest request, SearchResults? results)
        : base(snapshot, language, baseUrl, member)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        Results = results;
    }

    public SearchPageRequest Request { get; }

    /// <summary>Null when nothing was asked yet.</summary>
    public SearchResults? Results { get; }

    public string Query => Request.Query ?? string.Empty;

    public string ActionUrl => $"/{Language.UrlPrefix}/search";

    public override string Title => string.IsNullOrWhiteSpace(Request.Query) ? Text.Search
        : Results is { } results ? FormatText("{0}: {1} ({2})", Text.Search, Request.Query.Trim(), FormatNumber(results.Total))
        : FormatText("{0}: {1}", Text.Search, Request.Query.Trim());

    public override IReadOnlyList<Breadcrumb> Breadcrumbs => [new Breadcrumb(Text.Home, HomeUrl), new Breadcrumb(Text.Search, ActionUrl)];

    /// <summary>The same search in each language.</summary>
    public override IReadOnlyList<LanguageAlternate> Alternates =>
    [
        .. Snapshot.Languages.All.Select(l => new LanguageAlternate(
            l,
            UiText.For(l.IsoCode),
            UrlFor($"/{l.UrlPrefix}/search", Request with { Page = 1 }),
            string.Equals(l.IsoCode, Culture, StringComparison.OrdinalIgnoreCase))),
    ];

    public int PageCount => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public string ResultCountText => Results is null ? string.Empty
        : Results.Total == 0 ? FormatText(Text.SearchNoResults, Results.Query.Text.Trim())
        : FormatText(Text.SearchResultCount, FormatNumber(Results.Total), Results.Query.Text.Trim());

    public string? DidYouMeanUrl => Results?.DidYouMean is { } corrected ? UrlFor(ActionUrl, new SearchPageRequest(corrected)) : null;

    public string ContentTypeName(string alias) => Text.ContentTypeNames.TryGetValue(alias, out var name) ? name : alias;

    public bool IsOtherCulture(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return !string.Equals(hit.Culture, Culture, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"in Chinese only" for a result shown in another language than the page's.</summary>
    public string OnlyInText(SearchHit hit) => IsOtherCulture(hit) ? Text.OnlyIn(hit.Culture) : string.Empty;

    public string? PreviousPageUrl => Request.Page > 1 ? UrlFor(ActionUrl, Request with { Page = Request.Page - 1 }) : null;

    public string? NextPageUrl => Request.Page < PageCount ? UrlFor(ActionUrl, Request with { Page = Request.Page + 1 }) : null;

    public IReadOnlyList<SearchLink> SortLinks =>
    [
        new(Text.SearchSortRelevance, UrlFor(ActionUrl, Request with { Sort = null, Page = 1 }), null, Request.Sort is null),
        new(Text.SearchSortDate, UrlFor(ActionUrl, Request with { Sort = "date", Page = 1 }), null, Request.Sort == "date"),
    ];

    /// <summary>Each facet with its values and counts; a chosen value links back to "all".</summary>
    public IReadOnlyList<SearchFacetGroup> FacetGroups
    {
        get
        {
            if (Results is null)
            {
                return [];
            }

            var groups = new List<SearchFacetGroup>();
            Add(SearchFacets.ContentType, Text.SearchContentType, Request.Type, ContentTypeName, (r, v) => r with { Type = v });
            Add(SearchFacets.Decade, Text.Year, Request.Decade,
                v => FormatText(Text.Decade, v), (r, v) => r with { Decade = v });
            Add(SearchFacets.Location, Text.Location, Request.Location,
                v => v == "home" ? Text.LocationHome : v == "abroad" ? Text.LocationAbroad : v, (r, v) => r with { Location = v });
            Add(SearchFacets.Country, Text.Country, Request.Country, v => v, (r, v) => r with { Country = v });
            return groups;

            void Add(string facet, string heading, string? current, Func<string, string> label, Func<SearchPageRequest, string?, SearchPageRequest> with)
            {
                if (!Results.Facets.TryGetValue(facet, out var values) || (values.Count == 0 && current is null))
                {
                    return;
                }

                var links = new List<SearchLink>
                {
                    new(Text.SearchAllResults, UrlFor(ActionUrl, with(Request, null) with { Page = 1 }), null, current is null),
                };
                var ordered = facet == SearchFacets.Decade ? values.OrderByDescending(v => v.Value, StringComparer.Ordinal) : values.AsEnumerable();
                links.AddRange(ordered.Select(v => new SearchLink(
                    label(v.Value), UrlFor(ActionUrl, with(Request, v.Value) with { Page = 1 }), v.Count,
                    string.Equals(current, v.Value, StringComparison.Ordinal))));
                groups.Add(new SearchFacetGroup(facet, heading, links));
            }
        }
    }

    public string FormatHitDate(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Date is { } date ? FormatDate(date) : string.Empty;
    }

    /// <summary>The search page's URL for a request: only the parameters that are set, in a fixed order.</summary>
    public static string UrlFor(string path, SearchPageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("q", request.Query?.Trim());
        Add("type", request.Type);
        Add("decade", request.Decade);
        Add("location", request.Location);
        Add("country", request.Country);
        Add("sort", request.Sort);
        Add("page", request.Page > 1 ? request.Page.ToString(CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(path, query);
    }
}

/// <summary>What the search page was asked: the query string, read and bounded.</summary>
public sealed record SearchPageRequest(string? Query, string? Type = null, string? Decade = null, string? Location = null, string? Country = null, string? Sort = null, int Page = 1)
{
    public SearchQuery ToQuery(string culture) => new(Query, culture)
    {
        ContentType = Type,
        Decade = Decade,
        Location = Location,
        Country = Country,
        Sort = Sort == "date" ? SearchSort.Date : SearchSort.Relevance,
        Skip = (Page - 1) * SearchPageModel.PageSize,
        Take = SearchPageModel.PageSize,
    };
}
