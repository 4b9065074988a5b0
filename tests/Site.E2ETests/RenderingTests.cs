using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>Chinese text is drawn with real glyphs (a CJK font is installed and used), and screenshots for people.</summary>
public sealed partial class RenderingTests(SiteServerFixture site)
{
    [Fact]
    public async Task Chinese_text_renders_with_real_glyphs_not_missing_glyph_boxes()
    {
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/zh/");
        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.Matches(Han(), heading);

        // Draws 中, 文 and a private-use character in the heading's font. Without a CJK font all three come out as the
        // same missing-glyph box; with one, the two ideographs differ from each other and from the box.
        var result = await page.EvaluateAsync<string[]>("""
            () => {
                const style = getComputedStyle(document.querySelector('h1'));
                const draw = ch => {
                    const canvas = document.createElement('canvas');
                    canvas.width = 64; canvas.height = 64;
                    const ctx = canvas.getContext('2d');
                    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 64, 64);
                    ctx.fillStyle = '#000'; ctx.textBaseline = 'top';
                    ctx.font = '48px ' + style.fontFamily;
                    ctx.fillText(ch, 4, 4);
                    const data = ctx.getImageData(0, 0, 64, 64).data;
                    let ink = 0, hash = 0;
                    for (let i = 0; i < data.length; i += 4) {
                        if (data[i] < 128) { ink++; hash = (hash * 31 + i) | 0; }
                    }
                    return ink + ':' + hash;
                };
                return [draw('中'), draw('文'), draw('\uE000'), style.fontFamily];
            }
            """);
        var (zhong, wen, box, family) = (result[0], result[1], result[2], result[3]);
        Assert.False(zhong.StartsWith("0:", StringComparison.Ordinal), "中 drew no pixels.");
        Assert.True(!string.Equals(zhong, wen, StringComparison.Ordinal) && !string.Equals(zhong, box, StringComparison.Ordinal),
            $"中 and 文 draw as the same shape (missing-glyph boxes) in '{family}': install a CJK font (apt-get install fonts-noto-cjk).");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Home_page_screenshot_is_saved_for_review(string prefix)
    {
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{prefix}/");

        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"home-{prefix}.png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        Assert.True(png.Length > 1000, "The screenshot is suspiciously small.");
        TestContext.Current.TestOutputHelper?.WriteLine("Screenshot: " + path);
        TestContext.Current.AddAttachment($"home-{prefix}.png", png, "image/png");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant)]
    private static partial Regex Han();
}
