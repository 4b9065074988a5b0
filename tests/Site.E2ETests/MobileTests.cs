using Microsoft.Playwright;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>A few pages on a 375px-wide phone: nothing sticks out sideways, and axe still passes.</summary>
public sealed class MobileTests(SiteServerFixture site)
{
    public static TheoryData<string, string> MobilePages => new()
    {
        { "zh", "home" },
        { "en", "home" },
        { "zh", "session-archive" },
        { "en", "session-archive" },
        { "zh", "session" },
        { "en", "session" },
        { "zh", "news-article" },
        { "en", "partner-story" },
    };

    [Theory]
    [MemberData(nameof(MobilePages))]
    public async Task Page_fits_a_375px_phone_without_horizontal_scrolling_and_has_no_axe_violations(string prefix, string pageName)
    {
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        var url = SitePages.Get(pageName).UrlFor(prefix);

        var response = await page.GotoAsync(url);

        Assert.Equal(200, response?.Status);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{url} scrolls sideways at 375px: scrollWidth {widths[0]} > innerWidth {widths[1]}.{await WidestElementsAsync(page)}");
        await Axe.AssertNoViolationsAsync(page, url + " at 375px");
    }

    /// <summary>For the failure message: the elements that stick out past the viewport.</summary>
    private static async Task<string> WidestElementsAsync(IPage page)
    {
        var culprits = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 10)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '')
                    + ' right=' + Math.round(e.getBoundingClientRect().right))
            """);
        return culprits.Length == 0 ? string.Empty : " Too wide: " + string.Join(", ", culprits);
    }
}
