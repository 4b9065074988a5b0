using System.Globalization;
using System.Text;

namespace Site.Benchmarks.Search;

/// <summary>What the corpus is made of.</summary>
internal sealed record CorpusFigures(int Real, int Synthetic, int Bilingual, IReadOnlyDictionary<string, int> Kinds, long EnglishBodyChars, long ChineseBodyChars, int EnglishBodies, int ChineseBodies, double TextMegabytes, TimeSpan Generation)
{
    public static CorpusFigures Of(IReadOnlyList<SyntheticNode> nodes, int real, TimeSpan generation)
    {
        long english = 0, chinese = 0;
        int englishBodies = 0, chineseBodies = 0;
        foreach (var value in nodes.SelectMany(n => n.Data.Values).Where(v => v.Alias == "bodyText"))
        {
            if (value.Culture == CorpusGenerator.English)
            {
                english += value.Value.Length;
                englishBodies++;
            }
            else
            {
                chinese += value.Value.Length;
                chineseBodies++;
            }
        }

        return new CorpusFigures(
            real,
            nodes.Count,
            nodes.Count(n => n.Cultures.Count == 2),
            nodes.GroupBy(n => n.ContentTypeAlias).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            english,
            chinese,
            englishBodies,
            chineseBodies,
            nodes.Sum(CorpusGenerator.TextLength) / 1_000_000.0,
            generation);
    }
}

/// <summary>One publish: when the editor pressed the button, until a search found the new word.</summary>
internal sealed record PublishFigures(TimeSpan Save, TimeSpan PublishToSearchable, TimeSpan PublishToSnapshot, TimeSpan PublishCall, TimeSpan SnapshotToSearchable, TimeSpan SnapshotToIndexed, int Polls);

/// <summary>Everything measured, and the Markdown made of it.</summary>
internal sealed class Report(BenchmarkSettings settings)
{
    private static readonly TimeSpan RebuildTarget = TimeSpan.FromSeconds(60);
    private const double P99TargetMilliseconds = 20;
    private static readonly TimeSpan PublishTarget = TimeSpan.FromSeconds(1);

    public CorpusFigures? Corpus { get; set; }

    public TimeSpan LoadTime { get; set; }

    public TimeSpan SnapshotBuild { get; set; }

    public int IndexedDocuments { get; set; }

    public int IndexDocumentCount { get; set; }

    public TimeSpan RebuildOnStart { get; set; }

    public string? RebuildReason { get; set; }

    public TimeSpan? RequestedRebuild { get; set; }

    public TimeSpan RebuildOnStartCpu { get; set; }

    public GcFigures? RebuildOnStartGc { get; set; }

    public TimeSpan RequestedRebuildCpu { get; set; }

    public TimeSpan BaselineBuildCpu { get; set; }

    public long IndexBytes { get; set; }

    public int IndexSegments { get; set; }

    public TimeSpan MergedAfterRebuild { get; set; }

    public MemoryFigures? SnapshotMemory { get; set; }

    public MemoryFigures? AfterBuild { get; set; }

    public MemoryFigures? AfterQueries { get; set; }

    public MemoryFigures? AfterBaseline { get; set; }

    public TimeSpan BaselineBuild { get; set; }

    public long BaselineBytes { get; set; }

    public string? BaselineTokenizer { get; set; }

    public List<LatencyResult> Latencies { get; } = [];

    public List<(BenchmarkQuery Query, int Site, int Baseline)> HitCounts { get; } = [];

    public List<PublishFigures> Publishes { get; } = [];

    public List<TimeSpan> BaselinePublishes { get; } = [];

    /// <summary>TermBridge.Build over every published node, as the indexer learns it at a rebuild (median of 3).</summary>
    public TimeSpan BridgeBuild { get; set; }

    public List<(string Message, string Part, double Milliseconds)> EngineTimings { get; set; } = [];

    public TimeSpan Total { get; set; }

    public bool PublishesCapped { get; set; }

    public IReadOnlyList<AnalysisStep> Analysis { get; set; } = [];

    public IReadOnlyList<QueryStepTimes> QueryProfile { get; set; } = [];

    public string? LoadBefore { get; set; }

