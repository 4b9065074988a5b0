using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.Members;

/// <summary>
/// An announced session in Chromium: the home page leads with it in both languages; members register through the
/// member area until the places are taken, the next is wait-listed, and a cancellation moves them up, each told by
/// mail; no axe violations on the way, and the registration page fits a 390px phone.
/// </summary>
public sealed class RegistrationBrowserTests(SiteServerFixture site)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Members_register_until_the_places_are_taken_then_wait_and_move_up_with_no_axe_violations()
    {
        var session = await PublishSessionAsync();
        try
        {
            await using var visitor = await site.NewContextAsync();
            var home = await visitor.NewPageAsync();
            foreach (var (prefix, heading, title) in new[] { ("en", "Next session", "Sample session (E2E test)"), ("zh", "下一届论坛", "示例会议（端到端测试）") })
            {
                await home.GotoAsync($"/{prefix}/");
                var lead = home.Locator("main .next-session");
                Assert.Equal(heading, await lead.Locator("h2").InnerTextAsync());
                Assert.Equal(title, await lead.Locator("h3").InnerTextAsync());
                await Axe.AssertNoViolationsAsync(home, prefix + " home with the next session");
            }

            // The call to register leads a visitor through log-in.
            await home.GotoAsync("/en/");
            await home.Locator("main .next-session a.button").ClickAsync();
            await home.WaitForURLAsync("**/en/member/login?**");

            await using var firstContext = await site.NewContextAsync();
            var first = await firstContext.NewPageAsync();
            var firstEmail = $"e2e-first-{Guid.NewGuid():N}@example.org";
            await MemberBrowser.RegisterAndLogInAsync(site, first, "en", firstEmail, "First E2E Principal");
            await first.GotoAsync("/en/member/registration");
            await Axe.AssertNoViolationsAsync(first, "registration, open");
            await first.Locator("main form button[type=submit]").ClickAsync();
            await first.WaitForURLAsync("**/en/member/registration?done=registered");
            Assert.Equal("Place confirmed", await first.Locator(".registration-confirmed").InnerTextAsync());
            await Axe.AssertNoViolationsAsync(first, "registration, confirmed");
            await MemberBrowser.MailAsync(site, firstEmail, m => m.Subject == "Your place at Sample session (E2E test)");

            await using var secondContext = await site.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
            });
            var second = await secondContext.NewPageAsync();
            var secondEmail = $"e2e-second-{Guid.NewGuid():N}@example.org";
            await MemberBrowser.RegisterAndLogInAsync(site, second, "zh", secondEmail, "第二位校长", "zh-CN");
            await second.GotoAsync("/zh/member/registration");
            Assert.Equal("加入候补名单", await second.Locator("main form button[type=submit]").InnerTextAsync());
            await second.Locator("main form button[type=submit]").ClickAsync();
            await second.WaitForURLAsync("**/zh/member/registration?done=waitlisted");
            Assert.Equal("候补中", await second.Locator(".registration-waitlisted").InnerTextAsync());
            Assert.True(await second.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390px");
            await Axe.AssertNoViolationsAsync(second, "registration, waiting list, 390px");
            await MemberBrowser.MailAsync(site, secondEmail, m => m.Subject == "候补名单：示例会议（端到端测试）");

            await first.GotoAsync("/en/member/registration");
            await first.Locator("main form button[type=submit]").ClickAsync();
            await first.WaitForURLAsync("**/en/member/registration?done=cancelled");
            await Axe.AssertNoViolationsAsync(first, "registration, cancelled");
            await MemberBrowser.MailAsync(site, secondEmail, m => m.Subject == "您已获得参会名额：示例会议（端到端测试）");
            await second.ReloadAsync();
            Assert.Equal("名额已确认", await second.Locator(".registration-confirmed").InnerTextAsync());
        }
        finally
        {
            var publishing = site.Services.GetRequiredService<IPublishingService>();
            foreach (var culture in new[] { "en-US", "zh-CN" })
            {
                await publishing.UnpublishAsync(session, culture, "e2e", CancellationToken.None);
            }
        }
    }

    private async Task<Guid> PublishSessionAsync()
    {
        var archive = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("sessionArchive").Single();
        string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var values = new List<PropertyValue>
        {
            new("title", "en-US", "Sample session (E2E test)"),
            new("title", "zh-CN", "示例会议（端到端测试）"),
            new("umbracoUrlName", "en-US", "sample-session-e2e"),
            new("umbracoUrlName", "zh-CN", "sample-session-e2e"),
            new("venueCity", "en-US", "Sample City"),
            new("venueCity", "zh-CN", "示例城市"),
            new("theme", "en-US", "A sample theme (test)"),
            new("theme", "zh-CN", "示例主题（测试）"),
            new("sessionNumber", null, "98"),
            new("startDate", null, Day(30)),
            new("endDate", null, Day(31)),
            new("registrationOpens", null, Day(-1)),
            new("registrationCloses", null, Day(20)),
            new("capacity", null, "1"),
        };
        var key = Guid.NewGuid();
        var data = new ContentData(new Dictionary<string, string> { ["en-US"] = "Sample session (E2E test)", ["zh-CN"] = "示例会议（端到端测试）" }, values);
        var saved = await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, archive.Key, "session", data), "e2e", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        Assert.True((await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["en-US", "zh-CN"], "e2e", CancellationToken.None)).Succeeded);
        return key;
    }
}
