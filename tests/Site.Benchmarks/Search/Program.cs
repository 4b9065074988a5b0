using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.Content;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Search;

namespace Site.Benchmarks.Search;

/// <summary>
/// The search benchmark (issue: bilingual search). Generates a synthetic bilingual corpus, loads it into the site's
/// database, and measures through the site's own services: the published snapshot, the full index rebuild (on disk),
/// query latency at concurrency 1 and 16, memory, and publish-to-searchable time; SQLite FTS5 over the same corpus
/// is the baseline of the same run. Prints Markdown.
/// </summary>
internal static class Program
{
    /// <summary>The publish phase stops at the time cap, but never before this many.</summary>
    private const int MinimumPublishes = 5;

    private static async Task<int> Main(string[] args)
    {
        var settings = BenchmarkSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(BenchmarkSettings.Usage);
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("Warning: a Debug build. Run with -c Release for figures worth keeping.");
#endif
        var root = Path.Combine(Path.GetTempPath(), "site-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var report = await RunAsync(settings, root);
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (settings.Keep)
            {
                Console.Error.WriteLine($"Kept {root}");
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<string> RunAsync(BenchmarkSettings settings, string root)
    {
        var report = new Report(settings);
        var total = Stopwatch.StartNew();
        var dataPath = Path.Combine(root, "data");
        var syncFolder = Path.Combine(BenchmarkMachine.RepositoryRoot(), "uSync", "v14");
        report.LoadBefore = BenchmarkMachine.LoadAverage();
        Step($"Load average {report.LoadBefore}. Data folder {dataPath}; SQLite {Fts5Baseline.SqliteVersion()}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");

        // 1. The site's schema and its real content, through its own uSync import; the index of that is thrown away.
        CorpusParents parents;
        int realNodes;
        string connectionString;
        await using (var first = Engine(dataPath, syncFolder, import: true, SearchIndexStorage.Memory, probe: null, logs: null))
        {
            await first.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
            var snapshot = first.GetRequiredService<IPublishedSnapshotAccessor>().Current;
            realNodes = snapshot.All.Count(n => n.Cultures.Count > 0 && n.IsPage);
            var sessions = snapshot.OfType("sessionArchive").Single();
            var news = snapshot.OfType("newsIndex").Single();
            var partners = snapshot.OfType("partnerIndex").Single();
            if (sessions.Level != news.Level || news.Level != partners.Level)
            {
                throw new InvalidOperationException("The list pages are expected at one level.");
            }

            parents = new CorpusParents(sessions.Key, news.Key, partners.Key, sessions.Level + 1,
                new[] { sessions, news, partners }.Max(p => p.AllChildren.Count));
            connectionString = first.GetRequiredService<IOptions<SiteCoreOptions>>().Value.ResolveConnectionString();
        }

        SqliteConnection.ClearAllPools();

        // 2. The synthetic corpus, deterministic, straight into the database.
        var synthetic = Math.Max(0, settings.Documents - realNodes);
        var watch = Stopwatch.StartNew();
        var corpus = new CorpusGenerator(settings.Seed).Generate(synthetic, parents);
        report.Corpus = CorpusFigures.Of(corpus, realNodes, watch.Elapsed);
        Step($"Generated {corpus.Count:N0} nodes ({report.Corpus.TextMegabytes:F0} MB of text) in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        SiteDatabaseLoader.Load(connectionString, corpus, new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc));
        report.LoadTime = watch.Elapsed;
        Step($"Loaded into the site's database in {watch.Elapsed.TotalSeconds:F1} s");

        // 3. The site starting on that database with no index: snapshot, then the full rebuild of the index on disk.
        var probe = new SnapshotProbe();
        var logs = new BenchmarkLoggerProvider();
        await using var engine = Engine(dataPath, syncFolder, import: false, SearchIndexStorage.Disk, probe, logs);
        var status = engine.GetRequiredService<ISearchIndexStatus>();
        var search = engine.GetRequiredService<ISearchService>();
        var snapshots = engine.GetRequiredService<IPublishedSnapshotAccessor>();
        watch.Restart();
        var cpuAtStart = CpuTime();
        var gcAtStart = GcFigures.Now();
        var started = Stopwatch.GetTimestamp();
        await engine.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
        var generation = snapshots.Current.Generation;
        var snapshotLive = probe.LiveAt(generation);
        report.SnapshotBuild = Stopwatch.GetElapsedTime(started, snapshotLive);
        report.SnapshotMemory = probe.FirstSnapshotMemory;
        report.IndexedDocuments = snapshots.Current.All.Count(n => n.Cultures.Count > 0 && n.IsPage);
        Step($"Snapshot of {report.IndexedDocuments:N0} published nodes built from the database in {report.SnapshotBuild.TotalSeconds:F1} s; rebuilding the index...");
        await status.WaitForGenerationAsync(generation, CancellationToken.None);
        report.RebuildOnStart = Stopwatch.GetElapsedTime(snapshotLive);
        report.RebuildOnStartCpu = CpuTime() - cpuAtStart; // with the snapshot build, which is mostly waiting on SQLite
        report.RebuildOnStartGc = GcFigures.Now() - gcAtStart;
        report.RebuildReason = status.LastRebuildReason;
        report.IndexDocumentCount = status.DocumentCount;
        Step($"Index rebuilt on start ({status.LastRebuildReason}): {status.DocumentCount:N0} documents in {report.RebuildOnStart.TotalSeconds:F1} s (process CPU {report.RebuildOnStartCpu.TotalSeconds:F1} s)");
        var indexPath = Path.Combine(dataPath, "Search");
        report.IndexBytes = DirectoryBytes(indexPath);
        report.IndexSegments = Directory.EnumerateFiles(indexPath, "*.si").Count();

        if (settings.RequestedRebuild)
        {
            watch.Restart();
            var cpu = CpuTime();
            await engine.GetRequiredService<IIndexRebuilder>().RebuildAsync(null, CancellationToken.None);
            report.RequestedRebuild = watch.Elapsed;
            report.RequestedRebuildCpu = CpuTime() - cpu;
            report.IndexBytes = DirectoryBytes(indexPath);
            report.IndexSegments = Directory.EnumerateFiles(indexPath, "*.si").Count();
            Step($"Index rebuilt on request (the back office's button): {watch.Elapsed.TotalSeconds:F1} s");
        }

        // A rebuild is searchable when committed; it is then merged into one segment in the background. The queries
        // below measure the merged index, as a site serves it from then on.
        var indexer = engine.GetRequiredService<SearchIndexer>();
        watch.Restart();
        while (indexer.SegmentCount > 1 && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(100);
        }

        report.MergedAfterRebuild = watch.Elapsed;
        report.IndexBytes = DirectoryBytes(indexPath);
        report.IndexSegments = indexer.SegmentCount;
        Step($"Merged into {report.IndexSegments} segment(s) in the background, {watch.Elapsed.TotalSeconds:F1} s after the rebuild");

        report.AfterBuild = MemoryFigures.Measure();

        if (settings.Explain)
        {
            Explain(search, engine.GetRequiredService<IOptions<SearchOptions>>().Value);
        }

        // What the indexer does after every change, once the documents are searchable: learn the term bridge again.
        var bridgeTimes = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            _ = TermBridge.Build(snapshots.Current.All.Where(n => n.Cultures.Count > 0));
            bridgeTimes.Add(watch.Elapsed);
        }

        report.BridgeBuild = bridgeTimes.Order().ElementAt(1);

        if (settings.QueryProfileRepetitions > 0)
        {
            watch.Restart();
            report.QueryProfile = QueryProfile.Measure(
                engine.GetRequiredService<SearchIndexer>(), search, snapshots, engine.GetRequiredService<IOptions<SearchOptions>>().Value, settings.QueryProfileRepetitions);
            Step($"Query steps profiled in {watch.Elapsed.TotalSeconds:F1} s");
        }

        // 4. Query latency through ISearchService, as the search page and the API call it.
        LatencyRunner.WarmUp(new SiteSearchWorker(search), settings.WarmUpRounds, settings.Cap);
        foreach (var concurrency in new[] { 1, 16 })
        {
            var timedOut = new StrongBox<int>();
            var result = Measure("Lucene (site)", concurrency, concurrency == 1 ? settings.QueriesAtOne : settings.QueriesAtSixteen, settings, () => new SiteSearchWorker(search, timedOut));
            result.TimedOut = timedOut.Value;
            report.Latencies.Add(result);
        }

        report.AfterQueries = MemoryFigures.Measure();

        // 5. The baseline over the same published content.
        watch.Restart();
        var baselineCpu = CpuTime();
        var baseline = Fts5Baseline.Build(snapshots.Current, Path.Combine(root, "fts5.db"));
        report.BaselineBuild = watch.Elapsed;
        report.BaselineBuildCpu = CpuTime() - baselineCpu;
        report.BaselineBytes = new FileInfo(baseline.Path).Length;
        report.BaselineTokenizer = baseline.ChineseTokenizer;
        Step($"FTS5 baseline built in {watch.Elapsed.TotalSeconds:F1} s (Chinese tokenizer: {baseline.ChineseTokenizer})");
        using (var warm = baseline.CreateWorker())
        {
            LatencyRunner.WarmUp(warm, settings.WarmUpRounds, settings.Cap);
        }

        report.Latencies.Add(Measure("SQLite FTS5", 1, settings.QueriesAtOne, settings, baseline.CreateWorker));
        report.Latencies.Add(Measure("SQLite FTS5", 16, settings.QueriesAtSixteen, settings, baseline.CreateWorker));
        report.AfterBaseline = MemoryFigures.Measure();
        using (var site = new SiteSearchWorker(search))
        using (var fts = baseline.CreateWorker())
        {
            foreach (var query in QueryMix.All)
            {
                report.HitCounts.Add((query, site.Run(query), fts.Run(query)));
            }
        }

        // 6. Publish-to-searchable: an edit saved and published as the back office does, until a search finds it.
        var content = engine.GetRequiredService<IContentService>();
        var publishing = engine.GetRequiredService<IPublishingService>();
        var candidates = corpus.Where(n => n.ContentTypeAlias == "newsArticle" && n.Cultures.Count == 2).Take(settings.Publishes).ToList();
        var publishingPhase = Stopwatch.StartNew();
        for (var i = 0; i < candidates.Count; i++)
        {
            report.Publishes.Add(await PublishOnceAsync(candidates[i].Key, i, content, publishing, search, snapshots, status, probe));
            if (i + 1 >= MinimumPublishes && i + 1 < candidates.Count && publishingPhase.Elapsed > settings.PublishCap)
            {
                report.PublishesCapped = true;
                break;
            }
        }

        for (var i = 0; i < report.Publishes.Count; i++)
        {
            report.BaselinePublishes.Add(baseline.TimeUpdate(candidates[i].Key, "zqfts" + (char)('a' + (i / 26)) + (char)('a' + (i % 26))));
        }

        Step($"{report.Publishes.Count} publishes measured");
        // 7. Where a rebuild's time goes: each analysis alone, over a sample.
        report.Analysis = AnalysisProfile.Measure(corpus, engine.GetRequiredService<IMarkdownRenderer>(), sampleSize: 300);
        report.LoadAfter = BenchmarkMachine.LoadAverage();
        report.EngineTimings = [.. logs.Timings];
        report.Total = total.Elapsed;
        return report.ToMarkdown();
    }

    /// <summary>What each query of the mix finds, once, and how the culture's analyzer splits its words.</summary>
    private static void Explain(ISearchService search, SearchOptions options)
    {
        // A query that runs out of time before collecting anything: what the visitor is told.
        var timeout = options.QueryTimeout;
        options.QueryTimeout = TimeSpan.FromTicks(1);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var timedOut = search.Search(new SearchQuery("school leadership forum", CorpusGenerator.English));
            Step($"explain timeout probe (QueryTimeout 1 tick) [en-US] school leadership forum: total {timedOut.Total}, timed out {timedOut.TimedOut}, relaxed {timedOut.Relaxed}, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        }
        finally
        {
            options.QueryTimeout = timeout;
        }

        // Besides the mix: Chinese character pairs that are no word of the corpus (the characters are everywhere).
        BenchmarkQuery[] probes = [new("probe", "州苏", "zh-CN"), new("probe", "兰芬", "zh-CN"), new("probe", "雷佩坦", "zh-CN")];
        foreach (var query in QueryMix.All.Concat(probes))
        {
            var started = Stopwatch.GetTimestamp();
            var results = search.Search(new SearchQuery(query.Text, query.Culture));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var tokens = string.Join(" / ", results.Query.Words.Select(w =>
                string.Join(",", SearchAnalyzers.Tokens(SearchAnalyzers.ForCulture(query.Culture), "bodyText_" + query.Culture.ToLowerInvariant(), w.Text))));
            var best = results.Items.Count > 0 ? results.Items[0] : null;
            Step($"explain [{query.Culture}] {query.Text}: total {results.Total}, {elapsed:F1} ms, timed out {results.TimedOut}, relaxed {results.Relaxed}, "
                + $"did you mean {results.DidYouMean ?? "-"}, tokens {tokens}; best: {best?.Name} [{best?.HighlightCulture}] {best?.Highlight}");
        }
    }

    /// <summary>CPU time of the whole process, every thread: what a phase cost, however busy the machine was.</summary>
    internal static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static LatencyResult Measure(string engine, int concurrency, int count, BenchmarkSettings settings, Func<IQueryWorker> worker)
    {
        var cpu = CpuTime();
        var gc = GcFigures.Now();
        var result = LatencyRunner.Run(engine, concurrency, count, settings.Cap, worker);
        result.Cpu = CpuTime() - cpu;
        result.Gc = GcFigures.Now() - gc;
        Step($"{engine}, concurrency {concurrency}: {result.Count:N0} queries in {result.Wall.TotalSeconds:F1} s{(result.Capped ? " (time cap reached)" : string.Empty)}, p50 {result.Percentile(50):F2} ms, p99 {result.Percentile(99):F2} ms, CPU {result.CpuPerQuery:F2} ms/query");
        return result;
    }

    private static async Task<PublishFigures> PublishOnceAsync(
        Guid key, int index, IContentService content, IPublishingService publishing, ISearchService search, IPublishedSnapshotAccessor snapshots, ISearchIndexStatus status, SnapshotProbe probe)
    {
        var node = await content.GetAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"Node {key} is missing.");
        var marker = "zqbench" + (char)('a' + (index / 26)) + (char)('a' + (index % 26));
        var values = node.CurrentVersion.Data.Values
            .Select(v => v.Alias == "bodyText" && v.Culture == CorpusGenerator.English ? v with { Value = v.Value + "\n\nA note on " + marker + "." } : v)
            .ToList();
        var edit = new ContentEdit(key, node.ParentKey, node.ContentTypeAlias, node.CurrentVersion.Data with { Values = values }, ExpectedVersionNumber: node.CurrentVersion.Number);

        var started = Stopwatch.GetTimestamp();
        var saved = await content.SaveAsync(edit, "benchmark", CancellationToken.None);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Saving {key} failed: {saved.Status} {string.Join("; ", saved.Errors)}");
        }

        var publishStarted = Stopwatch.GetTimestamp();
        var published = await publishing.PublishAsync(key, [.. node.PublishedCultures.Select(c => c.Culture)], "benchmark", CancellationToken.None);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException($"Publishing {key} failed: {published.Status} {string.Join("; ", published.Errors)}");
        }

        var publishReturned = Stopwatch.GetTimestamp();
        var generation = snapshots.Current.Generation;
        var live = probe.LiveAt(generation);
        long? indexed = null;
        var polls = 0;
        while (true)
        {
            polls++;
            if (indexed is null && status.IndexedGeneration >= generation)
            {
                indexed = Stopwatch.GetTimestamp();
            }

            var found = search.Search(new SearchQuery(marker, CorpusGenerator.English)).Items.Any(h => h.Key == key);
            if (found)
            {
                break;
            }

            if (Stopwatch.GetElapsedTime(publishStarted) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"A search did not find {marker} within 60 s of publishing {key}.");
            }

            Thread.Sleep(1);
        }

        var searchable = Stopwatch.GetTimestamp();
        return new PublishFigures(
            Save: Stopwatch.GetElapsedTime(started, publishStarted),
            PublishToSearchable: Stopwatch.GetElapsedTime(publishStarted, searchable),
            PublishToSnapshot: Stopwatch.GetElapsedTime(publishStarted, live),
            PublishCall: Stopwatch.GetElapsedTime(publishStarted, publishReturned),
            SnapshotToSearchable: Stopwatch.GetElapsedTime(live, searchable),
            SnapshotToIndexed: Stopwatch.GetElapsedTime(live, indexed ?? searchable),
            Polls: polls);
    }

