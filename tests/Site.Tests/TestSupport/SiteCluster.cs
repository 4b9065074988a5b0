using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Site.Tests.TestSupport;

/// <summary>
/// Two real site processes (Site.dll) on one new PostgreSQL database, as behind a load balancer: data folders of their
/// own (search index, mail), one shared media folder, short poll intervals. Without SITE_TEST_POSTGRES nothing starts
/// and <see cref="SkipUnlessAvailable"/> skips the test, saying how to enable it.
/// </summary>
public sealed class SiteCluster : IAsyncLifetime
{
    public const string PostgresVariable = "SITE_TEST_POSTGRES";
    public const string AdminEmail = "cluster-admin@forum.test";
    public const string AdminPassword = "cluster admin password";

    /// <summary>How often each instance reads the change journal (Site:Cluster:PollInterval).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a claim of a scheduled action holds without an outcome (Site:Scheduling:ClaimTimeout).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan SchedulingPollInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "site-cluster", Guid.NewGuid().ToString("N"));
    private readonly string _database = "site_test_" + Guid.NewGuid().ToString("N");
    private readonly Instance[] _instances = new Instance[2];

    public bool Available { get; } = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public Instance A => _instances[0];

    public Instance B => _instances[1];

    public string MediaFolder => Path.Combine(_work, "media");

    /// <summary>The public origin both instances are configured with (links in mails); requests go to each instance's own.</summary>
    public string PublicOrigin { get; } = "http://localhost:" + FreePort();

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = _database }.ConnectionString;

    public static void SkipUnlessAvailable(SiteCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.Available)
        {
            Assert.Skip($"PostgreSQL is not configured. To run the tests of several instances, set {PostgresVariable} to a connection string of a user who may create databases, e.g. \"Host=localhost;Username=site;Password=site\" (.ci/run does this).");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Directory.CreateDirectory(MediaFolder);
        _instances[0] = new Instance(this, "a", FreePort());
        _instances[1] = new Instance(this, "b", FreePort());
        // The first start on a new database imports uSync: one instance at a time, as README says.
        await A.StartAsync();
        await B.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.OfType<Instance>())
        {
            await instance.StopAsync();
        }

        if (Available)
        {
            await DropDatabaseAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test's result is what matters.
        }
    }

    private Task DropDatabaseAsync() => DropDatabaseAsync(_database);

    /// <summary>Drops a test's PostgreSQL database on the server SITE_TEST_POSTGRES names (from its maintenance database).</summary>
    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable));
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not end the server's own autovacuum worker; a plain drop does (TestEngine.CleanUpAsync says more).
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="bound"/>. Returns how long it took.</summary>
    public static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < bound, $"{what}: not within {bound.TotalSeconds} s");
            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>One site process of the pair: its origin, data folder, and the means to kill and restart it.</summary>
    public sealed class Instance(SiteCluster cluster, string name, int port)
    {
        private Process? _process;
        private Task<string>? _errors;

        public string Name => name;

        public int Port => port;

        public Uri Origin { get; } = new($"http://127.0.0.1:{port}");

        public string DataPath => Path.Combine(cluster._work, name);

        public Uri Url(string path) => new(Origin, path);

        /// <summary>Starts the instance and waits until it answers; does nothing while it runs.</summary>
        public async Task StartAsync()
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            _process?.Dispose();
            _process = SiteProcess.Start(DataPath, new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = Origin.ToString().TrimEnd('/'),
                ["Site__Public__BaseUrl"] = cluster.PublicOrigin,
                ["Site__DatabaseProvider"] = "PostgreSql",
                ["ConnectionStrings__Site"] = cluster.ConnectionString,
                ["Site__Media__Folder"] = cluster.MediaFolder,
                ["Site__Cluster__PollInterval"] = PollInterval.ToString(),
                ["Site__Scheduling__PollInterval"] = SchedulingPollInterval.ToString(),
                ["Site__Scheduling__ClaimTimeout"] = ClaimTimeout.ToString(),
                ["BackOffice__Admin__Email"] = AdminEmail,
                ["BackOffice__Admin__Password"] = AdminPassword,
                // The tests poll from one address, faster than the per-client limits allow.
                ["Site__Search__RateLimit__Enabled"] = "false",
                ["Site__DeliveryApi__RateLimit__Enabled"] = "false",
                // Every test signs in (forms and API tokens) from the same address; the limit has its own tests.
                ["Site__Members__RateLimitPermits"] = "100000",
            });
            // Both streams are drained from the start: a full pipe would stop the site mid-test.
            _ = _process.StandardOutput.ReadToEndAsync();
            _errors = _process.StandardError.ReadToEndAsync();
            using var client = new HttpClient();
            var started = Stopwatch.StartNew();
            while (true)
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"instance {name} stopped: " + await _errors);
                }

                try
                {
                    if ((await client.GetAsync(Url("/healthz"))).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Assert.True(started.Elapsed < TimeSpan.FromMinutes(2), $"instance {name} did not start within two minutes");
                await Task.Delay(100);
            }
        }

        /// <summary>kill -9: no shutdown, no flush, as a crashed machine.</summary>
        public async Task KillAsync()
        {
            if (_process is null)
            {
                return;
            }

            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        public Task StopAsync() => KillAsync();
    }
}