    public string? LoadAfter { get; set; }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var corpus = Corpus!;
        Line(md, "## Search benchmark");
        Line(md);
        Line(md, $"{Environment.ProcessorCount} cores, {Gib(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} GiB available, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; whole run {Total.TotalSeconds:F0} s; load average (1/5/15 min) {LoadBefore} at the start, {LoadAfter} at the end.");
        Line(md);
        Line(md, $"Corpus (seed {settings.Seed}): {IndexedDocuments:N0} published nodes = {corpus.Real} real (uSync) + {corpus.Synthetic:N0} generated "
            + $"({string.Join(", ", corpus.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value:N0} {k.Key}"))}); "
            + $"{Percent(corpus.Bilingual, corpus.Synthetic)} in Chinese and English, the rest Chinese only. "
            + $"Bodies: English mean {Mean(corpus.EnglishBodyChars, corpus.EnglishBodies)} chars, Chinese mean {Mean(corpus.ChineseBodyChars, corpus.ChineseBodies)} chars "
            + $"(200–3,000); {corpus.TextMegabytes:F0} M characters of text in all. Generated in {corpus.Generation.TotalSeconds:F1} s, written to the site's SQLite database in {LoadTime.TotalSeconds:F1} s.");
        Line(md);

        Line(md, "### Build");
        Line(md);
        Line(md, "| measure | Lucene (site) | SQLite FTS5 | ratio site / FTS5 | target |");
        Line(md, "| --- | ---: | ---: | ---: | --- |");
        Line(md, $"| published snapshot from the database | {Seconds(SnapshotBuild)} | – | – | – |");
        Line(md, $"| full rebuild, on start ({RebuildReason ?? "?"} index, {IndexDocumentCount:N0} docs) | {Seconds(RebuildOnStart)} | {Seconds(BaselineBuild)} | {Ratio(RebuildOnStart.TotalMilliseconds, BaselineBuild.TotalMilliseconds)} | under 60 s: {Met(RebuildOnStart < RebuildTarget)} |");
        Line(md, $"| process CPU time of that (snapshot build included) | {Seconds(RebuildOnStartCpu)} | {Seconds(BaselineBuildCpu)} | {Ratio(RebuildOnStartCpu.TotalMilliseconds, BaselineBuildCpu.TotalMilliseconds)} | – |");
        if (RequestedRebuild is { } requested)
        {
            Line(md, $"| full rebuild, requested (back office, warm) | {Seconds(requested)} | {Seconds(BaselineBuild)} | {Ratio(requested.TotalMilliseconds, BaselineBuild.TotalMilliseconds)} | under 60 s: {Met(requested < RebuildTarget)} |");
            Line(md, $"| process CPU time of that | {Seconds(RequestedRebuildCpu)} | {Seconds(BaselineBuildCpu)} | {Ratio(RequestedRebuildCpu.TotalMilliseconds, BaselineBuildCpu.TotalMilliseconds)} | – |");
        }

        if (RebuildOnStartGc is not null)
        {
            Line(md, $"| garbage collection during that | {RebuildOnStartGc} | – | – | – |");
        }

        Line(md, $"| merged into one segment in the background, after the rebuild | {Seconds(MergedAfterRebuild)} | – | – | – |");
        Line(md, $"| size on disk | {Mib(IndexBytes)} MiB ({IndexSegments} segments) | {Mib(BaselineBytes)} MiB | {Ratio(IndexBytes, BaselineBytes)} | – |");
        Line(md);
        Line(md, $"FTS5: English `porter unicode61`, Chinese `{BaselineTokenizer}`; Chinese words under three characters cannot use the trigram index and are matched with LIKE over every row.");
        Line(md);

        if (Analysis.Count > 0)
        {
            Line(md, "Where a rebuild's time goes: each step the index applies to the bodies, timed alone on one thread over a sample of 300 bodies, then scaled to the corpus on every core:");
            Line(md);
            Line(md, "| step | characters/s, one thread | corpus characters | corpus on all cores |");
            Line(md, "| --- | ---: | ---: | ---: |");
            foreach (var step in Analysis)
            {
                Line(md, $"| {step.Name} | {step.CharactersPerSecond.ToString("N0", CultureInfo.InvariantCulture)} | {step.CorpusCharacters.ToString("N0", CultureInfo.InvariantCulture)} | {Seconds(step.CorpusEstimate)} |");
            }

            Line(md);
        }

        Line(md, "### Query latency");
        Line(md);
        Line(md, $"The fixed mix ({QueryMix.All.Count} queries, {QueryMix.Kinds.Count} kinds taking turns: {string.Join(", ", QueryMix.Kinds)}), after {settings.WarmUpRounds} warm-up rounds; site: `ISearchService.Search` (10 results with highlights, facets, total, did-you-mean); FTS5: all words, total, top 10 by bm25, snippets.");
        Line(md);
        Line(md, "| engine | clients | queries | timed out | p50 ms | p95 ms | p99 ms | queries/s | CPU ms/query | p50 vs FTS5 | p99 vs FTS5 | q/s vs FTS5 | CPU/query vs FTS5 | p99 under 20 ms |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in Latencies)
        {
            var baseline = Latencies.First(l => l.Engine.StartsWith("SQLite", StringComparison.Ordinal) && l.Concurrency == result.Concurrency);
            var isBaseline = ReferenceEquals(result, baseline);
            Line(md, $"| {result.Engine} | {result.Concurrency} | {result.Count:N0}{(result.Capped ? " (capped)" : string.Empty)} | {(result.TimedOut is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "–")} | {Ms(result.Percentile(50))} | {Ms(result.Percentile(95))} | {Ms(result.Percentile(99))} | {result.Throughput:F0} | {Ms(result.CpuPerQuery)} | "
                + $"{(isBaseline ? "1.00" : Ratio(result.Percentile(50), baseline.Percentile(50)))} | {(isBaseline ? "1.00" : Ratio(result.Percentile(99), baseline.Percentile(99)))} | {(isBaseline ? "1.00" : Ratio(result.Throughput, baseline.Throughput))} | {(isBaseline ? "1.00" : Ratio(result.CpuPerQuery, baseline.CpuPerQuery))} | "
                + $"{(isBaseline ? "–" : Met(result.Percentile(99) < P99TargetMilliseconds))} |");
        }

        Line(md);
        Line(md, "Garbage collection during the runs: " + string.Join("; ", Latencies.Where(l => l.Gc is not null).Select(l => $"{l.Engine} ×{l.Concurrency}: {l.Gc}")) + ".");
        Line(md);
        Line(md, "By kind, one client (p50 / p99 ms):");
        Line(md);
        var single = Latencies.Where(l => l.Concurrency == 1).ToList();
        Line(md, "| kind | " + string.Join(" | ", single.Select(l => l.Engine)) + " |");
        Line(md, "| --- |" + string.Concat(single.Select(_ => " ---: |")));
        foreach (var kind in QueryMix.Kinds)
        {
            Line(md, $"| {kind} | " + string.Join(" | ", single.Select(l => $"{Ms(l.PercentileOf(kind, 50))} / {Ms(l.PercentileOf(kind, 99))}")) + " |");
        }

        Line(md);
        if (QueryProfile.Count > 0)
        {
            Line(md, $"Where a query's time goes (one thread, median of {settings.QueryProfileRepetitions.ToString(CultureInfo.InvariantCulture)} runs of each step alone, ms of {(ThreadCpu.IsCpuTime ? "the thread's CPU time, so other processes on the machine barely change it; garbage collection on the GC's threads is not in it" : "wall time")}): build = parse and make the Lucene query; count = match only; top 10 = match and score; + facets + filter = what the search runs; hits + highlight = load, check and highlight the ten shown; whole search = `ISearchService.Search`; allocated KiB = what one whole search allocates.");
            Line(md);
            Search.QueryProfile.Write(md, QueryProfile);
            Line(md);
        }

        Line(md, "### Memory");
        Line(md);
        Line(md, "| when | managed heap MiB | working set MiB | SQLite native MiB |");
        Line(md, "| --- | ---: | ---: | ---: |");
        MemoryLine(md, "snapshot live, before the index", SnapshotMemory);
        MemoryLine(md, "after the index rebuild", AfterBuild);
        MemoryLine(md, "after the site's queries", AfterQueries);
        MemoryLine(md, "after the FTS5 build and queries", AfterBaseline);
        Line(md);
        Line(md, "The managed heap includes the published snapshot of every node (the site holds it whatever the search does); the index is on disk, memory-mapped, so its pages count in the working set, not the heap.");
        Line(md);

        Line(md, "### Publish to searchable");
        Line(md);
        if (Publishes.Count > 0)
        {
            Line(md, $"{Publishes.Count}{(PublishesCapped ? $" (of {settings.Publishes}: the phase stops at the time cap)" : string.Empty)} news articles, each edited (a new English word), saved and published through `IContentService` and `IPublishingService`, then searched for (every ~1 ms) until found. After each publish the site refreshes its published snapshot, reading only the nodes the change journal names and applying them to the last tree (only what they reach is made again); the index then looks at the nodes the snapshot names as changed.");
            Line(md);
            Line(md, "| step | p50 ms | max ms |");
            Line(md, "| --- | ---: | ---: |");
            PublishLine(md, "save (not part of the figure)", Publishes.Select(p => p.Save));
            PublishLine(md, "publish call → new snapshot live", Publishes.Select(p => p.PublishToSnapshot));
            PublishLine(md, "new snapshot live → the indexer reports it (`ISearchIndexStatus`)", Publishes.Select(p => p.SnapshotToIndexed));
            PublishLine(md, "new snapshot live → found by a search", Publishes.Select(p => p.SnapshotToSearchable));
            PublishLine(md, "**publish → searchable**", Publishes.Select(p => p.PublishToSearchable));
            if (BaselinePublishes.Count > 0)
            {
                PublishLine(md, "FTS5: update one row, commit, found by a query", BaselinePublishes);
            }

            var p50 = Median(Publishes.Select(p => p.PublishToSearchable));
            var max = Publishes.Max(p => p.PublishToSearchable);
            Line(md);
            Line(md, $"Target under 1 s: p50 {Met(p50 < PublishTarget)}, max {Met(max < PublishTarget)}.");
            Line(md);
        }

        Line(md, $"A rebuild learns the term bridge from every published node: `TermBridge.Build` over this snapshot takes {Ms(BridgeBuild.TotalMilliseconds)} ms (median of 3). After a publish the indexer learns only the nodes that changed (`TermBridgeLearning`).");
        Line(md);

        var timings = EngineTimings.GroupBy(t => Kind(t.Message) is { } kind ? (t.Part.Length == 0 ? kind : $"{kind}, {t.Part}") : null).Where(g => g.Key is not null).ToList();
        if (timings.Count > 0)
        {
            Line(md, "The engine's own log (ms): " + string.Join("; ", timings.Select(g => $"{g.Key}: n={g.Count()}, p50 {Ms(Median(g.Select(t => t.Milliseconds)))}, max {Ms(g.Max(t => t.Milliseconds))}")) + ".");
            Line(md);
        }

        Line(md, "### Results per query (total found: site / FTS5)");
        Line(md);
        Line(md, "| kind | query | asked in | site | FTS5 |");
        Line(md, "| --- | --- | --- | ---: | ---: |");
        foreach (var (query, site, baseline) in HitCounts)
        {
            Line(md, $"| {query.Kind} | `{query.Text}` | {query.Culture} | {site:N0} | {baseline:N0} |");
        }

        return md.ToString();
    }

    private static string? Kind(string message) =>
        message.StartsWith("Published snapshot", StringComparison.Ordinal)
            ? (message.Contains("all nodes read", StringComparison.Ordinal) ? "snapshot built (all nodes read)" : "snapshot refreshed (changed nodes read)")
        : message.StartsWith("Search index rebuilt", StringComparison.Ordinal) ? "index rebuilt"
        : message.StartsWith("Search index updated", StringComparison.Ordinal) ? "index updated"
        : null;

    private static void MemoryLine(StringBuilder md, string when, MemoryFigures? figures)
    {
        if (figures is not null)
        {
            Line(md, $"| {when} | {Mib(figures.GcHeapBytes)} | {Mib(figures.WorkingSetBytes)} | {Mib(figures.SqliteBytes)} |");
        }
    }

    private static void PublishLine(StringBuilder md, string step, IEnumerable<TimeSpan> values)
    {
        var list = values.ToList();
        Line(md, $"| {step} | {Ms(Median(list).TotalMilliseconds)} | {Ms(list.Max().TotalMilliseconds)} |");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromMilliseconds(Median(values.Select(v => v.TotalMilliseconds)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    private static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Gib(long bytes) => (bytes / 1024.0 / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) => baseline <= 0 ? "–" : (value / baseline).ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + " %";

    private static string Mean(long chars, int count) => count == 0 ? "–" : (chars / count).ToString("N0", CultureInfo.InvariantCulture);

    private static string Met(bool met) => met ? "**met**" : "**not met**";
}
