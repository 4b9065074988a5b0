using System.Text;
using Microsoft.Playwright;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.Members;

/// <summary>Registration, confirmation and log-in in Chromium, with axe on every page on the way and the Nu checker on the member area.</summary>
public sealed class MemberBrowserTests(SiteServerFixture site)
{
    private const string Password = "a long and memorable passphrase";

    [Theory]
    [InlineData("zh", "zh-CN", "注册", "用户登录", "会员中心")]
    [InlineData("en", "en-US", "Register", "Log in", "My account")]
    public async Task A_visitor_registers_confirms_and_logs_in_with_no_axe_violations(string prefix, string culture, string register, string logIn, string account)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"e2e-{prefix}-{Guid.NewGuid():N}@example.org";

        await page.GotoAsync($"/{prefix}/");
        await page.Locator($".member-box a[href='/{prefix}/member/register']").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/member/register");
        Assert.Equal(register, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(page, "register");

        // A mistake first: the page comes back with what was typed and a message per field.
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync("short");
        await page.Locator("#f-Name").FillAsync("E2E 校长");
        await page.Locator("main button[type=submit]").ClickAsync();
        Assert.Equal(email, await page.Locator("#f-Email").InputValueAsync());
        Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
        Assert.Equal(1, await page.Locator("#f-Password-error").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "register with errors");

        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("#f-School").FillAsync("Suzhou High School");
        await page.Locator("#f-Position").FillAsync("Principal");
        await page.Locator("#f-City").FillAsync("Suzhou");
        await page.Locator("#f-Country").FillAsync("China");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/member/check-email?for=register");
        await Axe.AssertNoViolationsAsync(page, "check email");

        await page.GotoAsync(MemberBrowser.LinkIn(await MemberBrowser.MailAsync(site, email, _ => true)));
        Assert.Equal(200, (await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus")));
        await Axe.AssertNoViolationsAsync(page, "confirmed");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = logIn }).ClickAsync();

        await page.WaitForURLAsync($"**/{prefix}/member/login");
        await Axe.AssertNoViolationsAsync(page, "login");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/member");
        Assert.Equal(account, await page.Locator("h1").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "account");

        foreach (var path in new[] { "profile", "email", "password", "applications/new", "delete" })
        {
            await page.GotoAsync($"/{prefix}/member/{path}");
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Axe.AssertNoViolationsAsync(page, path);
        }

        await page.GotoAsync($"/{prefix}/");
        await page.Locator(".member-box button").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/");
        Assert.Equal(1, await page.Locator($".member-box a[href='/{prefix}/member/register']").CountAsync());
    }

    [Fact]
    public async Task The_member_area_is_valid_html()
    {
        var checker = HtmlValidityTests.RequireChecker();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"e2e-html-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/en/member/register");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("#f-Name").FillAsync("HTML Checker");
        await page.Locator("#f-School").FillAsync("W3C School");
        await page.Locator("#f-Position").FillAsync("Principal");
        await page.Locator("#f-City").FillAsync("Nanjing");
        await page.Locator("#f-Country").FillAsync("China");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/en/member/check-email?for=register");
        await page.GotoAsync(MemberBrowser.LinkIn(await MemberBrowser.MailAsync(site, email, _ => true)));
        await page.GotoAsync("/en/member/login");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/en/member");

        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("site-vnu-members-").FullName;
        try
        {
            foreach (var prefix in SitePages.Cultures.Keys)
            {
                foreach (var path in new[] { "", "profile", "email", "password", "applications/new", "registration", "delete" })
                {
                    // The page's source as the server sent it, with the browser's cookies.
                    var response = await context.APIRequest.GetAsync($"/{prefix}/member/{path}");
                    Assert.Equal(200, response.Status);
                    var name = $"{prefix}-member-{(path.Length == 0 ? "account" : path.Replace('/', '-'))}.html";
                    await File.WriteAllTextAsync(Path.Combine(folder, name), await response.TextAsync(), new UTF8Encoding(false), cancellation);
                }
            }

            await HtmlValidityTests.AssertFolderIsValidAsync(checker, folder, "the member area", cancellation);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
