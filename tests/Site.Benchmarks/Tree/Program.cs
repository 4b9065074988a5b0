using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Site.Core;
using Site.Core.Content;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Benchmarks.Tree;

/// <summary>
/// The content tree benchmark (issue "Groundwork before the next features", item 3): a 50,000-node tree in the site's
/// database, then move, copy, trash, the recycle bin's list and restore of one small subtree at a time through
/// <see cref="IContentTreeService"/>, as the back office calls it. Prints Markdown (p50 and max of each operation).
/// </summary>
internal static class Program
{
    private static readonly BackOfficeUser Editor = new("benchmark@jesie", "Benchmark", new HashSet<string> { BackOfficeGroups.Editors });

    private static async Task<int> Main(string[] args)
    {
        var settings = TreeBenchmarkSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(TreeBenchmarkSettings.Usage);
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("Warning: a Debug build. Run with -c Release for figures worth keeping.");
#endif
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Tree operations at {settings.Nodes:N0} nodes");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at the start {BenchmarkMachine.LoadAverage()}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Subtree: {settings.GroupSize} nodes; {settings.Repetitions} timed rounds after {settings.WarmUp} warm-up rounds; times in ms: to commit (the tree service's own work, until its notification) and the whole call (with the snapshot refresh that follows; the search index left out).");
        if (settings.Sqlite)
        {
            await RunAsync(settings, postgres: null, report);
        }

        if (settings.Postgres is not null)
        {
            await RunAsync(settings, settings.Postgres, report);
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end {BenchmarkMachine.LoadAverage()}.");
        Console.WriteLine(report);
        return 0;
    }

