using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Site.Core.Content;
using Site.Core.Programme;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using Site.E2ETests.Infrastructure;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.E2ETests.Members;

/// <summary>
/// An editor announces a session with a two-day agenda and three speakers; in Chromium the home page leads with it in
/// both languages; members register through the member area until the places are taken (the mail carries a valid
/// calendar file), the next is wait-listed, and a cancellation moves them up, each told by mail; no axe violations on
/// the way, and the registration page fits a 390px phone.
/// </summary>
public sealed class RegistrationBrowserTests(SiteServerFixture site)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_announced_session_leads_the_home_page_and_members_register_wait_and_move_up_with_no_axe_violations()
    {
        var (session, speakers) = await AnnounceAsync();
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

            // The announced session's page has its programme with the three speakers.
            await home.GotoAsync("/en/sessions/sample-session-e2e");
            Assert.Equal(2, await home.Locator("main .agenda-day").CountAsync());
            Assert.Equal(3, await home.Locator("main .agenda-item a[href^='/en/speakers/e2e-reg-']").CountAsync());
            await Axe.AssertNoViolationsAsync(home, "the announced session's page");

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
            var confirmation = await MemberBrowser.MailAsync(site, firstEmail, m => m.Subject == "Your place at Sample session (E2E test)");
            // The mail's calendar file holds the two days of the agenda, in the session's time zone.
            var ics = confirmation.Attachments.OfType<MimePart>().Single(a => a.FileName == "session.ics");
            using (var text = new MemoryStream())
            {
                await ics.Content!.DecodeToAsync(text);
                var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(text.ToArray()))!;
                Assert.Equal(2, calendar.Events.Count);
                var opening = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First();
                Assert.Equal("Asia/Shanghai", opening.DtStart!.TzId);
                Assert.Equal(new DateTime(Today.AddDays(30), new TimeOnly(1, 0), DateTimeKind.Utc), opening.DtStart.AsUtc); // 09:00 in Shanghai
            }


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
            foreach (var key in speakers.Prepend(session))
            {
                foreach (var culture in new[] { EnglishCulture, ChineseCulture })
                {
                    await publishing.UnpublishAsync(key, culture, "e2e", CancellationToken.None);
                }
            }
        }
    }

    /// <summary>The editor's announcement: three speakers and a session with a two-day agenda, registration open, one place.</summary>
    private async Task<(Guid Session, Guid[] Speakers)> AnnounceAsync()
    {
        var speakers = new[]
        {
            await site.PublishNewAsync("speakerIndex", "speaker", Speaker("甲示例", "Jia Example", "示例中学", "Example Middle School", urlName: "e2e-reg-jia")),
            await site.PublishNewAsync("speakerIndex", "speaker", Speaker("乙示例", "Yi Example", "示例小学", "Example Primary School", urlName: "e2e-reg-yi")),
            await site.PublishNewAsync("speakerIndex", "speaker", Speaker("丙示例", "Bing Example", "示例学院", "Example College", urlName: "e2e-reg-bing")),
        };
        var first = Today.AddDays(30);
        string At(DateOnly day, int hour, int minute) => ProgrammeJson.At(day.Year, day.Month, day.Day, hour, minute);
        var agenda = Agenda(
            Item(Guid.NewGuid(), At(first, 9, 0), At(first, 10, 0), AgendaKinds.Keynote, [speakers[0]],
                new(ChineseCulture, "主旨演讲（示例）", "一号厅"), new(EnglishCulture, "Keynote (sample)", "Hall 1")),
            Item(Guid.NewGuid(), At(first, 10, 30), At(first, 12, 0), AgendaKinds.Panel, [speakers[1], speakers[2]],
                new(ChineseCulture, "圆桌论坛（示例）", "一号厅"), new(EnglishCulture, "Panel (sample)", "Hall 1")),
            Item(Guid.NewGuid(), At(first.AddDays(1), 9, 0), At(first.AddDays(1), 15, 0), AgendaKinds.SchoolVisit, [],
                new(ChineseCulture, "学校参访（示例）", "示例学校"), new(EnglishCulture, "School visits (sample)", "Sample schools")));
        var data = Session("示例会议（端到端测试）", "Sample session (E2E test)", "Asia/Shanghai", agenda,
            first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "sample-session-e2e");
        string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data = data with
        {
            Values =
            [
                .. data.Values,
                new("venueCity", EnglishCulture, "Sample City"),
                new("venueCity", ChineseCulture, "示例城市"),
                new("theme", EnglishCulture, "A sample theme (test)"),
                new("theme", ChineseCulture, "示例主题（测试）"),
                new("registrationOpens", null, Day(-1)),
                new("registrationCloses", null, Day(20)),
                new("capacity", null, "1"),
            ],
        };
        return (await site.PublishNewAsync("sessionArchive", "session", data), speakers);
    }
}
