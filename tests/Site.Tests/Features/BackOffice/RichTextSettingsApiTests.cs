using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// A rich text data type's settings hold on the server as in the editor: through the management API a heading outside
/// the allowed levels is saved at the nearest one (an h1 as an h2), and what the data type turns off (the short rich
/// text beside a photo has no tables, images or blocks) is saved as its text; the page shows what was saved.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class RichTextSettingsApiTests(SiteFactory site)
{
    private Guid About => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;

    [Fact]
    public async Task Saving_through_the_management_api_maps_headings_and_reduces_what_the_data_type_turns_off()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var slug = "rte-settings-" + Guid.NewGuid().ToString("N")[..8];
        var row = Guid.NewGuid();
        var rowText = JsonSerializer.Serialize(JsonSerializer.Serialize(new
        {
            markup = "<h2>Beside the photo</h2><table><tbody><tr><td>Cell text</td></tr></tbody></table><p><img src=\"/media/abc/photo.jpg\" alt=\"x\">After <a href=\"https://example.org/\">a link</a></p>",
            blocks = (object?)null,
        }));
        var blocks = BlockJson.List(BlockJson.Element(row, BlockJson.TextImageRowType, [("text", "en-US", "\"Umbraco.RichText\"", rowText)], ["en-US"]));
        var body = """{"markup":"<h1>Pasted title</h1><p>Body text.</p><table><tbody><tr><td>Kept table</td></tr></tbody></table>","blocks":null}""";
        var created = await api.PostJsonAsync("/document", new
        {
            parentId = About,
            contentType = "page",
            names = new Dictionary<string, string> { ["zh-CN"] = "富文本设置", ["en-US"] = "Rich text settings " + slug },
            values = new object[]
            {
                new { alias = "title", culture = "zh-CN", value = "富文本设置" },
                new { alias = "title", culture = "en-US", value = "Rich text settings" },
                new { alias = "bodyText", culture = "zh-CN", value = "<p>正文</p>" },
                new { alias = "bodyText", culture = "en-US", value = body },
                new { alias = "umbracoUrlName", culture = "zh-CN", value = slug },
                new { alias = "umbracoUrlName", culture = "en-US", value = slug },
                new { alias = "blocks", culture = (string?)null, value = blocks },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        try
        {
            var document = await (await api.GetApiAsync($"/document/{id}")).ReadObjectAsync();
            var values = document["values"]!.AsArray();
            var storedBody = values.Single(v => v!["alias"]!.GetValue<string>() == "bodyText" && v["culture"]?.GetValue<string>() == "en-US")!["value"]!.GetValue<string>();
            Assert.Equal("<h2>Pasted title</h2><p>Body text.</p><table><tbody><tr><td>Kept table</td></tr></tbody></table>", EditorValues.RichTextMarkup(storedBody));
            var storedBlocks = values.Single(v => v!["alias"]!.GetValue<string>() == "blocks")!["value"]!.GetValue<string>();
            var schema = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Schema;
            var text = EditorValues.Blocks(schema, storedBlocks, "en-US").Single().Content.RichTextMarkup("text");
            Assert.Equal("<h3>Beside the photo</h3><p>Cell text</p><p>After <a href=\"https://example.org/\">a link</a></p>", text);

            Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } })).StatusCode);
            var (response, page) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            Assert.Equal("Pasted title", page.QuerySelector("main .rich-text h2")!.TextContent);
            Assert.Empty(page.QuerySelectorAll("main .rich-text h1"));
            Assert.Equal("Beside the photo", page.QuerySelector("main .block-row h3")!.TextContent);
            Assert.Empty(page.QuerySelectorAll("main .block-row table, main .block-row .prose img"));
        }
        finally
        {
            await site.RemoveAsync(id);
        }
    }
}
