using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Core.Search;

internal sealed class SearchService(
    SearchIndexer index,
    IPublishedSnapshotAccessor snapshots,
    IOptions<SearchOptions> options) : ISearchService
{
    private const int FragmentSize = 140;

    /// <summary>More distinct filters than this (member groups × chosen facets) and the cache starts again.</summary>
    private const int MaxCachedFilters = 256;

    // A filter's matching documents per segment, kept while the segment lives: most searches share a handful of
    // filters (everyone's public filter, a few groups and facet choices), and each would otherwise walk every document.
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = options.Value;
        var parsed = SearchQueryParser.Parse(query.Text, settings.MaxQueryLength, settings.MaxQueryTerms);
        if (parsed.IsEmpty)
        {
            return SearchResults.None(parsed);
        }

        using var lease = index.Acquire();
        if (lease is null)
        {
            return SearchResults.None(parsed);
        }

        var snapshot = snapshots.Current;
        var cultures = CulturesFirst(snapshot, query.Culture);
        var bridge = index.Bridge;
        var skip = Math.Clamp(query.Skip, 0, settings.MaxWindow - 1);
        var take = Math.Clamp(query.Take, 1, Math.Min(settings.MaxTake, settings.MaxWindow - skip));
        var filter = FilterFor(query);
        var deadline = settings.QueryTimeout;

        var relaxed = false;
        var lucene = LuceneQueryBuilder.Build(parsed, cultures, bridge, relaxed: false, reader: lease.Searcher.IndexReader);
        if (lucene is null)
        {
            return SearchResults.None(parsed);
        }

        var run = Run(lease.Searcher, lucene, filter, query, skip, take, deadline, cancellationToken);
        // Loosen to "any word" only when the strict search finished and found nothing: a search that ran out of time
        // says so, rather than claiming that no page has every word (and waiting for a second timeout).
        if (run.Total == 0 && !run.TimedOut && LuceneQueryBuilder.RequiredWords(parsed) > 1)
        {
            relaxed = true;
            lucene = LuceneQueryBuilder.Build(parsed, cultures, bridge, relaxed: true, reader: lease.Searcher.IndexReader)!;
            run = Run(lease.Searcher, lucene, filter, query, skip, take, deadline, cancellationToken);
        }

        var hits = new List<SearchHit>(run.Docs.Length);
        var marks = new HighlightTerms(lucene, LiteralWords(parsed, bridge));
        foreach (var scoreDoc in run.Docs)
        {
            if (ToHit(lease.Searcher, scoreDoc, marks, snapshot, query.Culture, query.Member) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return new SearchResults(parsed, run.Total, hits, run.Facets)
        {
            Relaxed = relaxed,
            TimedOut = run.TimedOut,
            DidYouMean = DidYouMean(lease.Searcher.IndexReader, parsed),
        };
    }

    public IReadOnlyList<SearchSuggestion> Suggest(string? text, string culture, MemberIdentity? member, int take = 8)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var settings = options.Value;
        var parsed = SearchQueryParser.Parse(text, settings.MaxQueryLength, settings.MaxQueryTerms);
        if (parsed.IsEmpty)
        {
            return [];
        }

        using var lease = index.Acquire();
        if (lease is null)
        {
            return [];
        }

        var snapshot = snapshots.Current;
        var cultures = CulturesFirst(snapshot, culture);
        var lucene = LuceneQueryBuilder.Build(parsed, cultures, index.Bridge, relaxed: false, lastWordIsPrefix: parsed.EndsInWord);
        if (lucene is null)
        {
            return [];
        }

        take = Math.Clamp(take, 1, 20);
        var top = TopScoreDocCollector.Create(take * 2, true);
        try
        {
            lease.Searcher.Search(lucene, FilterFor(new SearchQuery(null, culture, member)), new DeadlineCollector(top, settings.QueryTimeout, CancellationToken.None));
        }
        catch (SearchTimeoutException)
        {
            // What was found in time is suggested.
        }

        var suggestions = new List<SearchSuggestion>(take);
        foreach (var scoreDoc in top.GetTopDocs().ScoreDocs)
        {
            var document = lease.Searcher.Doc(scoreDoc.Doc);
            if (Visible(document, snapshot, member) is not { } node)
            {
                continue;
            }

            var shown = ShownCulture(document, snapshot, culture);
            suggestions.Add(new SearchSuggestion(
                document.Get(SearchFields.For(SearchFields.Name, shown), CultureInfo.InvariantCulture) ?? node.Name(shown) ?? string.Empty,
                node.Url(shown) ?? document.Get(SearchFields.For(SearchFields.Url, shown), CultureInfo.InvariantCulture) ?? "/",
                node.ContentTypeAlias,
                shown));
            if (suggestions.Count == take)
            {
                break;
            }
        }

        return suggestions;
    }

    internal sealed record RunResult(int Total, ScoreDoc[] Docs, Dictionary<string, IReadOnlyList<FacetValue>> Facets, bool TimedOut);

    internal static RunResult Run(IndexSearcher searcher, Query query, Filter filter, SearchQuery request, int skip, int take, TimeSpan budget, CancellationToken cancellationToken)
    {
        var window = skip + take;
        ITopDocsCollector top = request.Sort == SearchSort.Date
            ? TopFieldCollector.Create(DateSort, window, true, true, false, true)
            : TopScoreDocCollector.Create(window, false);
        var facets = new FacetCounter(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SearchFacets.ContentType] = SearchFields.ContentType,
            [SearchFacets.Decade] = SearchFields.Decade,
            [SearchFacets.Location] = SearchFields.Location,
            [SearchFacets.Country] = SearchFields.For(SearchFields.Country, request.Culture),
        });
        var timedOut = false;
        try
        {
            // The filter is checked per match (a bit), not joined as a FilteredQuery: a search with no required
            // word then scores out of order, a window of documents at a time (BooleanScorer), far faster than
            // stepping every field's postings in document order.
            searcher.Search(query, new FilterCollector(filter, new DeadlineCollector(MultiCollector.Wrap(top, facets), budget, cancellationToken)));
        }
        catch (SearchTimeoutException)
        {
            timedOut = true;
        }

        return new RunResult(top.TotalHits, top.GetTopDocs(skip, take).ScoreDocs, facets.Results(), timedOut);
    }

    private static readonly Sort DateSort = new(new SortField(SearchFields.SortDate, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    /// <summary>What the asker may see, and the facet values they chose: cached per segment.</summary>
    internal Filter FilterFor(SearchQuery query)
    {
        var filter = Filter(query);
        var key = filter.ToString();
        if (_filters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_filters.Count >= MaxCachedFilters)
        {
            _filters.Clear();
        }

        return _filters.GetOrAdd(key, new BitSetCachingFilter(filter));
    }

    /// <summary>What the asker may see, and the facet values they chose.</summary>
    internal static QueryWrapperFilter Filter(SearchQuery query)
    {
        var filter = new BooleanQuery();
        var access = new BooleanQuery { { new TermQuery(new Term(SearchFields.Access, SearchFields.AccessPublic)), Occur.SHOULD } };
        if (query.Member is { } member)
        {
            access.Add(new TermQuery(new Term(SearchFields.Access, SearchFields.AccessMembers)), Occur.SHOULD);
            foreach (var group in member.Groups)
            {
                access.Add(new TermQuery(new Term(SearchFields.Access, SearchFields.AccessGroup(group))), Occur.SHOULD);
            }
        }

        filter.Add(access, Occur.MUST);
        AddKeyword(filter, SearchFields.ContentType, query.ContentType);
        AddKeyword(filter, SearchFields.Decade, query.Decade);
        AddKeyword(filter, SearchFields.Location, query.Location);
        AddKeyword(filter, SearchFields.For(SearchFields.Country, query.Culture), query.Country);
        return new QueryWrapperFilter(filter);
    }

    private static void AddKeyword(BooleanQuery filter, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filter.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        }
    }

    /// <summary>The visitor's culture first, then the site's others (the default before the rest).</summary>
    internal static List<string> CulturesFirst(PublishedSnapshot snapshot, string culture)
    {
        var all = snapshot.Languages.All.Select(l => l.IsoCode).ToList();
        if (all.Count == 0)
        {
            all.Add(culture);
        }

        var own = all.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        return own is null ? all : [own, .. all.Where(c => !ReferenceEquals(c, own))];
    }

    /// <summary>The node behind a document, if it is still published and the asker may see it (PublicAccess decides).</summary>
    private static PublishedContent? Visible(Document document, PublishedSnapshot snapshot, MemberIdentity? member) =>
        Guid.TryParse(document.Get(SearchFields.Key, CultureInfo.InvariantCulture), out var key) && snapshot.GetByKey(key) is { } node && member.CanSee(node) ? node : null;

    /// <summary>The visitor's culture where the page has it, else the default language, else whichever it has.</summary>
    private static string ShownCulture(Document document, PublishedSnapshot snapshot, string culture)
    {
        var cultures = document.GetValues(SearchFields.Cultures, CultureInfo.InvariantCulture);
        return cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase))
            ?? cultures.FirstOrDefault(c => string.Equals(c, snapshot.Languages.Default?.IsoCode, StringComparison.OrdinalIgnoreCase))
            ?? cultures.FirstOrDefault()
            ?? culture;
    }

    /// <summary>
    /// What to mark in a hit: the query's terms per field for analysed text (each word on its own, as most engines
    /// mark phrases: Lucene's phrase-aware scorer indexes every hit's text in memory again), the words as written for
    /// Chinese text. One per search, used for its hits one after another.
    /// </summary>
    internal sealed class HighlightTerms(Query query, IReadOnlyList<string> literals)
    {
        private readonly Dictionary<string, WeightedTerm[]> _terms = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Literals { get; } = literals;

        public WeightedTerm[] For(string field)
        {
            if (!_terms.TryGetValue(field, out var terms))
            {
                _terms[field] = terms = QueryTermExtractor.GetTerms(query, false, field);
            }

            return terms;
        }
    }

    /// <summary>The words of the query that must match (not stop words) and their equivalents in Chinese, longest first.</summary>
    internal static IReadOnlyList<string> LiteralWords(ParsedQuery parsed, TermBridge bridge) =>
        [.. parsed.Words.Where(w => !w.IsOptional)
            .SelectMany(w => bridge.Translate(w.Text).Where(t => SearchFields.UsesBigrams(t.Culture)).Select(t => t.Text).Prepend(w.Text))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length)];

    internal static SearchHit? ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, HighlightTerms marks, PublishedSnapshot snapshot, string culture, MemberIdentity? member)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        if (Visible(document, snapshot, member) is not { } node)
        {
            return null;
        }

        var shown = ShownCulture(document, snapshot, culture);
        var (highlight, highlightCulture) = Highlight(document, marks, shown);
        var date = document.Get(SearchFields.For(SearchFields.Date, shown), CultureInfo.InvariantCulture) is { } text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        return new SearchHit(
            node.Key,
            document.Get(SearchFields.For(SearchFields.Name, shown), CultureInfo.InvariantCulture) ?? node.Name(shown) ?? string.Empty,
            node.Url(shown) ?? document.Get(SearchFields.For(SearchFields.Url, shown), CultureInfo.InvariantCulture) ?? "/",
            node.ContentTypeAlias,
            shown,
            highlight,
            highlightCulture,
            date,
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score);
    }

    /// <summary>The best passages with the query's words marked, from the shown culture first; else the start of its summary.</summary>
    internal static (string Html, string Culture) Highlight(Document document, HighlightTerms marks, string shown)
    {
        var cultures = new List<string> { shown };
        cultures.AddRange(document.GetValues(SearchFields.Cultures, CultureInfo.InvariantCulture).Where(c => !string.Equals(c, shown, StringComparison.OrdinalIgnoreCase)));
        foreach (var culture in cultures)
        {
            var analyzer = SearchAnalyzers.ForCulture(culture);
            foreach (var field in SearchFields.HighlightedFields)
            {
                var name = SearchFields.For(field, culture);
                var text = document.Get(name, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                if (SearchFields.UsesBigrams(culture))
                {
                    if (LiteralHighlighter.Highlight(text, marks.Literals, FragmentSize, 2) is { Length: > 0 } literal)
                    {
                        return (literal, culture);
                    }

                    continue;
                }

                var terms = marks.For(name);
                if (terms.Length == 0)
                {
                    continue;
                }

                var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlTextEncoder.Instance, new QueryTermScorer(terms))
                {
                    TextFragmenter = new SimpleFragmenter(FragmentSize),
                    MaxDocCharsToAnalyze = 100_000,
                };
                string[] fragments;
                try
                {
                    using var tokens = analyzer.GetTokenStream(name, text);
                    fragments = highlighter.GetBestFragments(tokens, text, 2);
                }
                catch (InvalidTokenOffsetsException)
                {
                    continue;
                }

                var joined = string.Join(" … ", fragments.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));
                if (joined.Length > 0)
                {
                    return (joined, culture);
                }
            }
        }

        var fallback = document.Get(SearchFields.For(SearchFields.Summary, shown), CultureInfo.InvariantCulture)
            ?? document.Get(SearchFields.For(SearchFields.BodyText, shown), CultureInfo.InvariantCulture)
            ?? string.Empty;
        return (HtmlTextEncoder.Encode(Shorten(fallback, FragmentSize * 2)), shown);
    }

    internal static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        var end = cut > length / 2 ? cut : length;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end].TrimEnd() + "…";
    }

    /// <summary>
    /// The query with each English word that no page contains replaced by the closest word that pages do contain
    /// (at most two edits, the commonest on a tie); null when every word is found or none can be corrected.
    /// </summary>
    internal static string? DidYouMean(IndexReader reader, ParsedQuery query)
    {
        var terms = MultiFields.GetTerms(reader, SearchFields.Spell);
        if (terms is null)
        {
            return null;
        }

        var changed = false;
        var words = new List<QueryWord>(query.Words.Count);
        foreach (var word in query.Words)
        {
            var lower = word.Text.ToLower(CultureInfo.InvariantCulture);
            if (word.IsPhrase || lower.Length < 4 || !SearchQueryParser.IsLatinWord(lower) || reader.DocFreq(new Term(SearchFields.Spell, lower)) > 0)
            {
                words.Add(word);
                continue;
            }

            var correction = Closest(terms, lower);
            if (correction is null)
            {
                words.Add(word);
                continue;
            }

            changed = true;
            words.Add(word with { Text = MatchCase(word.Text, correction) });
        }

        return changed ? SearchQueryParser.Format(words) : null;
    }

    /// <summary>"Tamepre" → "Tampere", "TAMEPRE" → "TAMPERE": the correction is written as the visitor wrote the word.</summary>
    private static string MatchCase(string original, string correction) =>
        original.All(char.IsUpper) ? correction.ToUpper(CultureInfo.InvariantCulture)
        : char.IsUpper(original[0]) ? char.ToUpper(correction[0], CultureInfo.InvariantCulture) + correction[1..]
        : correction;

    private static string? Closest(Terms terms, string word)
    {
        var maxEdits = word.Length >= 6 ? 2 : 1;
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFields.Spell, word), maxEdits, 1, true);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (!SearchQueryParser.IsLatinWord(candidate) || candidate.Length < 3)
            {
                continue;
            }

            var distance = EditDistance(word, candidate);
            var frequency = fuzzy.DocFreq;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }

    /// <summary>Damerau–Levenshtein distance (adjacent transpositions count as one edit).</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
