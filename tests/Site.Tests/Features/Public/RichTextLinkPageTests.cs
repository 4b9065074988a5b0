using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A link in rich text to a page of this site is stored by the page's key (<c>/{localLink:GUID}</c>, as Umbraco 15/16
/// store it): the public page and the Delivery API show the target's current URL in the page's culture, after a rename
/// or a move too, and only its text once the target is no longer live.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class RichTextLinkPageTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    private static string Value(string markup) => JsonSerializer.Serialize(new Dictionary<string, object?> { ["markup"] = markup, ["blocks"] = null });

    private async Task<string?> LinkOnPageAsync(string url)
    {
        var (response, document) = await site.GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        var rich = document.QuerySelector("main .rich-text")!;
        Assert.Contains("the target", rich.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("localLink", rich.InnerHtml, StringComparison.Ordinal);
        return rich.QuerySelector("a")?.GetAttribute("href");
    }

    private async Task RenameAsync(Guid key, string slug)
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var node = (await content.GetAsync(key, CancellationToken.None))!;
        var data = node.CurrentVersion.Data;
        data = data with { Values = [.. data.Values.Select(v => v.Alias == "umbracoUrlName" ? v with { Value = slug + "-" + v.Culture![..2] } : v)] };
        var saved = await content.SaveAsync(new ContentEdit(key, node.ParentKey, node.ContentTypeAlias, data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded);
        var published = await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, [.. data.Cultures], "test", CancellationToken.None);
        Assert.True(published.Succeeded);
    }

    [Fact]
    public async Task A_link_to_a_page_follows_it_through_renames_and_moves_in_both_cultures_and_goes_when_it_does()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var target = await site.PublishRichPageAsync("target-" + id, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("目标页", Value("<p>目标</p>")),
            ["en-US"] = ("Target page", Value("<p>Target</p>")),
        });
        var shelf = await site.PublishRichPageAsync("shelf-" + id, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("书架", Value("<p>书架</p>")),
            ["en-US"] = ("Shelf", Value("<p>Shelf</p>")),
        });
        var link = $"<a type=\"document\" href=\"/{{localLink:{target:D}}}\">the target</a>";
        var page = await site.PublishRichPageAsync("linking-" + id, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("链接页", Value($"<p>见 {link}</p>")),
            ["en-US"] = ("Linking page", Value($"<p>See {link}</p>")),
        });
        try
        {
            var stored = (await site.Services.GetRequiredService<IContentService>().GetAsync(page, CancellationToken.None))!
                .CurrentVersion.Data.GetValue("bodyText", "en-US")!;
            Assert.Contains($"href=\"/{{localLink:{target:D}}}\"", EditorValues.RichTextMarkup(stored), StringComparison.Ordinal);

            Assert.Equal($"/en/about/target-{id}", await LinkOnPageAsync($"/en/about/linking-{id}"));
            Assert.Equal($"/zh/about/target-{id}", await LinkOnPageAsync($"/zh/about/linking-{id}"));

            await RenameAsync(target, "renamed-" + id);
            Assert.Equal($"/en/about/renamed-{id}-en", await LinkOnPageAsync($"/en/about/linking-{id}"));
            Assert.Equal($"/zh/about/renamed-{id}-zh", await LinkOnPageAsync($"/zh/about/linking-{id}"));

            var moved = await site.Services.GetRequiredService<IContentTreeService>().MoveAsync(target, shelf, Editor, CancellationToken.None);
            Assert.True(moved.Succeeded, moved.Status.ToString());
            Assert.Equal($"/en/about/shelf-{id}/renamed-{id}-en", await LinkOnPageAsync($"/en/about/linking-{id}"));

            var item = await site.GetAsync($"content/item/{page}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var markup = item.Json.GetProperty("properties").GetProperty("bodyText").GetProperty("markup").GetString()!;
            Assert.Contains($"href=\"/en/about/shelf-{id}/renamed-{id}-en\"", markup, StringComparison.Ordinal);

            var down = await site.Services.GetRequiredService<IPublishingService>().UnpublishAsync(target, "en-US", "test", CancellationToken.None);
            Assert.True(down.Succeeded);
            Assert.Null(await LinkOnPageAsync($"/en/about/linking-{id}"));
            Assert.Equal($"/zh/about/shelf-{id}/renamed-{id}-zh", await LinkOnPageAsync($"/zh/about/linking-{id}"));
        }
        finally
        {
            await site.RemoveAsync(page, target, shelf);
        }
    }
}
