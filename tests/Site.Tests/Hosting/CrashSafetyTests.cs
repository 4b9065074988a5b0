using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetVips;
using Npgsql;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>
/// The site is killed with SIGKILL at random moments while an editor publishes, uploads photos, rebuilds the search
/// index, imports uSync and has publishes scheduled, and started again on the same data each time. After every start:
/// the page, the Delivery API, the sitemap and the search index show the same published version; every publish wrote
/// its journal row with its audit row; every due scheduled action is run (a claim the killed process held is taken
/// over after the claim timeout); every media record has its whole file and no file is left without a record. A few kills run here
/// (one of each kind per database); SITE_CRASH_KILLS=50 runs the benchmark's count, and SITE_CRASH_REPORT=FILE appends
/// its summary to FILE (docs/performance.md).
/// </summary>
public sealed class CrashSafetyTests
{
    private const string KillsVariable = "SITE_CRASH_KILLS";
    private const string AdminEmail = "crash@forum.test";
    private const string AdminPassword = "crash test password";
    private const string Api = "/umbraco/management/api/v1";

    public static TheoryData<string> Databases => ["Sqlite", "PostgreSql"];

    private enum Work
    {
        Publishing,
        SchedulingPublishes,
        Uploading,
        RebuildingIndex,
        ImportingUsync,
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_kill_at_any_moment_leaves_every_publish_wholly_visible_or_not_at_all_and_no_half_written_media(string database)
    {
        var postgres = Environment.GetEnvironmentVariable("SITE_TEST_POSTGRES");
        if (database == "PostgreSql" && string.IsNullOrWhiteSpace(postgres))
        {
            Assert.Skip("PostgreSQL is not configured. To run this test, set SITE_TEST_POSTGRES to a connection string of a user who may create databases, e.g. \"Host=localhost;Username=site;Password=site\" (.ci/run does this).");
        }

        var kills = int.TryParse(Environment.GetEnvironmentVariable(KillsVariable), CultureInfo.InvariantCulture, out var n) ? n : Enum.GetValues<Work>().Length;
        var seed = Environment.TickCount;
        TestContext.Current.SendDiagnosticMessage($"crash safety on {database}: {kills} kills, seed {seed}");
        var random = new Random(seed);
        await using var site = await CrashSite.CreateAsync(database, postgres);
        await site.StartAsync();
        var article = await site.CreateArticleAsync();
        var version = 0;
        await site.PublishAsync(article, ++version);
        await site.VerifyAsync(article);

        var restarts = new List<TimeSpan>();
        for (var kill = 0; kill < kills; kill++)
        {
            var work = (Work)(kill % Enum.GetValues<Work>().Length);
            using var stop = new CancellationTokenSource();
            Process? import = null;
            var running = work switch
            {
                Work.Publishing => Loop(async () => await site.PublishAsync(article, Interlocked.Increment(ref version)), stop.Token),
                Work.SchedulingPublishes => Loop(async () => await site.SchedulePublishAsync(article, Interlocked.Increment(ref version), random.Next(0, 800)), stop.Token),
                Work.Uploading => Loop(site.UploadAsync, stop.Token),
                Work.RebuildingIndex => Loop(site.RebuildIndexAsync, stop.Token),
                _ => Task.CompletedTask,
            };
            if (work == Work.ImportingUsync)
            {
                import = site.StartImport();
            }

            await Task.Delay(random.Next(50, 1500));
            site.Kill();
            import?.Kill(entireProcessTree: true);
            await stop.CancelAsync();
            await running;
            import?.Dispose();

            var clock = Stopwatch.StartNew();
            await site.StartAsync();
            restarts.Add(clock.Elapsed);
            await site.VerifyAsync(article);
        }

        var summary = $"crash safety on {database}: {kills} kills (seed {seed}) survived with every check passing; restart to first answer: "
            + $"median {restarts.Order().ElementAt(restarts.Count / 2).TotalSeconds:0.0} s, max {restarts.Max().TotalSeconds:0.0} s";
        TestContext.Current.SendDiagnosticMessage(summary);
        if (Environment.GetEnvironmentVariable("SITE_CRASH_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, summary + Environment.NewLine);
        }
    }

    /// <summary>Repeats an editor's action until stopped; failures of a request cut short by the kill are expected.</summary>
    private static Task Loop(Func<Task> action, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await action();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or CrashSiteException)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }, CancellationToken.None);

