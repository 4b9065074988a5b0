using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.BackOffice;

/// <summary>
/// The content tree with a mouse: an item dragged above or below a sibling takes its place, dropped onto another item
/// it moves under it, both saved at once; a move the content types do not allow shows the server's words.
/// </summary>
public sealed class ContentTreeBrowserTests(SiteServerFixture site)
{

    private async Task<Guid> NewPageAsync(Guid parent, string name)
    {
        var key = Guid.NewGuid();
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = name + "（中）", ["en-US"] = name },
            [new PropertyValue("title", "zh-CN", name + "（中）"), new PropertyValue("title", "en-US", name)]);
        var saved = await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, parent, "page", data), "e2e", CancellationToken.None);
        Assert.True(saved.Succeeded);
        return key;
    }

    private async Task<IReadOnlyList<Guid>> ChildrenAsync(Guid parent) =>
        [.. (await site.Services.GetRequiredService<IContentService>().GetChildrenAsync(parent, CancellationToken.None)).Select(n => n.Key)];

    private static ILocator Row(IPage page, Guid key) => page.Locator($"li[data-key='{key}'] > .tree-row");

    /// <summary>Drags one row onto a point of another: near its top edge, its bottom edge or its middle.</summary>
    private static async Task DragAsync(IPage page, Guid from, Guid to, double fraction)
    {
        var target = Row(page, to);
        var box = (await target.BoundingBoxAsync())!;
        await Row(page, from).Locator("a.tree-link").DragToAsync(target, new() { TargetPosition = new() { X = 40, Y = (float)(box.Height * fraction) } });
    }

    [Fact]
    public async Task Items_are_reordered_and_moved_by_drag_and_drop_and_a_refusal_shows_the_server_s_message()
    {
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;
        var newsIndex = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;
        var id = Guid.NewGuid().ToString("N")[..6];
        var shelf = await NewPageAsync(about, "Shelf " + id);
        var a = await NewPageAsync(shelf, "Alpha " + id);
        var b = await NewPageAsync(shelf, "Bravo " + id);
        var c = await NewPageAsync(shelf, "Charlie " + id);
        var box = await NewPageAsync(about, "Box " + id);

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(BackOfficeGroups.Editors));
        await page.GotoAsync($"/umbraco/content/{shelf}");
        await Row(page, c).WaitForAsync();
        Assert.Equal("true", await Row(page, a).GetAttributeAsync("draggable"));

        // Charlie dropped on the top edge of Alpha: first.
        await DragAsync(page, c, a, 0.1);
        await page.Locator($"li[data-key='{shelf}'] > ul > li:nth-child(1)[data-key='{c}']").WaitForAsync();
        Assert.Equal([c, a, b], await ChildrenAsync(shelf));
        Assert.Equal($"Charlie {id} moved.", await page.Locator("nav.tree [role=status]").InnerTextAsync());

        // Charlie dropped on the bottom edge of Bravo: last again.
        await DragAsync(page, c, b, 0.9);
        await page.Locator($"li[data-key='{shelf}'] > ul > li:nth-child(3)[data-key='{c}']").WaitForAsync();
        Assert.Equal([a, b, c], await ChildrenAsync(shelf));

        // Bravo dropped on the middle of Box: it moves under it.
        await DragAsync(page, b, box, 0.5);
        await page.Locator($"li[data-key='{b}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal([b], await ChildrenAsync(box));
        Assert.Equal([a, c], await ChildrenAsync(shelf));
        Assert.Equal($"Bravo {id} moved under Box {id}.", await page.Locator("nav.tree [role=status]").InnerTextAsync());

        // A page may not stand under the news: the server says so, and nothing moves. On a loaded machine a drop can
        // land while the tree is still settling from the last move and be ignored: nothing happens then, so try again.
        var refusal = page.Locator("nav.tree .tree-message");
        for (var attempt = 1; ; attempt++)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Row(page, newsIndex).ScrollIntoViewIfNeededAsync();
            await DragAsync(page, a, newsIndex, 0.5);
            try
            {
                await refusal.WaitForAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                Assert.Equal([a, c], await ChildrenAsync(shelf));
            }
        }

        Assert.False(string.IsNullOrWhiteSpace(await refusal.InnerTextAsync()));
        Assert.Equal([a, c], await ChildrenAsync(shelf));
        Assert.Equal(1, await page.Locator($"li[data-key='{shelf}'] > ul > li[data-key='{a}']").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "tree after drag and drop");
    }
}
