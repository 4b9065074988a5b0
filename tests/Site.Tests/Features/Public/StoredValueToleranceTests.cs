using System.Net;
using System.Text.Json;
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
/// Values already stored that saving would now refuse (an import made before the rules, a write around the engine):
/// the pages, the Delivery API, the Markdown preview and the search index answer as usual, showing what fits and
/// dropping the rest, and never a link to a script or data address.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class StoredValueToleranceTests(SiteFactory site)
{
    private static readonly string[] ScriptSchemes = ["javascript:", "data:", "vbscript:"];

    private static ContentData With(ContentData data, string alias, string? culture, string value) =>
        data with
        {
            Values = [.. data.Values.Where(v => v.Alias != alias || !string.Equals(v.Culture, culture, StringComparison.OrdinalIgnoreCase)), new PropertyValue(alias, culture, value)],
        };

    private async Task<Guid> PublishArticleAsync(string slug) =>
        await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("存量数据 " + slug, "正文"),
            ["en-US"] = ("Stored data " + slug, "Body"),
        });

    private async Task WaitForIndexAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await site.Services.GetRequiredService<ISearchIndexStatus>()
            .WaitForGenerationAsync(site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation, timeout.Token);
    }

    /// <summary>What a browser would follow: the attribute with the characters it strips taken out.</summary>
    private static void AssertNoScriptLinks(AngleSharp.Dom.IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var address = new string((element.GetAttribute("href") ?? element.GetAttribute("src"))!.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
            Assert.DoesNotContain(ScriptSchemes, scheme => address.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Wrong_shaped_values_and_script_links_already_stored_leave_pages_the_delivery_api_and_the_index_working()
    {
        var slug = "stored-shapes-" + Guid.NewGuid().ToString("N")[..8];
        var key = await PublishArticleAsync(slug);
        try
        {
            var sources = JsonSerializer.Serialize(new object[]
            {
                1,
                new { url = 5 },
                new[] { "x" },
                new { name = "Good", url = "https://example.org/good" },
                new { name = "Spaced", url = " JaVaScRiPt:alert(1)" },
                new { name = "Tabbed", url = "java\tscript:alert(2)" },
                new { name = "Nul", url = "\0javascript:alert(3)" },
                new { name = "Data", url = "data:text/html,<script>alert(4)</script>" },
                new { name = "Elsewhere", url = "//evil.example/" },
            });
            await site.PublishBelowValidationAsync(key, d =>
            {
                d = With(d, "sources", null, sources);
                d = With(d, "tags", "en-US", """[{"a": 1}, ["x"], "kept"]""");
                d = With(d, "tags", "zh-CN", "[1]");
                d = With(d, "image", null, """[1, {"url": 5}]""");
                d = With(d, "relatedSession", null, "[1]");
                return d;
            });

            foreach (var path in new[] { $"/en/news/{slug}", $"/zh/news/{slug}" })
            {
                var (response, document) = await site.GetPageAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                Assert.Equal(["https://example.org/good"], document.QuerySelectorAll(".sources a").Select(a => a.GetAttribute("href")));
                AssertNoScriptLinks(document);
            }

            var (_, english) = await site.GetPageAsync($"/en/news/{slug}");
            Assert.Equal(["kept"], english.QuerySelectorAll(".tags .tag").Select(t => t.TextContent));

            using var client = site.CreateBrowserClient();
            foreach (var path in new[] { "/en/news", "/zh/news", "/en/", "/en/feed.xml", "/zh/feed.xml", "/sitemap.xml" })
            {
                Assert.True((await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode == HttpStatusCode.OK, path);
            }

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var properties = item.Json.GetProperty("properties");
            Assert.Equal(["https://example.org/good"], properties.GetProperty("sources").EnumerateArray().Select(l => l.GetProperty("url").GetString()));
            Assert.Equal(["kept"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Empty(properties.GetProperty("image").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, properties.GetProperty("relatedSession").ValueKind);

            foreach (var language in new[] { DeliveryApi.English, DeliveryApi.Chinese })
            {
                var children = await site.GetAsync("content?fetch=children:/news&take=1000", language);
                Assert.True(children.Status == HttpStatusCode.OK, children.Body);
                Assert.Contains(children.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == key);
            }

            await WaitForIndexAsync();
            Assert.DoesNotContain(site.Services.GetRequiredService<ISearchIndexStatus>().SkippedDocuments, s => s.Key == key);
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }
}
