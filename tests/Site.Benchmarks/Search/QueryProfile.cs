using System.Globalization;
using System.Text;
using Lucene.Net.Search;
using Site.Core.Publishing;
using Site.Core.Search;

namespace Site.Benchmarks.Search;

/// <summary>The median time of each step of one query, on one thread.</summary>
internal sealed record QueryStepTimes(BenchmarkQuery Query, int Total, IReadOnlyDictionary<string, double> Milliseconds);

/// <summary>
/// Where a query's time goes: the steps <see cref="SearchService"/> takes, each timed alone and repeated (median):
/// parsing and building the Lucene query, matching only (counting hits), matching and scoring the top ten, the same
/// with the facet counts and the access filter (what the search page runs), loading and highlighting the ten hits,
/// and "did you mean"; then the whole search as the page calls it.
/// </summary>
internal static class QueryProfile
{
    public static readonly string[] Steps = ["build", "count", "top 10", "top 10 + facets + filter", "hits + highlight", "did you mean", "whole search", "allocated KiB"];

    public static IReadOnlyList<QueryStepTimes> Measure(SearchIndexer index, ISearchService search, IPublishedSnapshotAccessor snapshots, SearchOptions options, int repetitions)
    {
        var results = new List<QueryStepTimes>();
        foreach (var query in QueryMix.All)
        {
            using var lease = index.Acquire() ?? throw new InvalidOperationException("The index is not open.");
            var searcher = lease.Searcher;
            var snapshot = snapshots.Current;
            var request = new SearchQuery(query.Text, query.Culture);
            var parsed = SearchQueryParser.Parse(query.Text, options.MaxQueryLength, options.MaxQueryTerms);
            var cultures = SearchService.CulturesFirst(snapshot, query.Culture);
            var lucene = LuceneQueryBuilder.Build(parsed, cultures, index.Bridge, relaxed: false, reader: searcher.IndexReader)!;
            var filter = ((SearchService)search).FilterFor(request);
            var run = SearchService.Run(searcher, lucene, filter, request, 0, 10, options.QueryTimeout, CancellationToken.None);

            var times = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["build"] = Median(repetitions, () => LuceneQueryBuilder.Build(SearchQueryParser.Parse(query.Text, options.MaxQueryLength, options.MaxQueryTerms), cultures, index.Bridge, relaxed: false, reader: searcher.IndexReader)),
                ["count"] = Median(repetitions, () =>
                {
                    var count = new TotalHitCountCollector();
                    searcher.Search(lucene, count);
                    return count.TotalHits;
                }),
                ["top 10"] = Median(repetitions, () => searcher.Search(lucene, 10).TotalHits),
                ["top 10 + facets + filter"] = Median(repetitions, () => SearchService.Run(searcher, lucene, filter, request, 0, 10, options.QueryTimeout, CancellationToken.None).Total),
                ["hits + highlight"] = Median(repetitions, () =>
                {
                    var marks = new SearchService.HighlightTerms(lucene, SearchService.LiteralWords(parsed, index.Bridge));
                    return run.Docs.Select(d => SearchService.ToHit(searcher, d, marks, snapshot, query.Culture, null)).Count(h => h is not null);
                }),
                ["did you mean"] = Median(repetitions, () => SearchService.DidYouMean(searcher.IndexReader, parsed)),
                ["whole search"] = Median(repetitions, () => search.Search(request).Total),
                ["allocated KiB"] = Allocated(() => search.Search(request).Total),
            };
            results.Add(new QueryStepTimes(query, run.Total, times));
        }

        return results;
    }

    public static void Write(StringBuilder md, IReadOnlyList<QueryStepTimes> profile)
    {
        md.AppendLine("| kind | query | found | " + string.Join(" | ", Steps) + " |");
        md.AppendLine("| --- | --- | ---: |" + string.Concat(Enumerable.Repeat(" ---: |", Steps.Length)));
        foreach (var row in profile)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {row.Query.Kind} | `{row.Query.Text}` ({row.Query.Culture}) | {row.Total:N0} |");
            foreach (var step in Steps)
            {
                md.Append(CultureInfo.InvariantCulture, $" {row.Milliseconds[step]:F2} |");
            }

            md.AppendLine();
        }
    }

    /// <summary>What one run of the step allocates on this thread, in KiB.</summary>
    private static double Allocated<T>(Func<T> step)
    {
        _ = step();
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = step();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0;
    }

    private static double Median<T>(int repetitions, Func<T> step)
    {
        _ = step(); // warm: JIT, caches
        var times = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var started = ThreadCpu.NowMilliseconds();
            _ = step();
            times[i] = ThreadCpu.NowMilliseconds() - started;
        }

        Array.Sort(times);
        return times[repetitions / 2];
    }
}
