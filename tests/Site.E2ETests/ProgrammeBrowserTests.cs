using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Programme;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.E2ETests;

/// <summary>
/// A session with a two-day programme in Chromium: no axe violation in either language, nothing scrolls sideways on a
/// 390 px phone, and printing shows the timetable without the site's header, navigation and footer.
/// </summary>
public sealed class ProgrammeBrowserTests(SiteServerFixture site)
{
    private static readonly BackOfficeUser Remover = new("admin@e2e", "Admin", new HashSet<string> { BackOfficeGroups.Administrators });

    [Fact]
    public async Task A_two_day_programme_passes_axe_fits_a_390px_phone_and_prints_without_the_sites_chrome()
    {
        var speaker = await site.PublishNewAsync("speakerIndex", "speaker", Speaker("孙示例", "Sun Example", "示例小学", "Example Primary School", urlName: "e2e-sun-example"));
        var agenda = Agenda(
            Item(Guid.NewGuid(), At(2026, 11, 3, 9, 0), At(2026, 11, 3, 9, 45), AgendaKinds.Keynote, [speaker],
                new(ChineseCulture, "开幕主旨演讲：面向未来的学校领导力", "国际会议中心一号报告厅", "示例描述。"),
                new(EnglishCulture, "Opening keynote: school leadership for the future", "International Conference Centre, Auditorium 1", "Sample description.")),
            Item(Guid.NewGuid(), At(2026, 11, 3, 10, 0), At(2026, 11, 3, 11, 30), AgendaKinds.Seminar, [speaker],
                new(ChineseCulture, "分组研讨 A", "二号厅"), new(EnglishCulture, "Seminar A", "Hall 2")),
            Item(Guid.NewGuid(), At(2026, 11, 3, 10, 0), At(2026, 11, 3, 11, 30), AgendaKinds.Panel, [],
                new(ChineseCulture, "圆桌论坛", "三号厅"), new(EnglishCulture, "Panel of principals", "Hall 3")),
            Item(Guid.NewGuid(), At(2026, 11, 3, 11, 30), At(2026, 11, 3, 12, 0), AgendaKinds.Break, [],
                new(ChineseCulture, "茶歇", null), new(EnglishCulture, "Tea break", null)),
            Item(Guid.NewGuid(), At(2026, 11, 4, 8, 30), At(2026, 11, 4, 16, 0), AgendaKinds.SchoolVisit, [],
                new(ChineseCulture, "学校参访", "示例学校"), new(EnglishCulture, "School visits", "Example schools")));
        var session = await site.PublishNewAsync("sessionArchive", "session", Session("示例日程（测试）", "Sample programme (test)", "Asia/Shanghai", agenda, "2026-11-03", "2026-11-04", "e2e-programme",
            [(ChineseCulture, "示例会场", "江苏省南京市示例路1号"), (EnglishCulture, "Sample venue", "1 Sample Road, Nanjing")]));
        try
        {
            await using var phone = await site.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                DeviceScaleFactor = 2,
            });
            var page = await phone.NewPageAsync();
            foreach (var path in new[] { "/en/sessions/e2e-programme", "/zh/sessions/e2e-programme" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                Assert.Equal(2, await page.Locator("main .agenda-day").CountAsync());
                Assert.Equal(5, await page.Locator("main .agenda-item").CountAsync());
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                Assert.True(widths[0] <= widths[1], $"{path} scrolls sideways at 390px: scrollWidth {widths[0]} > innerWidth {widths[1]}.");
                await Axe.AssertNoViolationsAsync(page, path + " at 390px");
            }

            await using var desktop = await site.NewContextAsync();
            var wide = await desktop.NewPageAsync();
            await wide.GotoAsync("/en/sessions/e2e-programme");
            await Axe.AssertNoViolationsAsync(wide, "/en/sessions/e2e-programme");
            await wide.GotoAsync("/en/speakers/e2e-sun-example");
            Assert.Equal(2, await wide.Locator("main .speaker-items li").CountAsync());
            await Axe.AssertNoViolationsAsync(wide, "/en/speakers/e2e-sun-example");

            await wide.GotoAsync("/en/sessions/e2e-programme");
            await wide.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            foreach (var chrome in new[] { ".site-header", ".main-nav", ".site-footer", ".breadcrumbs", ".add-to-calendar", ".pager" })
            {
                var shown = await wide.Locator(chrome).EvaluateAllAsync<int>("all => all.filter(e => e.checkVisibility()).length");
                Assert.True(shown == 0, $"{shown} of {chrome} printed.");
            }

            Assert.True(await wide.Locator("main h1").IsVisibleAsync());
            Assert.True(await wide.Locator("main .agenda-table").First.IsVisibleAsync());
            Assert.Equal("table-header-group", await wide.Locator("main .agenda-table thead").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
            Assert.Equal("avoid", await wide.Locator("main .agenda-table tr").First.EvaluateAsync<string>("e => getComputedStyle(e).breakInside"));
        }
        finally
        {
            var tree = site.Services.GetRequiredService<IContentTreeService>();
            await tree.TrashAsync(session, Remover, CancellationToken.None);
            await tree.TrashAsync(speaker, Remover, CancellationToken.None);
            await tree.EmptyRecycleBinAsync(Remover, CancellationToken.None);
        }
    }
}
