using Microsoft.Playwright;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>Keyboard use, the language switcher and the session filters without JavaScript.</summary>
public sealed class NavigationTests(SiteServerFixture site)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task First_tab_focuses_the_skip_link_and_enter_moves_focus_to_main(string prefix)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(SitePages.Get("session").UrlFor(prefix));

        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? ''");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.matches('a.skip-link[href=\"#main\"]') === true"),
            "The first Tab should focus the skip link but focused: " + focused);
        var box = await page.Locator("a.skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "The focused skip link should be on screen.");

        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'main'");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "zh")]
    [InlineData("zh", "en")]
    public async Task Language_switcher_on_a_session_goes_to_the_same_session_in_the_other_language(string from, string to)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var session = SitePages.Get("session");
        await page.GotoAsync(session.UrlFor(from));
        var year = await page.Locator(".facts dd").Nth(1).InnerTextAsync();

        await page.Locator($"nav.lang-switch a[hreflang=\"{SitePages.Cultures[to]}\"]").ClickAsync();

        await page.WaitForURLAsync(site.Url(session.UrlFor(to)).ToString());
        Assert.Equal(SitePages.Cultures[to], await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(year, await page.Locator(".facts dd").Nth(1).InnerTextAsync());
        Assert.Equal(SitePages.Cultures[to], await page.Locator("nav.lang-switch .current").GetAttributeAsync("lang"));
    }

    [Theory]
    [InlineData("en", "Abroad")]
    [InlineData("zh", "境外")]
    public async Task Session_filters_work_without_javascript(string prefix, string abroad)
    {
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(SitePages.Get("session-archive").UrlFor(prefix));
        var all = await SessionLinksAsync(page);
        Assert.Contains($"/{prefix}/sessions/10th-forum-2014", all);

        await page.Locator("nav.filters").GetByRole(AriaRole.Link, new() { Name = abroad, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("location=abroad", StringComparison.Ordinal));
        var shown = await SessionLinksAsync(page);
        Assert.Contains($"/{prefix}/sessions/13th-forum-2017", shown); // Tampere, Finland
        Assert.DoesNotContain($"/{prefix}/sessions/10th-forum-2014", shown); // Zhenjiang, China
        Assert.True(shown.Count < all.Count, $"Abroad shows {shown.Count} of {all.Count} sessions.");
        Assert.Equal("true", await page.Locator("nav.filters").GetByRole(AriaRole.Link, new() { Name = abroad, Exact = true }).GetAttributeAsync("aria-current"));
    }

    private static async Task<List<string>> SessionLinksAsync(IPage page)
    {
        var links = page.Locator(".session-card .card-title a");
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync())
        {
            hrefs.Add(await link.GetAttributeAsync("href") ?? string.Empty);
        }

        return hrefs;
    }
}
