using System.Net;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The content tree: the path to the open item opened, other levels fetched on demand, per-culture status, a search box.</summary>
public sealed class ContentTreeScreenTests(SiteFactory site)
{
    private static readonly Guid Home = Guid.Parse("d316c10c-a66f-50f2-a676-02ca2628221d");
    private static readonly Guid Sessions = Guid.Parse("e4eebe0c-1d1b-58b7-b468-71765707bd64");
    private static readonly Guid Session13 = Guid.Parse("66a338ba-9ad1-55e3-ae79-5f26d1274594");
    private static readonly Guid News = Guid.Parse("ae8bc759-188d-5ed6-b17c-3a8e892fb009");

    [Fact]
    public async Task The_path_to_the_open_item_is_open_and_other_levels_wait_to_be_fetched()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);

        var (response, page) = await editor.GetAsync($"/umbraco/content/{Session13}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tree = page.QuerySelector("nav.tree .tree-root")!;
        Assert.NotNull(tree.QuerySelector($"li[data-key='{Home}'] > .tree-row > button.tree-toggle[aria-expanded='true']"));
        Assert.NotNull(tree.QuerySelector($"li[data-key='{Sessions}'] > .tree-row > button.tree-toggle[aria-expanded='true']"));
        var current = tree.QuerySelector($"li[data-key='{Session13}'] a[aria-current='page']");
        Assert.NotNull(current);
        // A sibling level that is not on the path is closed and empty: it is fetched when opened.
        var news = tree.QuerySelector($"li[data-key='{News}']")!;
        Assert.Equal("false", news.QuerySelector(".tree-toggle")!.GetAttribute("aria-expanded"));
        Assert.Empty(news.QuerySelectorAll("ul li"));
        // Each language's state, in words for screen readers.
        var states = tree.QuerySelector($"li[data-key='{Session13}'] .tree-states")!.TextContent;
        Assert.Contains("zh-CN", states, StringComparison.Ordinal);
        Assert.Contains("en-US", states, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("head script[src^='/umbraco/tree.js']"));
        // An item whose type takes children offers to create one; a session (no children allowed) does not.
        Assert.NotNull(tree.QuerySelector($"li[data-key='{Sessions}'] > .tree-row > a.tree-create[href='/umbraco/content/{Sessions}#create-child']"));
        Assert.Null(tree.QuerySelector($"li[data-key='{Session13}'] > .tree-row > a.tree-create"));
    }

    [Fact]
    public async Task A_level_is_fetched_as_list_items_with_each_languages_state()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);

        var (response, fragment) = await editor.GetAsync($"/umbraco/tree/children?parent={Sessions}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = fragment.QuerySelectorAll("body > li");
        Assert.True(items.Length >= 20, $"{items.Length} sessions");
        var thirteenth = fragment.QuerySelector($"li[data-key='{Session13}']")!;
        Assert.Equal(2, thirteenth.QuerySelectorAll(".tree-state").Length);
        Assert.All(thirteenth.QuerySelectorAll(".tree-state"), s => Assert.Contains("tree-published", s.ClassName, StringComparison.Ordinal));
        Assert.Null(fragment.QuerySelector("html > head > title"));
    }

    [Fact]
    public async Task The_search_box_finds_items_by_a_name_in_either_language_with_or_without_script()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);

        var (page, document) = await editor.GetAsync("/umbraco/tree/find?q=" + Uri.EscapeDataString("第十三届"));
        var (_, fragment) = await editor.GetAsync("/umbraco/tree/find?partial=true&q=13th");
        var (_, none) = await editor.GetAsync("/umbraco/tree/find?q=" + Uri.EscapeDataString("no such name at all"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(document.QuerySelector($"main a[href='/umbraco/content/{Session13}']"));
        Assert.NotNull(fragment.QuerySelector($"a[href='/umbraco/content/{Session13}']"));
        Assert.Null(fragment.QuerySelector("main"));
        Assert.NotNull(none.QuerySelector(".tree-found-none"));
    }

    [Fact]
    public async Task The_tree_is_for_signed_in_editors_only()
    {
        using var client = site.CreateBrowserClient();
        var response = await client.GetAsync(new Uri($"/umbraco/tree/children?parent={Sessions}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
