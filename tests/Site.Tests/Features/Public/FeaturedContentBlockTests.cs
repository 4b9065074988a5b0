using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using Site.Tests.Features.Delivery;
using Site.Tests.Features.Delivery.Contract;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// The featured content card (featuredContentBlock: a content picker and an optional heading), in a block list and in
/// rich text: on pages a card with the picked page's title, link and cover in the page's culture, and nothing where the
/// target is not live in that culture or the visitor may not see it; in the Delivery API, expand and fields reach the
/// picker inside blocks exactly as Umbraco's nested grammar does, and nothing of a protected or unpublished target leaks.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class FeaturedContentBlockTests(SiteFactory site)
{
    private const string Secret = "SECRET-featured-target-body";

    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task A_card_shows_the_picked_page_in_the_pages_culture_and_expansion_inside_blocks_follows_umbracos_grammar()
    {
        using var picture = Image.Black(800, 600, bands: 3);
        var media = (await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(picture.JpegsaveBuffer()), "featured-cover.jpg", new Dictionary<string, string> { ["zh-CN"] = "封面", ["en-US"] = "Cover" }, null,
            Editor, CancellationToken.None)).Item!;
        // The target: a news article with a cover, published in Chinese only.
        var targetSlug = "featured-target-" + Guid.NewGuid().ToString("N")[..8];
        var target = await site.SaveNewsDraftAsync(Guid.NewGuid(), targetSlug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("推荐的新闻", "正文 " + Secret),
            ["en-US"] = ("Featured article", "Body " + Secret),
        }, new PropertyValue("image", null, $"[{{\"key\":\"{Guid.NewGuid()}\",\"mediaKey\":\"{media.Key}\"}}]"));
        await site.PublishAsync(target, "zh-CN");

        var card = Guid.NewGuid();
        var inText = Guid.NewGuid();
        var blocks = BlockJson.List(BlockJson.Featured(card, target, ("zh-CN", "延伸阅读"), ("en-US", "Read next")));
        var rich = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["markup"] = $"<p>Before</p><umb-rte-block data-content-key=\"{inText}\"><!--Umbraco-Block--></umb-rte-block>",
            ["blocks"] = JsonDocument.Parse(BlockJson.RichTextBlocks(BlockJson.Featured(inText, target))).RootElement,
        });
        var slug = "featured-" + Guid.NewGuid().ToString("N")[..8];
        var page = await site.PublishRichPageAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("推荐页", rich),
            ["en-US"] = ("Featured page", rich),
        }, blocks);
        try
        {
            // Chinese page: the card in the list and the one in the text, each linking to the target's Chinese URL.
            var (response, chinese) = await site.GetPageAsync($"/zh/about/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
            var cards = chinese.QuerySelectorAll("main .block-featured");
            Assert.Equal(2, cards.Length);
            var listed = chinese.QuerySelector("main article > .block-featured")!;
            Assert.Equal("延伸阅读", listed.QuerySelector(".featured-heading")!.TextContent);
            Assert.Equal("延伸阅读", listed.GetAttribute("aria-label"));
            var link = listed.QuerySelector(".featured-title a")!;
            Assert.Equal("推荐的新闻", link.TextContent);
            Assert.Equal($"/zh/news/{targetSlug}", link.GetAttribute("href"));
            var img = listed.QuerySelector("img")!;
            Assert.Equal(string.Empty, img.GetAttribute("alt"));
            Assert.StartsWith($"/media/{media.Key:N}/", img.GetAttribute("src"), StringComparison.Ordinal);
            Assert.Equal("800", img.GetAttribute("width"));
            // The card in the text has no heading: the title names it.
            var textCard = chinese.QuerySelector("main .rich-text .block-featured")!;
            Assert.Null(textCard.QuerySelector(".featured-heading"));
            Assert.Equal("推荐的新闻", textCard.GetAttribute("aria-label"));
            Assert.DoesNotContain(Secret, chinese.Body!.TextContent, StringComparison.Ordinal);

            // English page: the target is not live in English, so no card (and no dead link) at all.
            var (_, english) = await site.GetPageAsync($"/en/about/{slug}");
            Assert.Empty(english.QuerySelectorAll("main .block-featured"));
            Assert.Empty(english.QuerySelectorAll($"main a[href*='{targetSlug}']"));

            // Delivery API, not expanded: a reference with no properties, inside the block list and the rich text.
            var plain = await site.GetAsync($"content/item/{page}", DeliveryApi.Chinese);
            Assert.True(plain.Status == HttpStatusCode.OK, plain.Body);
            Assert.Empty(Picked(plain.Json, "blocks").GetProperty("properties").EnumerateObject());
            Assert.Equal(target, Picked(plain.Json, "blocks").GetProperty("id").GetGuid());
            Assert.Equal($"/zh/news/{targetSlug}/", Picked(plain.Json, "blocks").GetProperty("route").GetProperty("path").GetString());
            Assert.Empty(Picked(plain.Json, "bodyText").GetProperty("properties").EnumerateObject());
            Assert.DoesNotContain(Secret, plain.Body, StringComparison.Ordinal);

            // Expanded through the block list only.
            var nested = await site.GetAsync($"content/item/{page}?expand=properties[blocks[properties[featuredPage]]]", DeliveryApi.Chinese);
            Assert.True(nested.Status == HttpStatusCode.OK, nested.Body);
            var expanded = Picked(nested.Json, "blocks");
            Assert.Equal("推荐的新闻", expanded.GetProperty("properties").GetProperty("title").GetString());
            Assert.Equal(media.Key, expanded.GetProperty("properties").GetProperty("image")[0].GetProperty("id").GetGuid());
            Assert.Empty(Picked(nested.Json, "bodyText").GetProperty("properties").EnumerateObject());

            // Each form Umbraco's grammar gives: $all at the block's level expands, $all at the top does not reach inside.
            foreach (var (query, inList, inText2) in new[]
            {
                ("expand=properties[blocks[properties[$all]]]", true, false),
                ("expand=properties[bodyText[properties[featuredPage]]]", false, true),
                ("expand=properties[blocks[properties[featuredPage]],bodyText[properties[$all]]]", true, true),
                ("expand=properties[$all[properties[$all]]]", true, true),
                ("expand=properties[$all]", false, false),
                ("expand=properties[blocks]", false, false),
                ("expand=properties[blocks[properties[heading]]]", false, false),
            })
            {
                var answer = await site.GetAsync($"content/item/{page}?{query}", DeliveryApi.Chinese);
                Assert.True(answer.Status == HttpStatusCode.OK, query + ": " + answer.Body);
                Assert.True(inList == Picked(answer.Json, "blocks").GetProperty("properties").EnumerateObject().Any(), query);
                Assert.True(inText2 == Picked(answer.Json, "bodyText").GetProperty("properties").EnumerateObject().Any(), query);
            }

            // fields inside blocks, down into the expanded picker: only what is named, block settings included.
            var selected = await site.GetAsync(
                $"content/item/{page}?expand=properties[blocks[properties[featuredPage]]]&fields=properties[blocks[properties[featuredPage[properties[title]]]]]", DeliveryApi.Chinese);
            Assert.True(selected.Status == HttpStatusCode.OK, selected.Body);
            Assert.Equal(["blocks"], selected.Json.GetProperty("properties").EnumerateObject().Select(p => p.Name));
            var content = selected.Json.GetProperty("properties").GetProperty("blocks").GetProperty("items")[0].GetProperty("content");
            Assert.Equal(["featuredPage"], content.GetProperty("properties").EnumerateObject().Select(p => p.Name));
            Assert.Equal(["title"], content.GetProperty("properties").GetProperty("featuredPage").GetProperty("properties").EnumerateObject().Select(p => p.Name));

            // The response and the expanded card match the contract's shapes.
            var contract = await DeliveryContract.LoadAsync();
            var problems = (await contract.ValidateAsync("GetContentItemById2.0", (int)nested.Status, nested.Message.Content.Headers.ContentType?.MediaType, nested.Body)).ToList();
            problems.AddRange(contract.ValidateComponent("IApiContentResponseModelApiContentResponseModel", expanded.GetRawText(), "cultures"));
            problems.AddRange(contract.ValidateComponent("IApiMediaWithCropsResponseModel", expanded.GetProperty("properties").GetProperty("image")[0].GetRawText(), "path", "createDate", "updateDate"));
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

            // In English the target is not published: null everywhere, expanded or not.
            var inEnglish = await site.GetAsync($"content/item/{page}?expand=properties[$all[properties[$all]]]", DeliveryApi.English);
            Assert.Equal(JsonValueKind.Null, PickedValue(inEnglish.Json, "blocks").ValueKind);
            Assert.Equal(JsonValueKind.Null, PickedValue(inEnglish.Json, "bodyText").ValueKind);
            Assert.DoesNotContain(target.ToString(), inEnglish.Body, StringComparison.OrdinalIgnoreCase);

            // Protected: neither the page nor the API (any expansion, preview or not) shows anything of it.
            var access = site.Services.GetRequiredService<IPublicAccessService>();
            Assert.True(await access.ProtectAsync(new PublicAccessRule(target, ["Partner schools"]), "test", CancellationToken.None));
            try
            {
                var (_, hidden) = await site.GetPageAsync($"/zh/about/{slug}");
                Assert.Empty(hidden.QuerySelectorAll("main .block-featured"));
                foreach (var query in new[] { string.Empty, "?expand=properties[blocks[properties[featuredPage]]]", "?expand=properties[$all[properties[$all]]]&fields=properties[$all[properties[featuredPage[properties[$all]]]]]" })
                {
                    foreach (var answer in new[]
                    {
                        await site.GetAsync($"content/item/{page}{query}", DeliveryApi.Chinese),
                        await site.GetAsync($"content/item/{page}{query}", DeliveryApi.Chinese, ("Preview", "true"), DeliveryApi.Key),
                    })
                    {
                        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
                        Assert.Equal(JsonValueKind.Null, PickedValue(answer.Json, "blocks").ValueKind);
                        Assert.DoesNotContain(target.ToString(), answer.Body, StringComparison.OrdinalIgnoreCase);
                        Assert.DoesNotContain(Secret, answer.Body, StringComparison.Ordinal);
                    }
                }
            }
            finally
            {
                await access.UnprotectAsync(target, "test", CancellationToken.None);
            }

            // Unpublished: gone from the page and the API.
            var unpublished = await site.Services.GetRequiredService<IPublishingService>().UnpublishAsync(target, "zh-CN", "test", CancellationToken.None);
            Assert.True(unpublished.Succeeded);
            var (_, after) = await site.GetPageAsync($"/zh/about/{slug}");
            Assert.Empty(after.QuerySelectorAll("main .block-featured"));
            var gone = await site.GetAsync($"content/item/{page}?expand=properties[blocks[properties[featuredPage]]]", DeliveryApi.Chinese);
            Assert.Equal(JsonValueKind.Null, PickedValue(gone.Json, "blocks").ValueKind);
            Assert.DoesNotContain(Secret, gone.Body, StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveAsync(page, target);
            await site.Services.GetRequiredService<IMediaService>().DeleteAsync(media.Key, Editor, CancellationToken.None);
        }
    }

    /// <summary>The featured page of the first block of a block list ("blocks") or of a rich text value ("bodyText").</summary>
    private static JsonElement Picked(JsonElement item, string property)
    {
        var value = PickedValue(item, property);
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        return value;
    }

    private static JsonElement PickedValue(JsonElement item, string property)
    {
        var value = item.GetProperty("properties").GetProperty(property);
        var block = property == "blocks" ? value.GetProperty("items")[0] : value.GetProperty("blocks")[0];
        return block.GetProperty("content").GetProperty("properties").GetProperty("featuredPage");
    }
}
