using Site.Core.Members;

namespace Site.Core.Search;

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>A search as a visitor (or the API) asks for it.</summary>
/// <param name="Culture">The visitor's language: results are shown in it where that version exists.</param>
/// <param name="Member">Who is asking; null for anonymous visitors. Protected content is found only by those allowed to see it.</param>
public sealed record SearchQuery(string? Text, string Culture, MemberIdentity? Member = null)
{
    public string? ContentType { get; init; }

    /// <summary>A decade such as "2010".</summary>
    public string? Decade { get; init; }

    /// <summary>"home" (in Jiangsu) or "abroad".</summary>
    public string? Location { get; init; }

    /// <summary>A country as named in the visitor's language ("Finland", "芬兰").</summary>
    public string? Country { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Skip { get; init; }

    public int Take { get; init; } = 10;
}

/// <summary>One result: a page, in the visitor's language where it exists, else in the language it has.</summary>
/// <param name="Highlight">HTML: the text escaped, the matching words in &lt;mark&gt;. Safe to write into a page as is.</param>
/// <param name="HighlightCulture">The language of the highlighted text (another than <paramref name="Culture"/> when only that one matched).</param>
public sealed record SearchHit(
    Guid Key,
    string Name,
    string Url,
    string ContentType,
    string Culture,
    string Highlight,
    string HighlightCulture,
    DateOnly? Date,
    float Score);

public sealed record FacetValue(string Value, int Count);

/// <summary>The facet names used by <see cref="SearchResults.Facets"/>.</summary>
public static class SearchFacets
{
    public const string ContentType = "contentType";
    public const string Decade = "decade";
    public const string Location = "location";
    public const string Country = "country";
}

public sealed record SearchResults(
    ParsedQuery Query,
    int Total,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>The query with misspelt English words corrected, when some word is found nowhere; else null.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>No page has every word: these results have some of them.</summary>
    public bool Relaxed { get; init; }

    /// <summary>The query ran out of time; the results are those found until then.</summary>
    public bool TimedOut { get; init; }

    public static SearchResults None(ParsedQuery query) => new(query, 0, [], new Dictionary<string, IReadOnlyList<FacetValue>>());
}

/// <summary>A suggestion as the visitor types: a page whose name matches what has been typed so far.</summary>
public sealed record SearchSuggestion(string Name, string Url, string ContentType, string Culture);

/// <summary>Full-text search of the published site, in every language at once.</summary>
public interface ISearchService
{
    SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default);

    IReadOnlyList<SearchSuggestion> Suggest(string? text, string culture, Members.MemberIdentity? member, int take = 8);
}

public sealed record IndexRebuildProgress(int Done, int Total)
{
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}

/// <summary>Rebuilds the search index from the published snapshot (the back office's "rebuild index" button).</summary>
public interface IIndexRebuilder
{
    /// <summary>Rebuilds the whole index; searches keep being answered from the old one until the new one is complete.</summary>
    Task<int> RebuildAsync(IProgress<IndexRebuildProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>A published node the index left out, and why (the failure's type and message).</summary>
public sealed record SkippedDocument(Guid Key, string Reason);

/// <summary>Where the index stands: which published snapshot it reflects.</summary>
public interface ISearchIndexStatus
{
    /// <summary>The generation of the published snapshot the index was last brought up to date with; 0 before the first.</summary>
    long IndexedGeneration { get; }

    int DocumentCount { get; }

    /// <summary>Why the index was last rebuilt on start ("missing", "corrupt", "version"), or null.</summary>
    string? LastRebuildReason { get; }

    /// <summary>
    /// Published nodes left out of the index because their document could not be made (each failure is logged), by
    /// key; a node leaves this list when a later publish of it is indexed, or when it is no longer published.
    /// </summary>
    IReadOnlyList<SkippedDocument> SkippedDocuments { get; }

    /// <summary>Completes when the index reflects the given snapshot generation (or a later one).</summary>
    Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken);
}
