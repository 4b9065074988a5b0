using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// Blocks on a page (page.blocks, and blocks placed in page.bodyText): each rendered by its own partial, texts in the
/// page's language and encoded, an unknown block skipped; the Delivery API gives Umbraco's block list and rich text shapes.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class BlockPageTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task Blocks_render_by_type_on_the_page_and_in_the_delivery_api_and_an_unknown_block_is_skipped()
    {
        using var picture = Image.Black(640, 480, bands: 3);
        var media = (await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(picture.JpegsaveBuffer()), "block-hall.jpg", new Dictionary<string, string> { ["zh-CN"] = "会议厅", ["en-US"] = "The hall" }, null,
            Editor, CancellationToken.None)).Item!;
        var quote = Guid.NewGuid();
        var image = Guid.NewGuid();
        var inText = Guid.NewGuid();
        var blocks = BlockJson.List(
            BlockJson.Quote(quote, ("zh-CN", "教育是对话。", "示例"), ("en-US", "Education is a conversation.", "Sample")),
            BlockJson.Image(image, media.Key, ("zh-CN", "会场", "示例"), ("en-US", "<script>alert(1)</script>The venue", "Photo: sample")),
            BlockJson.Element(Guid.NewGuid(), BlockJson.VideoType, [("videoUrl", null, "\"Umbraco.TextBox\"", "\"https://www.youtube-nocookie.com/embed/sample\"")], [null]));
        var rich = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["markup"] = $"<p>Before</p><umb-rte-block data-content-key=\"{inText}\"><!--Umbraco-Block--></umb-rte-block><p>After</p>",
            ["blocks"] = JsonDocument.Parse(BlockJson.RichTextBlocks(BlockJson.Element(inText, BlockJson.QuoteType, [("quote", null, "\"Umbraco.TextArea\"", "\"In the text\"")], [null]))).RootElement,
        });
        var slug = "blocks-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("块页面", rich),
            ["en-US"] = ("Block page", rich),
        }, blocks);
        try
        {
            // A block of a type the schema does not know, stored as an import made before the type was removed would leave it.
            await site.PublishBelowValidationAsync(key, d => new ContentData(d.Names, [.. d.Values.Where(v => v.Alias != "blocks"), new PropertyValue("blocks", null, WithUnknownBlock(blocks))]));

            var (response, document) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            Assert.Equal("Education is a conversation.", document.QuerySelector("main article > .block-quote blockquote p")!.TextContent);
            Assert.Equal("Sample", document.QuerySelector("main article > .block-quote figcaption")!.TextContent);
            var figure = document.QuerySelector("main .block-image")!;
            Assert.Equal("The hall", figure.QuerySelector("img")!.GetAttribute("alt"));
            Assert.Equal("lazy", figure.QuerySelector("img")!.GetAttribute("loading"));
            Assert.Equal("640", figure.QuerySelector("img")!.GetAttribute("width"));
            Assert.Contains("<script>alert(1)</script>The venue", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(document.QuerySelectorAll("main script"));
            Assert.Equal("https://www.youtube-nocookie.com/embed/sample", document.QuerySelector("main .block-video a")!.GetAttribute("href"));
            Assert.Empty(document.QuerySelectorAll("main iframe"));
            Assert.Equal("In the text", document.QuerySelector("main .rich-text .block-quote p")!.TextContent);
            Assert.Equal(4, document.QuerySelectorAll("main .block").Length); // three blocks and the one in the text; the unknown one skipped

            var (_, chinese) = await site.GetPageAsync($"/zh/about/{slug}");
            Assert.Equal("教育是对话。", chinese.QuerySelector("main article > .block-quote blockquote p")!.TextContent);
            Assert.Equal("会议厅", chinese.QuerySelector("main .block-image img")!.GetAttribute("alt"));

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var list = item.Json.GetProperty("properties").GetProperty("blocks").GetProperty("items");
            Assert.Equal(3, list.GetArrayLength());
            var first = list[0];
            Assert.Equal(["content", "settings"], first.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, first.GetProperty("settings").ValueKind);
            Assert.Equal("quoteBlock", first.GetProperty("content").GetProperty("contentType").GetString());
            Assert.Equal(quote, first.GetProperty("content").GetProperty("id").GetGuid());
            Assert.Equal("Education is a conversation.", first.GetProperty("content").GetProperty("properties").GetProperty("quote").GetString());
            var picked = list[1].GetProperty("content").GetProperty("properties").GetProperty("image")[0];
            Assert.Equal(media.Key, picked.GetProperty("id").GetGuid());
            var bodyText = item.Json.GetProperty("properties").GetProperty("bodyText");
            Assert.Contains($"<umb-rte-block data-content-id=\"{inText}\"></umb-rte-block>", bodyText.GetProperty("markup").GetString(), StringComparison.Ordinal);
            Assert.Equal("In the text", bodyText.GetProperty("blocks")[0].GetProperty("content").GetProperty("properties").GetProperty("quote").GetString());

            var limited = await site.GetAsync($"content/item/{key}?fields=properties[blocks[properties[attribution]]]", DeliveryApi.English);
            Assert.True(limited.Status == HttpStatusCode.OK, limited.Body);
            var properties = limited.Json.GetProperty("properties");
            Assert.Equal(["blocks"], properties.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["attribution"], properties.GetProperty("blocks").GetProperty("items")[0].GetProperty("content").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            await site.RemoveAsync(key);
            await site.Services.GetRequiredService<IMediaService>().DeleteAsync(media.Key, Editor, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_blocks_settings_change_its_markup_and_reach_the_delivery_api_as_umbracos_settings_element()
    {
        var highlighted = Guid.NewGuid();
        var settings = Guid.NewGuid();
        var plainSettings = Guid.NewGuid();
        var blocks = BlockJson.List(
            BlockJson.WithSettings(BlockJson.Quote(highlighted, ("zh-CN", "突出的引语。", null), ("en-US", "A highlighted quote.", null)), settings, highlight: true),
            BlockJson.WithSettings(BlockJson.Quote(Guid.NewGuid(), ("zh-CN", "普通引语。", null), ("en-US", "A plain quote.", null)), plainSettings, highlight: false),
            BlockJson.Quote(Guid.NewGuid(), ("zh-CN", "无设置。", null), ("en-US", "No settings.", null)));
        var rich = """{"markup":"<p>Text</p>","blocks":null}""";
        var slug = "settings-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("设置页", rich),
            ["en-US"] = ("Settings page", rich),
        }, blocks);
        try
        {
            foreach (var prefix in new[] { "zh", "en" })
            {
                var (response, document) = await site.GetPageAsync($"/{prefix}/about/{slug}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
                var quotes = document.QuerySelectorAll("main article > .block-quote");
                Assert.Equal(3, quotes.Length);
                Assert.Equal([true, false, false], quotes.Select(q => q.ClassList.Contains("block-highlight")));
            }

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var list = item.Json.GetProperty("properties").GetProperty("blocks").GetProperty("items");
            var first = list[0].GetProperty("settings");
            Assert.Equal(["contentType", "id", "properties"], first.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("blockSettings", settings), (first.GetProperty("contentType").GetString(), first.GetProperty("id").GetGuid()));
            Assert.True(first.GetProperty("properties").GetProperty("highlight").GetBoolean());
            Assert.False(list[1].GetProperty("settings").GetProperty("properties").GetProperty("highlight").GetBoolean());
            Assert.Equal(JsonValueKind.Null, list[2].GetProperty("settings").ValueKind);

            // fields inside the block list select from content and settings alike, as Umbraco maps both with the same selection.
            var limited = await site.GetAsync($"content/item/{key}?fields=properties[blocks[properties[highlight]]]", DeliveryApi.English);
            var block = limited.Json.GetProperty("properties").GetProperty("blocks").GetProperty("items")[0];
            Assert.Empty(block.GetProperty("content").GetProperty("properties").EnumerateObject());
            Assert.Equal(["highlight"], block.GetProperty("settings").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }

    /// <summary>The value with a block of an element type nobody knows put first.</summary>
    private static string WithUnknownBlock(string blocks)
    {
        var stranger = Guid.NewGuid();
        return blocks
            .Replace("\"Umbraco.BlockList\":[", $"\"Umbraco.BlockList\":[{{\"contentKey\":\"{stranger}\",\"settingsKey\":null}},", StringComparison.Ordinal)
            .Replace("\"contentData\":[", $"\"contentData\":[{{\"contentTypeKey\":\"{Guid.NewGuid()}\",\"key\":\"{stranger}\",\"values\":[]}},", StringComparison.Ordinal)
            .Replace("\"expose\":[", $"\"expose\":[{{\"contentKey\":\"{stranger}\",\"culture\":null,\"segment\":null}},", StringComparison.Ordinal);
    }
}
