using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>
/// The footer with every site setting filled in (filing numbers, contact, copyright, the WeChat QR code, links), on a
/// 390px phone in both languages: nothing sticks out sideways, the QR code loads with its alt text, and axe passes.
/// </summary>
public sealed class SiteFooterBrowserTests(SiteServerFixture site)
{
    private static readonly Guid Settings = Guid.Parse("a7d3c1e2-5b64-5f0e-9c2d-3e8f1a6b4c70"); // uSync Content/网站设置.config

    private static readonly BackOfficeUser Uploader = new("editor@e2e", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task A_filled_in_footer_fits_a_390px_phone_in_both_languages_with_no_axe_violations()
    {
        using var image = NetVips.Image.Black(300, 300, bands: 3).Linear(new double[] { 1, 1, 1 }, new double[] { 20, 20, 20 }).Cast(NetVips.Enums.BandFormat.Uchar);
        var uploaded = await site.Services.GetRequiredService<IMediaService>().UploadAsync(new MemoryStream(image.JpegsaveBuffer()), "e2e-wechat-qr.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "微信公众号二维码（测试）", ["en-US"] = "WeChat QR code (test)" }, new FocalPoint(0.5, 0.5), Uploader, CancellationToken.None);
        Assert.True(uploaded.Succeeded);
        var qr = $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{uploaded.Item!.Key}}","mediaTypeAlias":"Image"}]""";

        var content = site.Services.GetRequiredService<IContentService>();
        var publishing = site.Services.GetRequiredService<IPublishingService>();
        var before = (await content.GetAsync(Settings, CancellationToken.None))!;
        var filled = new[]
        {
            new PropertyValue("icpNumber", null, "苏ICP备00000000号-1"),
            new PropertyValue("publicSecurityNumber", null, "苏公网安备32000000000000号"),
            new PropertyValue("email", null, "a-rather-long-address-for-the-forum@example.org"),
            new PropertyValue("phone", null, "+86 25 0000 0000"),
            new PropertyValue("weiboUrl", null, "https://weibo.com/example"),
            new PropertyValue("wechatQr", null, qr),
            new PropertyValue("wechatName", "zh-CN", "测试公众号"),
            new PropertyValue("wechatName", "en-US", "Test account"),
            new PropertyValue("copyright", "zh-CN", "© 2026 测试版权声明"),
            new PropertyValue("copyright", "en-US", "© 2026 Test copyright line"),
            new PropertyValue("address", "zh-CN", "测试地址：江苏省南京市某路某号"),
            new PropertyValue("address", "en-US", "Test address, a long street name, Nanjing, Jiangsu"),
            new PropertyValue("socialLinks", "en-US", """[{"name": "Test link", "url": "https://example.org/account"}]"""),
        };
        Assert.True((await content.SaveAsync(new ContentEdit(Settings, null, "siteSettings", before.CurrentVersion.Data with
        {
            Values = [.. before.CurrentVersion.Data.Values.Where(v => !filled.Any(f => f.Alias == v.Alias && f.Culture == v.Culture)), .. filled],
        }), "e2e", CancellationToken.None)).Succeeded);
        Assert.True((await publishing.PublishAsync(Settings, ["zh-CN", "en-US"], "e2e", CancellationToken.None)).Succeeded);
        try
        {
            await using var context = await site.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                DeviceScaleFactor = 2,
            });
            var page = await context.NewPageAsync();
            foreach (var (path, alt) in new[] { ("/zh/", "微信公众号二维码（测试）"), ("/en/sessions", "WeChat QR code (test)") })
            {
                Assert.Equal(200, (await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load }))?.Status);
                var footer = page.Locator("body > footer");
                Assert.Equal(2, await footer.Locator(".footer-legal a").CountAsync());
                var img = footer.Locator(".footer-wechat img");
                await img.ScrollIntoViewIfNeededAsync();
                Assert.Equal(alt, await img.GetAttributeAsync("alt"));
                await page.WaitForFunctionAsync("() => document.querySelector('.footer-wechat img').complete");
                Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, $"the QR code on {path} did not load");
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                Assert.True(widths[0] <= widths[1], $"{path} scrolls sideways at 390px: scrollWidth {widths[0]} > innerWidth {widths[1]}");
                await Axe.AssertNoViolationsAsync(page, path + " with a filled-in footer at 390px");
            }
        }
        finally
        {
            Assert.True((await content.SaveAsync(new ContentEdit(Settings, null, "siteSettings", before.CurrentVersion.Data), "e2e", CancellationToken.None)).Succeeded);
            Assert.True((await publishing.PublishAsync(Settings, ["zh-CN", "en-US"], "e2e", CancellationToken.None)).Succeeded);
        }
    }
}
