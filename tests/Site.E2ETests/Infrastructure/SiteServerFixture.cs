using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Site.E2ETests.Infrastructure;

/// <summary>
/// The real site on Kestrel on a free loopback port, with a fresh data folder (so it imports the repository's uSync
/// content on start), and one headless Chromium shared by every test in the assembly.
/// </summary>
public sealed class SiteServerFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "SITE_E2E_CHROMIUM";

    /// <summary>The unattended install's first administrator (BackOffice:Admin:*).</summary>
    public const string AdminEmail = "admin@e2e.test";
    public const string AdminPassword = "an administrator's passphrase";
    public const string DefaultChromium = "/usr/bin/chromium";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "site-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim browserLock = new(1, 1);
    private SiteFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private Exception? browserFailure;

    /// <summary>The site's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running site's services: tests make back-office accounts through them.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>The folder the site writes to (database and everything else).</summary>
    public string DataPath => dataPath;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;

    public static string ChromiumMissingMessage =>
        $"Chromium not found at {ChromiumPath}. To run the browser tests: apt-get install chromium fonts-noto-cjk (or set {ChromiumVariable}); .ci/run does this.";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataPath);
        // The port is chosen first: the site's public origin (for links in mails) must name it before the site starts.
        var port = FreeLoopbackPort();
        factory = new SiteFactory(dataPath, $"http://127.0.0.1:{port}");
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The site started but reports no address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        if (!Directory.EnumerateFileSystemEntries(dataPath).Any())
        {
            throw new InvalidOperationException($"The site did not write to its data folder {dataPath}: Site:DataPath was not applied.");
        }

        // Fail early and clearly when the site did not come up with content, rather than in every test.
        using var client = CreateHttpClient();
        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The site at {BaseAddress} answered /en/ with {(int)response.StatusCode}.");
        }
    }

    /// <summary>A client for the site that does not follow redirects.</summary>
    public HttpClient CreateHttpClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>The shared browser, launched on first use; skips the calling test when Chromium is not installed.</summary>
    public async Task<IBrowser> RequireBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip(ChromiumMissingMessage);
        }

        await browserLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (browserFailure is not null)
            {
                throw new InvalidOperationException($"Chromium at {ChromiumPath} could not be started.", browserFailure);
            }

            if (browser is null)
            {
                try
                {
                    playwright ??= await Playwright.CreateAsync();
                    browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                    {
                        ExecutablePath = ChromiumPath,
                        Headless = true,
                        // --disable-dev-shm-usage: containers often have a 64 MB /dev/shm, too small for Chromium.
                        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
                        Timeout = 60_000,
                    });
                }
                catch (PlaywrightException e)
                {
                    browserFailure = e;
                    throw new InvalidOperationException($"Chromium at {ChromiumPath} could not be started.", e);
                }
            }

            return browser;
        }
        finally
        {
            browserLock.Release();
        }
    }

    /// <summary>A fresh browser context (own cookies, cache and viewport) pointed at the site.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var shared = await RequireBrowserAsync();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        var context = await shared.NewContextAsync(options);
        // Generous bounds: these tests check behaviour, not speed, and a CI machine may be busy
        // (a registration hashes passwords twice on purpose, which is slow under load).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        browserLock.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SiteFactory(string dataPath, string publicOrigin) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:Public:BaseUrl", publicOrigin);
            builder.UseSetting("Site:DataPath", dataPath);
            builder.UseSetting("Site:DatabaseProvider", "Sqlite");
            builder.UseSetting("Site:Sync:Folder", RepositoryPaths.UsyncFolder);
            builder.UseSetting("Site:Sync:ImportOnFirstBoot", "true");
            builder.UseSetting("BackOffice:Admin:Email", AdminEmail);
            builder.UseSetting("BackOffice:Admin:Password", AdminPassword);
            builder.UseSetting("Site:Scheduling:PollInterval", "00:00:00.500");
            // Every sign-in here comes from 127.0.0.1, far more often than a person's (the limit is tested over HTTP).
            builder.UseSetting("Site:Members:RateLimitPermits", "100000");
            builder.UseSetting("Site:Search:RateLimit:TokenLimit", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        }
    }
}
