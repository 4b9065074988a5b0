using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.HeadlessClient;

/// <summary>
/// An Umbraco headless client works unchanged: tests/HeadlessClient/client.mjs (plain Node, the request shapes of
/// Umbraco's Delivery API documentation) against the real site on Kestrel, with content of its own: a page with a
/// picked image, its siblings for paging, a protected page and a member of the group that may read it.
/// </summary>
public sealed class HeadlessClientTests : IAsyncLifetime
{
    public const string NodeVariable = "SITE_NODE";

    private const string RedirectUri = "http://127.0.0.1:53683/callback";
    private const string Group = "Partner schools";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "site-headless-client", Guid.NewGuid().ToString("N"));
    private KestrelSite? _site;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not change any test's result.
        }
    }

    [Fact]
    public async Task The_node_client_reads_pages_children_protected_content_and_media_as_Umbracos_docs_show()
    {
        var node = FindNode();
        if (node is null)
        {
            Assert.Skip($"Node.js was not found ({NodeVariable} names no file, or it is not set and there is no node on PATH). To run this test: apt-get install nodejs (18 or later) or set {NodeVariable}=/path/to/node; .ci/run has it.");
        }

        var port = FreeLoopbackPort();
        var origin = $"http://127.0.0.1:{port}";
        _site = new KestrelSite(_dataPath, origin);
        _site.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _site.StartServer();

        var slug = "headless-" + Guid.NewGuid().ToString("N")[..8];
        await PublishArticleAsync(slug + "-first", "2026-03-01", null);
        var image = await UploadImageAsync(slug + ".jpg");
        await PublishArticleAsync(slug, "2026-03-02", image.Key);
        var protectedKey = await PublishArticleAsync(slug + "-members", "2026-03-03", null);
        Assert.True(await _site.Services.GetRequiredService<IPublicAccessService>().ProtectAsync(new PublicAccessRule(protectedKey, [Group]), "test", CancellationToken.None));
        var email = await MemberInGroupAsync();

        var (exitCode, output) = await RunAsync(node, origin,
            $"--page=news/{slug}",
            "--children=news",
            $"--protected=news/{slug}-members",
            $"--email={email}",
            $"--password={MemberClient.Password}",
            $"--redirect={RedirectUri}",
            "--culture=en-us",
            "--start-item=home",
            "--login-path=/en/member/login");

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.True(exitCode == 0, $"client.mjs exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("all checks passed", output, StringComparison.Ordinal);
        Assert.Contains("ok   protected page with the member's token", output, StringComparison.Ordinal);
    }

    private async Task<Guid> PublishArticleAsync(string slug, string publishDate, Guid? imageKey)
    {
        var services = _site!.Services;
        var newsIndex = services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single();
        var values = new List<PropertyValue> { new("publishDate", null, publishDate) };
        if (imageKey is { } media)
        {
            values.Add(new PropertyValue("image", null, $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{media}}","mediaTypeAlias":"Image","crops":[],"focalPoint":null}]"""));
        }

        var names = new Dictionary<string, string> { ["zh-CN"] = "无头客户端测试 " + slug, ["en-US"] = "Headless client test " + slug };
        foreach (var (culture, name) in names)
        {
            values.Add(new PropertyValue("title", culture, name));
            values.Add(new PropertyValue("bodyText", culture, "Test body (sample content)."));
            values.Add(new PropertyValue("umbracoUrlName", culture, slug));
        }

        var key = Guid.NewGuid();
        var saved = await services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, newsIndex.Key, "newsArticle", new ContentData(names, values)), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var published = await services.GetRequiredService<IPublishingService>().PublishAsync(key, [.. names.Keys], "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
        return key;
    }

    private async Task<MediaItem> UploadImageAsync(string name)
    {
        // Larger than every crop (the widest is 1600×800), so each rendition has the crop's own size.
        using var image = Image.Black(2000, 1200, bands: 3);
        var editor = new BackOfficeUser("editor@headless", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
        var result = await _site!.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(image.JpegsaveBuffer()), name, new Dictionary<string, string> { ["zh-CN"] = "测试图片", ["en-US"] = "Test image" },
            new FocalPoint(0.25, 0.5), editor, CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.Item!;
    }

    /// <summary>A confirmed member (as after the mailed link) in the group that may read the protected page.</summary>
    private async Task<string> MemberInGroupAsync()
    {
        using var scope = _site!.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var email = MemberClient.NewEmail("headless");
        var member = new Member
        {
            Id = Guid.NewGuid(),
            Email = email,
            EmailConfirmed = true,
            Name = "Test Principal",
            School = "Sample school (test)",
            Position = "Principal",
            City = "Suzhou",
            Country = "China",
            PreferredCulture = "en-US",
            CreatedUtc = DateTime.UtcNow,
        };
        member.UserName = member.Id.ToString("N");
        member.RefreshSearchText();
        var created = await users.CreateAsync(member, MemberClient.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        Assert.True((await admin.AddToGroupAsync(member.Id, Group, "editor@test", CancellationToken.None)).Succeeded);
        return email;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string node, string origin, params string[] args)
    {
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "HeadlessClient", "client.mjs"));
        start.ArgumentList.Add(origin);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("client.mjs did not finish within two minutes: " + await output + await error);
        }

        return (process.ExitCode, new StringBuilder(await output).Append(await error).ToString());
    }

    /// <summary>Node from <see cref="NodeVariable"/>, else the first `node` on PATH.</summary>
    private static string? FindNode()
    {
        if (Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
    }

    private static string RepositoryRoot() => Path.GetFullPath(Path.Combine(UsyncFolders.Repository(), "..", ".."));

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The site on Kestrel with its own data folder, member sign-in for apps on, and a loopback redirect.</summary>
    private sealed class KestrelSite(string dataPath, string origin) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:Public:BaseUrl", origin);
            builder.UseSetting("Site:DataPath", dataPath);
            builder.UseSetting("Site:Members:RateLimitPermits", "100000");
            builder.UseSetting("Site:DeliveryApi:MemberAuthorization:AuthorizationCodeFlow:Enabled", "true");
            builder.UseSetting("Site:DeliveryApi:MemberAuthorization:AuthorizationCodeFlow:LoginRedirectUrls:0", RedirectUri);
            builder.UseSetting("BackOffice:Admin:Email", SiteFactory.AdminEmail);
            builder.UseSetting("BackOffice:Admin:Password", SiteFactory.AdminPassword);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