    private static ServiceProvider Engine(string dataPath, string syncFolder, bool import, SearchIndexStorage storage, SnapshotProbe? probe, BenchmarkLoggerProvider? logs)
    {
        var services = new ServiceCollection().AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (probe is not null)
        {
            // Before the engine's handlers: it runs first on every new snapshot.
            services.AddSingleton(probe);
            services.AddNotificationHandler<PublishedSnapshotChangedNotification, SnapshotProbe>();
        }

        services.AddSiteCore();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = dataPath,
            DatabaseProvider = DatabaseProvider.Sqlite,
            Sync = new SyncOptions { Folder = syncFolder, ImportOnFirstBoot = import },
        }));
        services.Configure<SearchOptions>(o => o.Storage = storage);
        return services.BuildServiceProvider();
    }

    private static long DirectoryBytes(string path) => Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Step(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    /// <summary>A client of the site's search: the service the search page and the API call.</summary>
    private sealed class SiteSearchWorker(ISearchService search, StrongBox<int>? timedOut = null) : IQueryWorker
    {
        public int Run(BenchmarkQuery query)
        {
            var results = search.Search(new SearchQuery(query.Text, query.Culture));
            if (results.TimedOut && timedOut is not null)
            {
                Interlocked.Increment(ref timedOut.Value);
            }

            return results.Total;
        }

        public void Dispose()
        {
        }
    }
}