    private sealed class CrashSiteException(string message) : Exception(message);

    /// <summary>One site process on one data folder (and database), started again after each kill.</summary>
    private sealed class CrashSite : IAsyncDisposable
    {
        private readonly string _dataPath;
        private readonly string? _postgresDatabase;
        private readonly Dictionary<string, string> _environment;
        private readonly HttpClient _http;
        private Process? _process;
        private string? _token;

        private CrashSite(string dataPath, string? postgresDatabase, Dictionary<string, string> environment, int port)
        {
            _dataPath = dataPath;
            _postgresDatabase = postgresDatabase;
            _environment = environment;
            _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        }

        public string? ConnectionString { get; private init; }

        public static Task<CrashSite> CreateAsync(string database, string? postgres)
        {
            var dataPath = Path.Combine(Path.GetTempPath(), "site-crash-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dataPath);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Site__Public__BaseUrl"] = $"http://127.0.0.1:{port}",
                ["BackOffice__Admin__Email"] = AdminEmail,
                ["BackOffice__Admin__Password"] = AdminPassword,
                ["Site__Media__OrphanGracePeriod"] = "00:00:00",
                ["Site__Search__RateLimit__Enabled"] = "false",
                ["Site__Scheduling__PollInterval"] = "00:00:00.200",
                ["Site__Scheduling__ClaimTimeout"] = "00:00:02",
            };
            string? postgresDatabase = null;
            string? connectionString = null;
            if (database == "PostgreSql")
            {
                postgresDatabase = "site_crash_" + Guid.NewGuid().ToString("N");
                connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = postgresDatabase }.ConnectionString;
                environment["Site__DatabaseProvider"] = "PostgreSql";
                environment["ConnectionStrings__Site"] = connectionString;
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(dataPath, "site.db")}";
            }

            return Task.FromResult(new CrashSite(dataPath, postgresDatabase, environment, port) { ConnectionString = connectionString });
        }

        public async Task StartAsync()
        {
            _process = SiteProcess.Start(_dataPath, _environment);
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(_process.HasExited, $"the site exited with code {(_process.HasExited ? _process.ExitCode : 0)} on start");
                try
                {
                    using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "the site did not answer within 90 s of its start");
                await Task.Delay(100);
            }

            _token = null;
        }

        public void Kill()
        {
            _process!.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
            _process = null;
        }

        /// <summary>`usync import` of the repository's folder, as a second process on the same data.</summary>
        public Process StartImport()
        {
            var process = SiteProcess.Start(_dataPath, _environment, "usync", "import", UsyncFolders.Repository());
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        private async Task<HttpRequestMessage> AuthorizedAsync(HttpMethod method, string path, HttpContent? content = null)
        {
            if (_token is null)
            {
                using var response = await _http.PostAsJsonAsync(new Uri($"{Api}/security/token", UriKind.Relative), new { email = AdminEmail, password = AdminPassword });
                Ensure(response, "token");
                _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            }

            var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return request;
        }

        private static void Ensure(HttpResponseMessage response, string what)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new CrashSiteException($"{what}: {(int)response.StatusCode}");
            }
        }

        public async Task<Guid> CreateArticleAsync()
        {
            using var news = await _http.GetAsync(new Uri("/umbraco/delivery/api/v2/content/item/news", UriKind.Relative));
            Ensure(news, "news index");
            var parent = (await news.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            using var request = await AuthorizedAsync(HttpMethod.Post, $"{Api}/document", JsonContent.Create(new
            {
                parentId = parent,
                contentType = "newsArticle",
                names = new Dictionary<string, string> { ["zh-CN"] = "崩溃测试 v0", ["en-US"] = "Crash test v0" },
                values = Values(0),
            }));
            using var response = await _http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        private static object[] Values(int version) =>
        [
            new { alias = "publishDate", culture = (string?)null, value = "2026-12-01" },
            new { alias = "title", culture = "zh-CN", value = $"崩溃测试 v{version}" },
            new { alias = "title", culture = "en-US", value = $"Crash test v{version}" },
            new { alias = "bodyText", culture = "zh-CN", value = $"<p>第 v{version} 版。</p>" },
            new { alias = "bodyText", culture = "en-US", value = $"<p>Version v{version}.</p>" },
            new { alias = "umbracoUrlName", culture = "zh-CN", value = "crash-test" },
            new { alias = "umbracoUrlName", culture = "en-US", value = "crash-test" },
        ];

        public async Task PublishAsync(Guid article, int version)
        {
            using (var save = await AuthorizedAsync(HttpMethod.Put, $"{Api}/document/{article}", JsonContent.Create(new
            {
                names = new Dictionary<string, string> { ["zh-CN"] = $"崩溃测试 v{version}", ["en-US"] = $"Crash test v{version}" },
                values = Values(version),
            })))
            using (var response = await _http.SendAsync(save))
            {
                Ensure(response, "save");
            }

            using var publish = await AuthorizedAsync(HttpMethod.Post, $"{Api}/document/{article}/publish", JsonContent.Create(new { cultures = new[] { "zh-CN", "en-US" } }));
            using var published = await _http.SendAsync(publish);
            Ensure(published, "publish");
        }

        /// <summary>Saves a new version and schedules its English publish a moment later.</summary>
        public async Task SchedulePublishAsync(Guid article, int version, int delayMilliseconds)
        {
            using (var save = await AuthorizedAsync(HttpMethod.Put, $"{Api}/document/{article}", JsonContent.Create(new
            {
                names = new Dictionary<string, string> { ["zh-CN"] = $"崩溃测试 v{version}", ["en-US"] = $"Crash test v{version}" },
                values = Values(version),
            })))
            using (var response = await _http.SendAsync(save))
            {
                Ensure(response, "save");
            }

            using var schedule = await AuthorizedAsync(HttpMethod.Post, $"{Api}/document/{article}/schedule",
                JsonContent.Create(new { culture = "en-US", action = "Publish", dueAtUtc = DateTime.UtcNow.AddMilliseconds(delayMilliseconds) }));
            using var scheduled = await _http.SendAsync(schedule);
            Ensure(scheduled, "schedule");
            await Task.Delay(delayMilliseconds);
        }

        public async Task UploadAsync()
        {
            using var picture = Image.Black(800, 600, bands: 3);
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(picture.JpegsaveBuffer()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "photo.jpg" },
                { new StringContent("照片"), "alt[zh-CN]" },
                { new StringContent("A photo"), "alt[en-US]" },
            };
            using var request = await AuthorizedAsync(HttpMethod.Post, $"{Api}/media", form);
            using var response = await _http.SendAsync(request);
            Ensure(response, "upload");
        }

        public async Task RebuildIndexAsync()
        {
            using var request = await AuthorizedAsync(HttpMethod.Post, $"{Api}/indexer/rebuild");
            using var response = await _http.SendAsync(request);
            Ensure(response, "rebuild");
        }

        /// <summary>Everything a visitor or a front end reads agrees on one published version, and the stores agree with each other.</summary>
        public async Task VerifyAsync(Guid article)
        {
            // Every scheduled action that is due runs, including one the killed process had claimed (after the claim timeout).
            var pending = int.MaxValue;
            for (var attempt = 0; attempt < 120 && pending > 0; attempt++)
            {
                await using var database = Open();
                await database.OpenAsync();
                await using var command = database.CreateCommand();
                command.CommandText = "SELECT \"DueAtUtc\", \"Outcome\" FROM scheduled_actions";
                await using var reader = await command.ExecuteReaderAsync();
                pending = 0;
                while (await reader.ReadAsync())
                {
                    if (reader.GetDateTime(0) < DateTime.UtcNow.AddSeconds(-1) && reader.IsDBNull(1))
                    {
                        pending++;
                    }
                }

                if (pending > 0)
                {
                    await Task.Delay(250);
                }
            }

            Assert.True(pending == 0, $"{pending} due scheduled actions did not run within 30 s of the start");

            // The page and the Delivery API come from the snapshot, built from the database on start.
            var page = await _http.GetStringAsync(new Uri("/en/news/crash-test", UriKind.Relative));
            var title = System.Text.RegularExpressions.Regex.Match(page, "<h1[^>]*>\\s*(Crash test v\\d+)").Groups[1].Value;
            Assert.NotEmpty(title);
            using var item = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{article}");
            item.Headers.Add("Accept-Language", "en-US");
            using var answer = await _http.SendAsync(item);
            var delivered = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(title, delivered.GetProperty("properties").GetProperty("title").GetString());
            Assert.Contains("/en/news/crash-test", await _http.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);

            // The index catches up (or rebuilds) by itself: the search finds the published version, not an older one.
            var token = title[(title.LastIndexOf(' ') + 1)..];
            var found = false;
            for (var attempt = 0; attempt < 120 && !found; attempt++)
            {
                var hits = await _http.GetFromJsonAsync<JsonElement>(new Uri($"/api/search?q={token}&culture=en-US", UriKind.Relative));
                found = hits.GetProperty("items").EnumerateArray().Any(h => h.GetProperty("id").GetGuid() == article && h.GetProperty("name").GetString() == title);
                if (!found)
                {
                    await Task.Delay(250);
                }
            }

            Assert.True(found, $"search did not find \"{title}\" within 30 s of the start");

            // A publish and its journal row are one transaction; every media record has its whole file, and no file is without one.
            await using var connection = Open();
            await connection.OpenAsync();
            Assert.Equal(
                await ScalarAsync(connection, $"SELECT COUNT(*) FROM audit WHERE \"Action\" = 'publish' AND \"NodeKey\" = {Key(article)}"),
                await ScalarAsync(connection, $"SELECT COUNT(*) FROM change_journal WHERE \"Kind\" = 'publish' AND \"NodeKey\" = {Key(article)}"));
            var records = new Dictionary<string, (long Bytes, string Hash, string Extension)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"Key\", \"Bytes\", \"Hash\", \"Extension\" FROM media_items";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var key = reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0));
                    records[key.ToString("N")] = (reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
                }
            }

            var media = Path.Combine(_dataPath, "media");
            foreach (var (key, (bytes, hash, extension)) in records)
            {
                var file = Path.Combine(media, key, "original" + extension);
                Assert.True(File.Exists(file), $"media item {key} has no file");
                var content = await File.ReadAllBytesAsync(file);
                Assert.Equal(bytes, content.Length);
                Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(content)));
            }

            if (Directory.Exists(media))
            {
                Assert.All(Directory.EnumerateDirectories(media), folder => Assert.True(records.ContainsKey(Path.GetFileName(folder)), $"{folder} has no media record"));
                Assert.Empty(Directory.EnumerateFiles(media, "*.partial", SearchOption.AllDirectories));
            }
        }

        private string Key(Guid key) => _postgresDatabase is null ? $"'{key.ToString().ToUpperInvariant()}'" : $"'{key}'";

        private System.Data.Common.DbConnection Open() =>
            _postgresDatabase is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

        private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
            {
                Kill();
            }

            _http.Dispose();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                await SiteCluster.DropDatabaseAsync(_postgresDatabase);
            }

            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder does not change the result.
            }
        }
    }
}
