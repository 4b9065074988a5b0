using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A site whose database was made before the move to rich text: a copy of the repository's uSync folder with the news
/// articles' body on the Markdown data type again. Markdown keeps working there: pages and the Delivery API show it
/// sanitized, the API gives its source on request, and a document Markdig cannot read is shown as text everywhere and
/// indexed all the same.
/// </summary>
public sealed partial class MarkdownBodyTests(SiteFactory site) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-http-tests", "md-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _markdownSite;

    private WebApplicationFactory<Program> MarkdownSite => _markdownSite ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var usync = Path.Combine(_root, "uSync");
        UsyncFolders.CopyRepository(usync);
        var articleType = Path.Combine(usync, "ContentTypes", "newsarticle.config");
        var xml = await File.ReadAllTextAsync(articleType);
        var moved = BodyTextEditor().Replace(xml, m => m.Groups["head"].Value + "f844e142-fae9-5d9f-934c-c8973776311c</Definition>\n      <Type>Umbraco.MarkdownEditor</Type>", 1);
        Assert.NotEqual(xml, moved);
        await File.WriteAllTextAsync(articleType, moved);

        _markdownSite = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", Path.Combine(_root, "data"))
            .UseSetting("Site:Sync:Folder", usync));
        _ = _markdownSite.Server;
    }

    public ValueTask DisposeAsync() => OwnDataFolder.StopAndDeleteAsync(_markdownSite, _root);

    [Fact]
    public async Task Markdown_is_sanitized_HTML_on_the_page_and_in_the_Delivery_API_and_its_source_on_request()
    {
        const string Markdown = "Hello **world** <script>alert(1)</script> [x](javascript:alert(1))";
        var slug = "md-api-" + Guid.NewGuid().ToString("N")[..8];
        await MarkdownSite.PublishNewsAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = ("标题", Markdown), ["en-US"] = ("Title", Markdown) });
        using var client = MarkdownSite.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri($"/en/news/{slug}", UriKind.Relative)));
        var html = await client.GetDeliveryAsync($"content/item/news/{slug}", DeliveryApi.English);
        var source = await client.GetDeliveryAsync($"content/item/news/{slug}", DeliveryApi.English, ("Markdown-Format", "markdown"));

        Assert.Equal("world", page.QuerySelector("main .prose strong")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        var body = html.Json.GetProperty("properties").GetProperty("bodyText").GetString()!;
        Assert.Contains("<strong>world</strong>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Markdown, source.Json.GetProperty("properties").GetProperty("bodyText").GetString());
    }

    [Fact]
    public async Task A_Markdown_body_nested_too_deeply_is_shown_as_text_by_the_page_the_Delivery_API_the_preview_and_the_index()
    {
        var slug = "stored-deep-" + Guid.NewGuid().ToString("N")[..8];
        var deep = string.Concat(Enumerable.Repeat("> ", 130)) + "Quokka burrows <script>alert(1)</script>";
        var key = await MarkdownSite.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("存量数据 " + slug, "正文"),
            ["en-US"] = ("Stored data " + slug, "Body"),
        });
        await MarkdownSite.PublishBelowValidationAsync(key, d => d with
        {
            Values = [.. d.Values.Where(v => v.Alias != "bodyText"), new PropertyValue("bodyText", "en-US", deep), new PropertyValue("bodyText", "zh-CN", deep)],
        });
        using var client = MarkdownSite.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { $"/en/news/{slug}", $"/zh/news/{slug}" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var prose = (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("main .prose")!;
            Assert.Contains("Quokka burrows <script>alert(1)</script>", prose.TextContent, StringComparison.Ordinal);
            Assert.Empty(prose.QuerySelectorAll("script"));
        }

        var item = await client.GetDeliveryAsync($"content/item/{key}", DeliveryApi.English);
        Assert.True(item.Status == HttpStatusCode.OK, item.Body);
        Assert.Contains("Quokka burrows &lt;script&gt;", item.Json.GetProperty("properties").GetProperty("bodyText").GetString()!, StringComparison.Ordinal);
        foreach (var language in new[] { DeliveryApi.English, DeliveryApi.Chinese })
        {
            var children = await client.GetDeliveryAsync("content?fetch=children:/news&take=1000", language);
            Assert.True(children.Status == HttpStatusCode.OK, children.Body);
        }

        // The back office's Markdown preview (the same renderer) answers too; it does not depend on any content type.
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Writers);
        var preview = await api.PostJsonAsync("/markdown/preview", new { markdown = deep });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Quokka burrows &lt;script&gt;", (await preview.ReadObjectAsync())["html"]!.GetValue<string>(), StringComparison.Ordinal);

        // The index went on: the article is searchable by its words, and nothing was left out.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await MarkdownSite.Services.GetRequiredService<ISearchIndexStatus>()
                .WaitForGenerationAsync(MarkdownSite.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation, timeout.Token);
        }

        Assert.DoesNotContain(MarkdownSite.Services.GetRequiredService<ISearchIndexStatus>().SkippedDocuments, s => s.Key == key);
        var found = await client.GetStringAsync(new Uri("/api/search?q=Quokka&culture=en-US", UriKind.Relative));
        Assert.Contains(key.ToString(), found, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The news article type's bodyText property, up to the key of its data type.</summary>
    [GeneratedRegex(@"(?<head><Alias>bodyText</Alias>\s*<Definition>)[0-9a-f-]+</Definition>\s*<Type>Umbraco\.RichText</Type>")]
    private static partial Regex BodyTextEditor();
}
