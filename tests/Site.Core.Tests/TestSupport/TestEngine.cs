using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Site.Core.Content;
using Site.Core.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Sync;

namespace Site.Core.Tests.TestSupport;

/// <summary>The storage back ends the engine supports; tests that touch storage run against each.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A whole engine on a database of its own: SQLite in a temporary folder, or a fresh PostgreSQL database on the
/// server named by SITE_TEST_POSTGRES (skipped, with instructions, when it is not set).
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    public const string PostgresVariable = "SITE_TEST_POSTGRES";

    private readonly ServiceProvider _services;
    private readonly string _dataPath;
    private readonly string? _postgresDatabase;

    private TestEngine(ServiceProvider services, string dataPath, string? postgresDatabase)
    {
        _services = services;
        _dataPath = dataPath;
        _postgresDatabase = postgresDatabase;
    }

    public IServiceProvider Services => _services;

    public IContentService Content => _services.GetRequiredService<IContentService>();

    public IPublishingService Publishing => _services.GetRequiredService<IPublishingService>();

    public IPublishedSnapshotService Snapshots => _services.GetRequiredService<IPublishedSnapshotService>();

    public IUsyncImporter Importer => _services.GetRequiredService<IUsyncImporter>();

    public IUsyncExporter Exporter => _services.GetRequiredService<IUsyncExporter>();

    public string DataPath => _dataPath;

    /// <summary>
    /// A second instance of the site on the same database (as behind a load balancer): its own services, snapshot and
    /// caches. Dispose it before this engine; it leaves the database to this one.
    /// </summary>
    public async Task<ServiceProvider> StartSecondInstanceAsync()
    {
        var options = _services.GetRequiredService<IOptions<SiteCoreOptions>>().Value;
        var services = new ServiceCollection().AddLogging().AddSiteCore();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = options.DataPath,
            DatabaseProvider = options.DatabaseProvider,
            ConnectionString = options.ResolveConnectionString(),
            Sync = new SyncOptions { Folder = options.Sync.Folder, ImportOnFirstBoot = false },
        }));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISiteInitializer>().InitializeAsync(options.Sync.Folder, CancellationToken.None);
        return provider;
    }

    /// <summary>Skips the calling test, saying how to enable it, when PostgreSQL is asked for but not configured.</summary>
    public static void SkipUnlessAvailable(TestDatabase database)
    {
        if (database == TestDatabase.PostgreSql && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            Assert.Skip($"PostgreSQL is not configured. To run this test, set {PostgresVariable} to a connection string of a user who may create databases, e.g. \"Host=localhost;Username=site;Password=site\" (.ci/run does this).");
        }
    }

    /// <summary>An engine with the schema and content of a uSync folder (the repository's by default) imported.</summary>
    public static async Task<TestEngine> StartAsync(
        TestDatabase database = TestDatabase.Sqlite,
        string? usyncFolder = null,
        bool import = true,
        Action<IServiceCollection>? configure = null)
    {
        SkipUnlessAvailable(database);
        var dataPath = Path.Combine(Path.GetTempPath(), "site-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        string? postgresDatabase = null;
        string? connectionString = null;
        if (database == TestDatabase.PostgreSql)
        {
            postgresDatabase = "site_test_" + Guid.NewGuid().ToString("N");
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = postgresDatabase };
            connectionString = builder.ConnectionString;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSiteCore();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = dataPath,
            DatabaseProvider = database == TestDatabase.PostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
            ConnectionString = connectionString,
            Sync = new SyncOptions { Folder = usyncFolder ?? RepositoryPaths.UsyncFolder, ImportOnFirstBoot = import },
        }));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var engine = new TestEngine(provider, dataPath, postgresDatabase);
        await provider.GetRequiredService<ISiteInitializer>().InitializeAsync(usyncFolder ?? RepositoryPaths.UsyncFolder, CancellationToken.None);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await CleanUpAsync(_postgresDatabase, _dataPath);
    }

    /// <summary>Drops a test's PostgreSQL database (if it had one) and deletes its data folder.</summary>
    internal static async Task CleanUpAsync(string? postgresDatabase, string dataPath)
    {
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // Drop from the maintenance database: a connection string without Database= would otherwise point at a
            // database named after the user, which a fresh server does not have (and the test database would leak).
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable));
            if (string.IsNullOrEmpty(admin.Database))
            {
                admin.Database = "postgres";
            }

            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may not end an autovacuum worker that happens to be on the new database (it is the server's, not
                // ours); a plain drop stops such workers by itself, and no connection of ours is left after ClearAllPools.
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\"", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test's result is what matters.
        }
    }
}
