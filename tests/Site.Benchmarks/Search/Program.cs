using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.Content;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;
using Site.Core.Publishing;
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
        var syncFolder = Path.Combine(RepositoryRoot(), "uSync", "v14");
        Step($"Data folder {dataPath}; SQLite {Fts5Baseline.SqliteVersion()}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}");

        // 1. The site's schema and its real content, through its own uSync import; the index of that is thrown away.
        CorpusParents parents;
        int realNodes;
        string connectionString;
        await using (var first = Engine(dataPath, syncFolder, import: true, SearchIndexStorage.Memory, probe: null, logs: null))
        {
            await first.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
            var snapshot = first.GetRequiredService<IPublishedSnapshotAccessor>().Current;
            realNodes = snapshot.All.Count(n => n.Cultures.Count > 0);
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
        var started = Stopwatch.GetTimestamp();
        await engine.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
        var generation = snapshots.Current.Generation;
        var snapshotLive = probe.LiveAt(generation);
        report.SnapshotBuild = Stopwatch.GetElapsedTime(started, snapshotLive);
        report.SnapshotMemory = probe.FirstSnapshotMemory;
        report.IndexedDocuments = snapshots.Current.All.Count(n => n.Cultures.Count > 0);
        Step($"Snapshot of {report.IndexedDocuments:N0} published nodes built from the database in {report.SnapshotBuild.TotalSeconds:F1} s; rebuilding the index...");
        await status.WaitForGenerationAsync(generation, CancellationToken.None);
        report.RebuildOnStart = Stopwatch.GetElapsedTime(snapshotLive);
        report.RebuildReason = status.LastRebuildReason;
        report.IndexDocumentCount = status.DocumentCount;
        Step($"Index rebuilt on start ({status.LastRebuildReason}): {status.DocumentCount:N0} documents in {report.RebuildOnStart.TotalSeconds:F1} s");
        var indexPath = Path.Combine(dataPath, "Search");
        report.IndexBytes = DirectoryBytes(indexPath);
        report.IndexSegments = Directory.EnumerateFiles(indexPath, "*.si").Count();

        if (settings.RequestedRebuild)
        {
            watch.Restart();
            await engine.GetRequiredService<IIndexRebuilder>().RebuildAsync(null, CancellationToken.None);
            report.RequestedRebuild = watch.Elapsed;
            report.IndexBytes = DirectoryBytes(indexPath);
            report.IndexSegments = Directory.EnumerateFiles(indexPath, "*.si").Count();
            Step($"Index rebuilt on request (the back office's button): {watch.Elapsed.TotalSeconds:F1} s");
        }

        report.AfterBuild = MemoryFigures.Measure();

        // 4. Query latency through ISearchService, as the search page and the API call it.
        LatencyRunner.WarmUp(new SiteSearchWorker(search), settings.WarmUpRounds);
        report.Latencies.Add(Measure("Lucene (site)", 1, settings.QueriesAtOne, settings, () => new SiteSearchWorker(search)));
        report.Latencies.Add(Measure("Lucene (site)", 16, settings.QueriesAtSixteen, settings, () => new SiteSearchWorker(search)));
        report.AfterQueries = MemoryFigures.Measure();

        // 5. The baseline over the same published content.
        watch.Restart();
        var baseline = Fts5Baseline.Build(snapshots.Current, Path.Combine(root, "fts5.db"));
        report.BaselineBuild = watch.Elapsed;
        report.BaselineBytes = new FileInfo(baseline.Path).Length;
        report.BaselineTokenizer = baseline.ChineseTokenizer;
        Step($"FTS5 baseline built in {watch.Elapsed.TotalSeconds:F1} s (Chinese tokenizer: {baseline.ChineseTokenizer})");
        using (var warm = baseline.CreateWorker())
        {
            LatencyRunner.WarmUp(warm, settings.WarmUpRounds);
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
        for (var i = 0; i < candidates.Count; i++)
        {
            report.Publishes.Add(await PublishOnceAsync(candidates[i].Key, i, content, publishing, search, snapshots, probe));
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            report.BaselinePublishes.Add(baseline.TimeUpdate(candidates[i].Key, "zqfts" + (char)('a' + (i / 26)) + (char)('a' + (i % 26))));
        }

        Step($"{report.Publishes.Count} publishes measured");
        report.EngineTimings = [.. logs.Timings];
        report.Total = total.Elapsed;
        return report.ToMarkdown();
    }

    private static LatencyResult Measure(string engine, int concurrency, int count, BenchmarkSettings settings, Func<IQueryWorker> worker)
    {
        var result = LatencyRunner.Run(engine, concurrency, count, settings.Cap, worker);
        Step($"{engine}, concurrency {concurrency}: {result.Count:N0} queries in {result.Wall.TotalSeconds:F1} s{(result.Capped ? " (time cap reached)" : string.Empty)}, p50 {result.Percentile(50):F2} ms, p99 {result.Percentile(99):F2} ms");
        return result;
    }

    private static async Task<PublishFigures> PublishOnceAsync(
        Guid key, int index, IContentService content, IPublishingService publishing, ISearchService search, IPublishedSnapshotAccessor snapshots, SnapshotProbe probe)
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
        var live = probe.LiveAt(snapshots.Current.Generation);
        var polls = 0;
        while (true)
        {
            polls++;
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

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Site.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository: Site.sln was not found above the current folder.");
    }

    private static long DirectoryBytes(string path) => Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Step(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    /// <summary>A client of the site's search: the service the search page and the API call.</summary>
    private sealed class SiteSearchWorker(ISearchService search) : IQueryWorker
    {
        public int Run(BenchmarkQuery query) => search.Search(new SearchQuery(query.Text, query.Culture)).Total;

        public void Dispose()
        {
        }
    }
}
