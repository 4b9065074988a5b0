using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>Every page type in both languages, in a real browser: status, language, heading and axe.</summary>
public sealed class PageTests(SiteServerFixture site)
{
    public static TheoryData<string, string> Pages => SitePages.EveryPageInEveryCulture();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_in_its_language_with_a_heading_and_no_axe_violations(string prefix, string pageName)
    {
        var sitePage = SitePages.Get(pageName);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var url = sitePage.UrlFor(prefix);

        var response = await page.GotoAsync(url);

        Assert.NotNull(response);
        Assert.Equal(sitePage.Status, response.Status);
        Assert.Equal(SitePages.Cultures[prefix], await page.Locator("html").GetAttributeAsync("lang"));
        var heading = page.Locator("h1");
        Assert.Equal(1, await heading.CountAsync());
        Assert.False(string.IsNullOrWhiteSpace(await heading.InnerTextAsync()), $"The h1 on {url} is empty.");
        await Axe.AssertNoViolationsAsync(page, url);
    }

    [Fact]
    public async Task Axe_check_reports_violations_so_a_pass_means_something()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<!DOCTYPE html><html><head><title>control</title></head><body><main><img src="data:,"></main></body></html>""");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Axe.AssertNoViolationsAsync(page, "control page"));

        Assert.Contains("html-has-lang", failure.Message, StringComparison.Ordinal);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("target img", failure.Message, StringComparison.Ordinal);
    }
}
