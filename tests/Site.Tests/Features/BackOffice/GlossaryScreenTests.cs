using System.Net;
using System.Text.Json;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The glossary screen at /umbraco/glossary: editors add, change and delete entries; search follows at once; the history restores.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class GlossaryScreenTests(SiteFactory site)
{
    [Fact]
    public async Task Writers_are_refused_the_glossary_and_translators_may_keep_it()
    {
        using var writer = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/umbraco/glossary")).Response.StatusCode);
        using var translator = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Translators, "zh-CN");
        var (response, page) = await translator.GetAsync("/umbraco/glossary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("人工智能", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_an_entry_that_search_uses_at_once_changes_and_deletes_it_and_restores_it_from_the_history()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        Assert.False(await FindsAsync("坦佩雷大厅", "zh-CN", "/sessions/13th-forum-2017", expected: false));

        // Too few terms: the form comes back with a message and what was typed.
        var (refused, refusedPage) = await editor.SubmitAsync("/umbraco/glossary", new Dictionary<string, string> { ["terms[en-US]"] = "Tampere Hall" }, "form[action='/umbraco/glossary']");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at least two terms", refusedPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tampere Hall", refusedPage.QuerySelector("#f-new-en-US")!.TextContent);

        var (added, _) = await editor.SubmitAsync("/umbraco/glossary",
            new Dictionary<string, string> { ["terms[en-US]"] = "Tampere Hall", ["terms[zh-CN]"] = "坦佩雷大厅" }, "form[action='/umbraco/glossary']");
        Assert.Equal("/umbraco/glossary?done=saved", added.Headers.Location!.OriginalString);
        Assert.True(await FindsAsync("坦佩雷大厅", "zh-CN", "/sessions/13th-forum-2017"));

        var (_, list) = await editor.GetAsync("/umbraco/glossary?text=" + Uri.EscapeDataString("坦佩雷"));
        var link = Assert.Single(list.QuerySelectorAll("main table.glossary a")).GetAttribute("href")!;
        try
        {
            var (changed, _) = await editor.SubmitAsync(link, new Dictionary<string, string> { ["terms[en-US]"] = "Tampere Hall; Tampere-talo", ["terms[zh-CN]"] = "坦佩雷大厅" }, $"form[action='{link}']");
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            var (deleted, _) = await editor.SubmitAsync(link, new Dictionary<string, string>(), $"form[action='{link}/delete']");
            Assert.Equal("/umbraco/glossary?done=deleted", deleted.Headers.Location!.OriginalString);
            Assert.False(await FindsAsync("坦佩雷大厅", "zh-CN", "/sessions/13th-forum-2017", expected: false));

            var (_, history) = await editor.GetAsync(link);
            Assert.Equal(3, history.QuerySelectorAll("main tbody tr").Length);
            var restore = history.QuerySelectorAll("main tbody form").Select(f => f.GetAttribute("action")!).First();
            var (restored, _) = await editor.SubmitAsync(link, new Dictionary<string, string>(), $"form[action='{restore}']");
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.True(await FindsAsync("Tampere-talo", "zh-CN", "/sessions/13th-forum-2017"));
        }
        finally
        {
            // Leave the glossary as shipped: delete whatever entry holds the test's terms now.
            var (_, now) = await editor.GetAsync("/umbraco/glossary?text=" + Uri.EscapeDataString("坦佩雷"));
            foreach (var entry in now.QuerySelectorAll("main table.glossary a").Select(a => a.GetAttribute("href")!).ToList())
            {
                await editor.SubmitAsync(entry, new Dictionary<string, string>(), $"form[action='{entry}/delete']");
            }
        }
    }

    /// <summary>Whether the search finds the page, once the index has taken the change (it follows the snapshot in the background).</summary>
    private async Task<bool> FindsAsync(string query, string culture, string path, bool expected = true)
    {
        using var client = site.CreateClient();
        var found = false;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}&culture={culture}", UriKind.Relative)));
            found = json.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("url").GetString()!.EndsWith(path, StringComparison.Ordinal));
            if (found == expected)
            {
                break;
            }

            await Task.Delay(50);
        }

        return found;
    }
}
