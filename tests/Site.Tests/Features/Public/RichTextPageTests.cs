using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A page with a rich text value (page.bodyText): the page shows its sanitized markup with images from the media
/// library by key, and the Delivery API gives Umbraco's <c>{"markup", "blocks"}</c>.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class RichTextPageTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    private async Task<MediaItem> UploadAsync()
    {
        using var image = Image.Black(640, 480, bands: 3);
        var upload = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(image.JpegsaveBuffer()), "rich-hall.jpg", new Dictionary<string, string> { ["zh-CN"] = "会议厅", ["en-US"] = "The hall" }, null,
            Editor, CancellationToken.None);
        Assert.True(upload.Succeeded);
        return upload.Item!;
    }

    private static string Value(string markup) => JsonSerializer.Serialize(new Dictionary<string, object?> { ["markup"] = markup, ["blocks"] = null });

    [Fact]
    public async Task The_page_and_the_delivery_api_show_the_sanitized_markup_with_media_resolved()
    {
        var media = await UploadAsync();
        var slug = "rich-" + Guid.NewGuid().ToString("N")[..8];
        var udi = $"umb://media/{media.Key:N}";
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("富文本页", Value($"<h2>会场</h2><p>坦佩雷<img data-udi=\"{udi}\"></p>")),
            ["en-US"] = ("Rich page", $"<h2>Venue</h2><p onclick=\"alert(1)\">Tampere <a href=\"https://example.org/\">hall</a><img data-udi=\"{udi}\"><img data-udi=\"umb://media/{Guid.NewGuid():N}\"></p><script>alert(1)</script>"),
        });
        try
        {
            var (response, document) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            var rich = document.QuerySelector("main .rich-text")!;
            Assert.Equal("Venue", rich.QuerySelector("h2")!.TextContent);
            Assert.Equal("https://example.org/", rich.QuerySelector("a")!.GetAttribute("href"));
            var image = Assert.Single(rich.QuerySelectorAll("img"));
            Assert.Equal(media.Url, image.GetAttribute("src"));
            Assert.Equal("640", image.GetAttribute("width"));
            Assert.Equal("480", image.GetAttribute("height"));
            Assert.Equal("The hall", image.GetAttribute("alt"));
            Assert.Equal("lazy", image.GetAttribute("loading"));
            Assert.Empty(document.QuerySelectorAll("main script, main [onclick]"));

            var (_, chinese) = await site.GetPageAsync($"/zh/about/{slug}");
            Assert.Equal("会议厅", chinese.QuerySelector("main .rich-text img")!.GetAttribute("alt"));

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var richBody = item.Json.GetProperty("properties").GetProperty("bodyText");
            Assert.Equal(["markup", "blocks"], richBody.EnumerateObject().Select(p => p.Name));
            Assert.Equal(rich.InnerHtml, richBody.GetProperty("markup").GetString());
            Assert.Empty(richBody.GetProperty("blocks").EnumerateArray());
        }
        finally
        {
            await site.RemoveAsync(key);
            await site.Services.GetRequiredService<IMediaService>().DeleteAsync(media.Key, Editor, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_empty_rich_text_property_is_an_empty_markup_in_the_delivery_api_and_absent_from_the_page()
    {
        var slug = "rich-empty-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("空富文本", Value("<p>仅中文</p>")),
            ["en-US"] = ("Empty rich text", string.Empty),
        });
        try
        {
            var (_, document) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.Null(document.QuerySelector("main .rich-text"));

            var item = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var richBody = item.Json.GetProperty("properties").GetProperty("bodyText");
            Assert.Equal(string.Empty, richBody.GetProperty("markup").GetString());
            Assert.Empty(richBody.GetProperty("blocks").EnumerateArray());
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }
}
