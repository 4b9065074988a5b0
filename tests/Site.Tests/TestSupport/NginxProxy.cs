using System.Diagnostics;

namespace Site.Tests.TestSupport;

/// <summary>
/// nginx run by the test with the repository's sample config (deploy/nginx/forum.conf), its ports replaced by the
/// cluster's, inside a minimal nginx.conf of the test's own that logs which upstream answered each request.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Origin = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Origin { get; }

    public Uri Url(string path) => new(Origin, path);

    public static async Task<NginxProxy> StartAsync(string nginx, SiteCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var folder = Path.Combine(Path.GetTempPath(), "site-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = SiteCluster.FreePort();
        var sample = await File.ReadAllTextAsync(RepositoryFile("deploy/nginx/forum.conf"));
        var site = sample
            .Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("127.0.0.1:5001", $"127.0.0.1:{cluster.A.Port}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{cluster.B.Port}", StringComparison.Ordinal);
        Assert.NotEqual(sample, site);
        await File.WriteAllTextAsync(Path.Combine(folder, "forum.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 64; }
            http {
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                log_format upstream '$upstream_addr $status';
                access_log {{folder}}/access.log upstream;
                include {{folder}}/forum.conf;
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var proxy = new NginxProxy(process, folder, port);
        using var client = new HttpClient();
        await SiteCluster.WaitUntilAsync(async () =>
        {
            if (process.HasExited)
            {
                Assert.Fail("nginx stopped: " + await errors + ReadOrEmpty(Path.Combine(folder, "error.log")));
            }

            try
            {
                return (await client.GetAsync(proxy.Url("/healthz"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "nginx answering");
        return proxy;
    }

    /// <summary>The upstream address of every request logged so far (nginx writes its log line when the response is done).</summary>
    public async Task<IReadOnlyList<string>> UpstreamsAsync()
    {
        var log = Path.Combine(_folder, "access.log");
        return [.. (await File.ReadAllLinesAsync(log)).Select(l => l.Split(' ')[0])];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do not change the result.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's workers may own their temporary folders.
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    private static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}", relative);
    }
}
