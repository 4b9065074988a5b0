using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>
/// Kestrel's limits from appsettings.json (the "Kestrel:Limits" section) against clients that are slow or oversized,
/// on the real server: a test host has no Kestrel. The header timeout is shortened here so the test waits seconds.
/// </summary>
public sealed class KestrelLimitsTests : IAsyncLifetime
{
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(2);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "site-kestrel-limits", Guid.NewGuid().ToString("N"));
    private Process? _site;
    private Task<string>? _errors;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var origin = $"http://127.0.0.1:{_port}";
        _site = SiteProcess.Start(Path.Combine(_work, "data"), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = origin,
            ["Site__Public__BaseUrl"] = origin,
            ["Kestrel__Limits__RequestHeadersTimeout"] = HeadersTimeout.ToString(),
        });
        // Both streams are drained from the start: a full pipe would stop the site mid-test.
        _ = _site.StandardOutput.ReadToEndAsync();
        _errors = _site.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri(origin) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_site.HasExited)
            {
                Assert.Fail("the site stopped: " + await _errors);
            }

            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(started.Elapsed < TimeSpan.FromMinutes(2), "the site did not start within two minutes");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
            _site.Dispose();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do not change the result.
        }
    }

    [Fact]
    public async Task A_client_that_sends_its_headers_slowly_is_cut_off_after_the_header_timeout()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
        var waited = Stopwatch.StartNew();

        // Kestrel answers 408 and closes, or just closes: either way the read ends, long before the default 30 s.
        var answer = await ReadToEndAsync(stream, TimeSpan.FromSeconds(20));

        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"the connection was still open after {waited.Elapsed}");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_refused_with_431()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        var huge = new string('a', 40_000);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: {huge}\r\n\r\n"));

        var answer = await ReadToEndAsync(stream, TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 431", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_line_over_the_limit_is_refused_with_414()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /en/?q={new string('a', 9_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));

        var answer = await ReadToEndAsync(stream, TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 414", answer, StringComparison.Ordinal);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            // The limit passed with the connection still open: the caller's assertion says so.
        }
        catch (IOException)
        {
            // Reset by the server: the connection ended.
        }

        return text.ToString();
    }
}