    private static async Task RunAsync(TreeBenchmarkSettings settings, string? postgres, StringBuilder report)
    {
        var root = Path.Combine(Path.GetTempPath(), "site-tree-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var dataPath = Path.Combine(root, "data");
        var syncFolder = Path.Combine(BenchmarkMachine.RepositoryRoot(), "uSync", "v14");
        string? connectionString = null;
        string? database = null;
        if (postgres is not null)
        {
            database = "site_tree_bench_" + Guid.NewGuid().ToString("N")[..8];
            connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        }

        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        try
        {
            // 1. The site's schema and real content through its uSync import, then the generated tree beside it.
            TreeShape shape;
            var watch = Stopwatch.StartNew();
            await using (var first = Engine(dataPath, syncFolder, provider, connectionString, import: true))
            {
                await first.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
                var snapshot = first.GetRequiredService<IPublishedSnapshotAccessor>().Current;
                var home = snapshot.Home ?? throw new InvalidOperationException("The import made no home page.");
                var factory = first.GetRequiredService<ISiteDbContextFactory>();
                shape = await TreeLoader.LoadAsync(factory, home.Key, home.Level, await CountNodesAsync(factory), settings, DateTime.UtcNow);
            }

            Step($"{provider}: {shape.Generated:N0} nodes generated and written in {watch.Elapsed.TotalSeconds:F1} s");

            // 2. The site starting on that database: the snapshot is built from every row, as on a real start.
            await using var engine = Engine(dataPath, syncFolder, provider, connectionString, import: false);
            watch.Restart();
            await engine.GetRequiredService<ISiteInitializer>().InitializeAsync(syncFolder, CancellationToken.None);
            var total = await CountNodesAsync(engine.GetRequiredService<ISiteDbContextFactory>());
            Step($"{provider}: started on {total:N0} nodes in {watch.Elapsed.TotalSeconds:F1} s");

            // 3. Rounds: each works on groups no earlier round touched, so nothing is measured twice on the same rows.
            var tree = engine.GetRequiredService<IContentTreeService>();
            var timings = new Timings();
            var probe = engine.GetRequiredService<CommitProbe>();
            var rounds = settings.WarmUp + settings.Repetitions;
            if (shape.Groups.Count < 3 * rounds)
            {
                throw new InvalidOperationException($"{shape.Groups.Count} groups are too few for {rounds} rounds.");
            }

            for (var round = 0; round < rounds; round++)
            {
                var timed = round >= settings.WarmUp;
                var moving = shape.Groups[round];
                var copying = shape.Groups[^(round + 1)];
                var trashing = shape.Groups[(shape.Groups.Count / 2) + round];
                var target = shape.Sections[(moving.Section + 1) % shape.Sections.Count];

                await TimeAsync("move", timed, timings, probe, () => tree.MoveAsync(moving.Key, target, Editor, CancellationToken.None), settings.GroupSize);
                await TimeAsync("copy (with descendants)", timed, timings, probe, () => tree.CopyAsync(copying.Key, shape.Sections[0], includeDescendants: true, Editor, CancellationToken.None), settings.GroupSize);
                await TimeAsync("trash", timed, timings, probe, () => tree.TrashAsync(trashing.Key, Editor, CancellationToken.None), settings.GroupSize);
                var started = Stopwatch.GetTimestamp();
                var bin = await tree.GetRecycleBinAsync(CancellationToken.None);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (bin.Count != 1 || bin[0].Key != trashing.Key)
                {
                    throw new InvalidOperationException($"The recycle bin holds {bin.Count} items; expected the one just trashed.");
                }

                timings.Record("recycle bin (list)", timed, elapsed, elapsed);
                await TimeAsync("restore", timed, timings, probe, () => tree.RestoreAsync(trashing.Key, Editor, CancellationToken.None), settings.GroupSize);
            }

            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {(postgres is null ? $"SQLite {SqliteVersion()}" : $"PostgreSQL {await PostgresVersionAsync(connectionString!)}")}, {total:N0} nodes");
            report.AppendLine();
            timings.AppendTo(report);
            Step($"{provider}: {rounds} rounds done");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database is not null && !settings.Keep)
            {
                await DropAsync(postgres!, database);
            }

            if (settings.Keep)
            {
                Console.Error.WriteLine($"Kept {root}{(database is null ? string.Empty : " and database " + database)}");
            }
            else
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task TimeAsync(string operation, bool timed, Timings timings, CommitProbe probe, Func<Task<TreeResult>> call, int expectedKeys)
    {
        probe.Reset();
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        var ended = Stopwatch.GetTimestamp();
        if (!result.Succeeded || result.Keys.Count != expectedKeys)
        {
            throw new InvalidOperationException($"{operation}: {result.Status} with {result.Keys.Count} keys ({result.Message?.Get("en-US")}); expected {expectedKeys}.");
        }

        // Without a notification (a copy: drafts only) the whole call is the tree service's own work.
        timings.Record(operation, timed, Stopwatch.GetElapsedTime(started, probe.NotifiedAt ?? ended), Stopwatch.GetElapsedTime(started, ended));
    }

    private static ServiceProvider Engine(string dataPath, string syncFolder, DatabaseProvider provider, string? connectionString, bool import)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.ClearProviders());
        // Before the engine's handlers, so it sees the notification first: the moment the transaction committed.
        services.AddSingleton<CommitProbe>();
        services.AddNotificationHandler<ContentMovedNotification, CommitProbe>();
        services.AddNotificationHandler<ContentTrashedNotification, CommitProbe>();
        services.AddNotificationHandler<ContentRestoredNotification, CommitProbe>();
        services.AddSiteCore();
        // The index follows each change on its own thread, after the call returns: left out, so that on two cores it
        // does not compete with the operations timed.
        services.RemoveAll<INotificationHandler<PublishedSnapshotChangedNotification>>();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = dataPath,
            DatabaseProvider = provider,
            ConnectionString = connectionString,
            Sync = new SyncOptions { Folder = syncFolder, ImportOnFirstBoot = import },
        }));
        services.Configure<SearchOptions>(o => o.Storage = SearchIndexStorage.Memory);
        return services.BuildServiceProvider();
    }

    private static async Task<int> CountNodesAsync(ISiteDbContextFactory factory)
    {
        await using var db = factory.Create();
        return await db.Nodes.CountAsync();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static async Task<string> PostgresVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    private static async Task DropAsync(string server, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(server);
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static void Step(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
