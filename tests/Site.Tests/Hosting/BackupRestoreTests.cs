using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Backup;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>
/// The backup promise, end to end: a site with new content, history and a photo is backed up, restored by the command
/// line into an empty data folder, and started; every public page, feed, sitemap, Delivery API answer, search answer
/// and media file of the restored site is the same as the original's.
/// </summary>
public sealed partial class BackupRestoreTests(SiteFactory site) : IAsyncLifetime
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
    private const string DeliveryContent = "/umbraco/delivery/api/v2/content";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-http-tests", "backup-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _original;
    private WebApplicationFactory<Program>? _restored;

    public ValueTask InitializeAsync()
    {
        _original = site.WithWebHostBuilder(b => b.UseSetting("Site:DataPath", Path.Combine(_root, "original")));
        _ = _original.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_restored is not null)
        {
            await _restored.DisposeAsync();
        }

        await OwnDataFolder.StopAndDeleteAsync(_original, _root);
    }

    [Fact]
    public async Task Every_page_API_answer_and_media_file_is_the_same_after_a_restore_onto_an_empty_site()
    {
        var original = _original!;
        await AddNewsWithCoverAsync(original);

        var file = Path.Combine(_root, "site.zip");
        var made = await original.Services.GetRequiredService<ISiteBackup>().CreateAsync(file, includeMembers: false, "test", CancellationToken.None);
        Assert.True(made.Succeeded, made.Problem?.ToString());

        // The documented command, as a real process, into a data folder that has never held a site.
        var restoredData = Path.Combine(_root, "restored");
        var (exit, output, error) = await SiteProcess.RunAsync(restoredData, "backup", "restore", file);
        Assert.True(exit == 0, output + error);
        Assert.Contains("Restored", output, StringComparison.Ordinal);

        // Restoring twice is refused: the database is no longer empty.
        var (again, _, refusal) = await SiteProcess.RunAsync(restoredData, "backup", "restore", file);
        Assert.Equal(1, again);
        Assert.Contains("already holds data", refusal, StringComparison.Ordinal);

        _restored = site.WithWebHostBuilder(b => b.UseSetting("Site:DataPath", restoredData));
        var restored = _restored;
        using var before = original.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var after = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var paths = await PathsToCompareAsync(original, before);
        Assert.True(paths.Count > 60, $"only {paths.Count} addresses to compare");
        Assert.Contains(paths, p => p.StartsWith("/media/", StringComparison.Ordinal));
        foreach (var path in paths)
        {
            await AssertSameAsync(before, after, path);
        }

        // Search reads an index the restored site built for itself on start: it gives the same answers once it has.
        var languages = original.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages.All;
        foreach (var language in languages)
        {
            var query = $"/api/search?q=forum&culture={language.IsoCode}";
            var expected = await before.GetStringAsync(new Uri(query, UriKind.Relative));
            for (var attempt = 0; attempt < 60 && await after.GetStringAsync(new Uri(query, UriKind.Relative)) != expected; attempt++)
            {
                await Task.Delay(250);
            }

            Assert.Equal(expected, await after.GetStringAsync(new Uri(query, UriKind.Relative)));
        }
    }

    private static async Task AddNewsWithCoverAsync(WebApplicationFactory<Program> original)
    {
        using var picture = Image.Black(1200, 800, bands: 3);
        var photo = await original.Services.GetRequiredService<IMediaService>().UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), "signing.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "签约仪式", ["en-US"] = "The signing" }, null, Editor, CancellationToken.None);
        Assert.True(photo.Succeeded);
        var key = await original.PublishNewsAsync("backup-news", new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("备份测试新闻", "<p>第一版。</p>"),
            ["en-US"] = ("Backup test news", "<p>First version.</p>"),
        });

        // A second version with a cover, so that the history and the media reference travel too.
        var content = original.Services.GetRequiredService<IContentService>();
        var now = (await content.GetAsync(key, CancellationToken.None))!;
        var data = now.CurrentVersion.Data with
        {
            Values = [.. now.CurrentVersion.Data.Values, new PropertyValue("image", null, $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{photo.Item!.Key}}"}]""")],
        };
        Assert.True((await content.SaveAsync(new ContentEdit(key, now.ParentKey, now.ContentTypeAlias, data), "test", CancellationToken.None)).Succeeded);
        Assert.True((await original.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["zh-CN", "en-US"], "test", CancellationToken.None)).Succeeded);
    }

    /// <summary>Every page the sitemap lists, the feeds, robots.txt, every Delivery API item in each language and every media file the pages show.</summary>
    private static async Task<SortedSet<string>> PathsToCompareAsync(WebApplicationFactory<Program> original, HttpClient client)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal) { "/robots.txt", "/sitemap.xml" };
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        foreach (Match loc in SitemapLocation().Matches(sitemap))
        {
            paths.Add(new Uri(loc.Groups[1].Value).PathAndQuery);
        }

        foreach (var language in original.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages.All)
        {
            paths.Add($"/{language.UrlPrefix}/feed.xml");
            paths.Add($"{DeliveryContent}?take=1000&culture={language.IsoCode}");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{DeliveryContent}?take=1000");
            request.Headers.Add("Accept-Language", language.IsoCode);
            using var response = await client.SendAsync(request);
            using var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var item in items.RootElement.GetProperty("items").EnumerateArray())
            {
                paths.Add($"{DeliveryContent}/item/{item.GetProperty("id").GetString()}?culture={language.IsoCode}");
            }
        }

        foreach (var page in paths.Where(p => !p.StartsWith("/umbraco", StringComparison.Ordinal)).ToList())
        {
            var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
            foreach (Match media in MediaAddress().Matches(html))
            {
                paths.Add(WebUtility.HtmlDecode(media.Value));
            }
        }

        return paths;
    }

    private static async Task AssertSameAsync(HttpClient before, HttpClient after, string path)
    {
        var culture = path.Contains("culture=", StringComparison.Ordinal) ? path[(path.IndexOf("culture=", StringComparison.Ordinal) + "culture=".Length)..] : null;
        var expected = await GetAsync(before, path, culture);
        var actual = await GetAsync(after, path, culture);
        Assert.True(expected.Status == actual.Status, $"{path}: {expected.Status} before, {actual.Status} after");
        Assert.True(expected.Body.SequenceEqual(actual.Body), $"{path} differs after the restore");
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(HttpClient client, string path, string? culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (culture is not null)
        {
            request.Headers.Add("Accept-Language", culture);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        // Forms carry a per-request antiforgery token: the only part of a page that must differ.
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            body = System.Text.Encoding.UTF8.GetBytes(AntiforgeryToken().Replace(System.Text.Encoding.UTF8.GetString(body), "$1"));
        }

        return (response.StatusCode, body);
    }

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex SitemapLocation();

    [GeneratedRegex("/media/[^\"'\\s,)]+")]
    private static partial Regex MediaAddress();

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex AntiforgeryToken();
}
