using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// Blocks placed inline in rich text (<c>umb-rte-block-inline</c>) stay in their paragraph, on the page and in the
/// Delivery API; a block the page cannot show is skipped with a warning that names it, its element type and the page.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class InlineBlockPageTests(SiteFactory site)
{
    [Fact]
    public async Task An_inline_block_renders_inside_its_paragraph_and_the_api_keeps_it_inline()
    {
        var inline = Guid.NewGuid();
        var rich = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["markup"] = $"<p>Before the quote <umb-rte-block-inline data-content-key=\"{inline}\"></umb-rte-block-inline> and after it.</p>",
            ["blocks"] = JsonDocument.Parse(BlockJson.RichTextBlocks(BlockJson.Element(inline, BlockJson.QuoteType, [("quote", null, "\"Umbraco.TextArea\"", "\"Learning is a conversation\"")], [null]))).RootElement,
        });
        var slug = "inline-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = ("行内块", rich), ["en-US"] = ("Inline block", rich) });
        try
        {
            var (response, document) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            var paragraph = document.QuerySelector("main .rich-text p")!;
            // As a browser shows it: runs of white space (the views' indentation) are one space.
            Assert.Equal("Before the quote Learning is a conversation and after it.", string.Join(' ', paragraph.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            var wrapper = paragraph.QuerySelector(":scope > span.block-inline")!;
            Assert.Equal("Learning is a conversation", wrapper.QuerySelector("q")!.TextContent);
            // Nothing block-level inside the paragraph (which the HTML parser would otherwise have closed before it).
            Assert.Empty(paragraph.QuerySelectorAll("div, figure, aside, blockquote, p"));
            Assert.Single(document.QuerySelectorAll("main .rich-text p"));

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var bodyText = item.Json.GetProperty("properties").GetProperty("bodyText");
            Assert.Equal(
                $"<p>Before the quote <umb-rte-block-inline data-content-id=\"{inline}\"></umb-rte-block-inline> and after it.</p>",
                bodyText.GetProperty("markup").GetString());
            Assert.Equal(inline, bodyText.GetProperty("blocks")[0].GetProperty("content").GetProperty("id").GetGuid());
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }

    [Fact]
    public async Task A_block_of_an_unknown_type_is_skipped_with_a_log_line_naming_the_block_its_type_and_the_page()
    {
        var known = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var strangerType = Guid.NewGuid();
        var blocks = BlockJson.List(BlockJson.Quote(known, ("zh-CN", "引语。", null), ("en-US", "A quote.", null)));
        var slug = "skipped-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("跳过的块", """{"markup":"<p>正文</p>","blocks":null}"""),
            ["en-US"] = ("Skipped block", """{"markup":"<p>Body</p>","blocks":null}"""),
        }, blocks);
        try
        {
            // A block whose element type was removed after it was stored (as an old import would leave it).
            var withStranger = blocks
                .Replace("\"Umbraco.BlockList\":[", $"\"Umbraco.BlockList\":[{{\"contentKey\":\"{stranger}\",\"settingsKey\":null}},", StringComparison.Ordinal)
                .Replace("\"contentData\":[", $"\"contentData\":[{{\"contentTypeKey\":\"{strangerType}\",\"key\":\"{stranger}\",\"values\":[]}},", StringComparison.Ordinal)
                .Replace("\"expose\":[", $"\"expose\":[{{\"contentKey\":\"{stranger}\",\"culture\":null,\"segment\":null}},", StringComparison.Ordinal);
            await site.PublishBelowValidationAsync(key, d => new ContentData(d.Names, [.. d.Values.Where(v => v.Alias != "blocks"), new PropertyValue("blocks", null, withStranger)]));

            var path = $"/en/about/{slug}";
            var (response, document) = await site.GetPageAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            Assert.Single(document.QuerySelectorAll("main .block-quote"));
            var line = Assert.Single(site.Logs.Entries, e => e.Message.Contains(stranger.ToString(), StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, line.Level);
            Assert.Contains(strangerType.ToString(), line.Message, StringComparison.Ordinal);
            Assert.Contains(path, line.Message, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }
}
