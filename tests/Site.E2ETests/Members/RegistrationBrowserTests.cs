using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// The editor's announcement, made in the back office: three speakers, then a session with a two-day agenda typed
    /// into the block editor, the speakers picked by name, registration open and one place; each published.
    /// </summary>
    private async Task<(Guid Session, Guid[] Speakers)> AnnounceAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(Site.Core.Workflow.BackOfficeGroups.Editors));
        var speakers = new[]
        {
            await CreateAndPublishAsync(page, "speakerIndex", "speaker", [("#f-name-zh-CN", "甲示例" + tag), ("#f-name-en-US", "Jia Example " + tag),
                ("#f-v-organisation-zh-CN", "示例中学"), ("#f-v-organisation-en-US", "Example Middle School"), ("#f-v-umbracoUrlName-zh-CN", "e2e-reg-jia"), ("#f-v-umbracoUrlName-en-US", "e2e-reg-jia")]),
            await CreateAndPublishAsync(page, "speakerIndex", "speaker", [("#f-name-zh-CN", "乙示例" + tag), ("#f-name-en-US", "Yi Example " + tag),
                ("#f-v-organisation-zh-CN", "示例小学"), ("#f-v-organisation-en-US", "Example Primary School"), ("#f-v-umbracoUrlName-zh-CN", "e2e-reg-yi"), ("#f-v-umbracoUrlName-en-US", "e2e-reg-yi")]),
            await CreateAndPublishAsync(page, "speakerIndex", "speaker", [("#f-name-zh-CN", "丙示例" + tag), ("#f-name-en-US", "Bing Example " + tag),
                ("#f-v-organisation-zh-CN", "示例学院"), ("#f-v-organisation-en-US", "Example College"), ("#f-v-umbracoUrlName-zh-CN", "e2e-reg-bing"), ("#f-v-umbracoUrlName-en-US", "e2e-reg-bing")]),
        };
        var first = Today.AddDays(30);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string At(DateOnly day, int hour, int minute = 0) => $"{Day(day)}T{hour:00}:{minute:00}";

        (string Selector, string Value)[] fields =
        [
            ("#f-name-zh-CN", "示例会议（端到端测试）"), ("#f-name-en-US", "Sample session (E2E test)"),
            ("#f-v-title-zh-CN", "示例会议（端到端测试）"), ("#f-v-title-en-US", "Sample session (E2E test)"),
            ("#f-v-sessionNumber", "99"), ("#f-v-timeZone", "Asia/Shanghai"),
            ("#f-v-startDate", Day(first)), ("#f-v-endDate", Day(first.AddDays(1))),
            ("#f-v-venueCity-en-US", "Sample City"), ("#f-v-venueCity-zh-CN", "示例城市"),
            ("#f-v-theme-en-US", "A sample theme (test)"), ("#f-v-theme-zh-CN", "示例主题（测试）"),
            ("#f-v-registrationOpens", Day(Today.AddDays(-1))), ("#f-v-registrationCloses", Day(Today.AddDays(20))), ("#f-v-capacity", "1"),
            ("#f-v-umbracoUrlName-zh-CN", "sample-session-e2e"), ("#f-v-umbracoUrlName-en-US", "sample-session-e2e"),
        ];
        var session = await CreateAndPublishAsync(page, "sessionArchive", "session", fields, WriteAgendaAsync);
        return (session, speakers);

        async Task WriteAgendaAsync()
        {
            if (await BackOfficeBrowser.HasEditorBundleAsync(page))
            {
                await AddAgendaItemAsync(page, 0, At(first, 9), At(first, 10), "Keynote", ("主旨演讲（示例）", "Keynote (sample)"), ("一号厅", "Hall 1"), tag, ["Jia Example " + tag]);
                await AddAgendaItemAsync(page, 1, At(first, 10, 30), At(first, 12), "Panel", ("圆桌论坛（示例）", "Panel (sample)"), ("一号厅", "Hall 1"), tag, ["Yi Example " + tag, "Bing Example " + tag]);
                await AddAgendaItemAsync(page, 2, At(first.AddDays(1), 9), At(first.AddDays(1), 15), "School visit", ("学校参访（示例）", "School visits (sample)"), ("示例学校", "Sample schools"), null, []);
                await Axe.AssertNoViolationsAsync(page, "the session's form with its agenda");
                return;
            }

            // Without the editor's bundle (no Node.js when the site was built) the agenda is Umbraco's JSON in the field.
            string Time(DateOnly day, int hour, int minute = 0) => ProgrammeJson.At(day.Year, day.Month, day.Day, hour, minute);
            await page.Locator("textarea[name='v.agenda']").FillAsync(Agenda(
                Item(Guid.NewGuid(), Time(first, 9), Time(first, 10), AgendaKinds.Keynote, [speakers[0]], new(ChineseCulture, "主旨演讲（示例）", "一号厅"), new(EnglishCulture, "Keynote (sample)", "Hall 1")),
                Item(Guid.NewGuid(), Time(first, 10, 30), Time(first, 12), AgendaKinds.Panel, [speakers[1], speakers[2]], new(ChineseCulture, "圆桌论坛（示例）", "一号厅"), new(EnglishCulture, "Panel (sample)", "Hall 1")),
                Item(Guid.NewGuid(), Time(first.AddDays(1), 9), Time(first.AddDays(1), 15), AgendaKinds.SchoolVisit, [], new(ChineseCulture, "学校参访（示例）", "示例学校"), new(EnglishCulture, "School visits (sample)", "Sample schools"))));
        }
    }

    /// <summary>Fills the back office's create form for a <paramref name="type"/> under the one <paramref name="parentType"/>, saves, and publishes both languages.</summary>
    private async Task<Guid> CreateAndPublishAsync(IPage page, string parentType, string type, (string Selector, string Value)[] fields, Func<Task>? more = null)
    {
        var parent = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType(parentType).Single().Key;
        await page.GotoAsync($"/umbraco/content/create?parentId={parent}&type={type}");
        foreach (var (selector, value) in fields)
        {
            await page.Locator(selector).FillAsync(value);
        }

        if (more is not null)
        {
            await more();
        }

        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/content/create", StringComparison.Ordinal));
        await page.Locator("form.content-form button[type=submit]").ClickAsync();
        if ((await posted).Status != 302)
        {
            await page.WaitForLoadStateAsync();
            Assert.Fail($"Saving the {type} was refused: {string.Join(" ", await page.Locator(".error-summary").AllInnerTextsAsync())}");
        }

        await page.WaitForURLAsync("**/umbraco/content/*?done=created");
        var key = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish both languages" }).ClickAsync();
        await page.WaitForURLAsync("**?done=publish-all");
        return key;
    }

    /// <summary>
    /// Adds an agenda item in the block editor: times, kind, title and room in both languages, and the speakers found by
    /// <paramref name="search"/> in the picker's dialog and picked by name.
    /// </summary>
    private static async Task AddAgendaItemAsync(
        IPage page, int index, string start, string end, string kind, (string Chinese, string English) title, (string Chinese, string English) room, string? search, string[] speakers)
    {
        var editor = page.Locator("textarea[name='v.agenda'] + .blocklist");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add block" }).ClickAsync();
        var item = editor.Locator(".blocklist-item").Nth(index);
        await item.GetByLabel(new Regex("^Start")).FillAsync(start);
        await item.GetByLabel(new Regex("^End")).FillAsync(end);
        await item.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await item.GetByLabel(new Regex(@"^Title \(.*zh-CN")).FillAsync(title.Chinese);
        await item.GetByLabel(new Regex(@"^Title \(.*en-US")).FillAsync(title.English);
        await item.GetByLabel(new Regex(@"^Room \(.*zh-CN")).FillAsync(room.Chinese);
        await item.GetByLabel(new Regex(@"^Room \(.*en-US")).FillAsync(room.English);
        // The block's heading names it by its time and title in the editor's language.
        Assert.Equal($"{index + 1}. Agenda item — {start.Replace('T', ' ')} · {title.English}", await item.Locator("legend").First.InnerTextAsync());
        if (speakers.Length == 0)
        {
            return;
        }

        await item.GetByRole(AriaRole.Button, new() { Name = "Choose: Speaker" }).ClickAsync();
        var dialog = page.Locator("dialog.picker-dialog");
        await dialog.GetByLabel("Find by name").FillAsync(search!);
        await dialog.Locator(".hint[role=status]").Filter(new() { HasText = "3 found" }).WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "the speaker picker");
        foreach (var name in speakers)
        {
            var result = dialog.Locator("button.rte-link-result").Filter(new() { HasText = name });
            await result.ClickAsync();
            Assert.Equal("true", await result.GetAttributeAsync("aria-pressed"));
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // The picked speakers are listed by name, in the order picked.
        Assert.Equal(speakers, await item.Locator(".picker-items .picker-name").AllInnerTextsAsync());
    }
}
