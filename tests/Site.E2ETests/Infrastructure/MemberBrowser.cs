using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Site.E2ETests.Infrastructure;

/// <summary>A member in the browser: registers, confirms from the pickup folder and logs in, as a person would.</summary>
public static partial class MemberBrowser
{
    public const string Password = "a long and memorable passphrase";

    public static async Task RegisterAndLogInAsync(SiteServerFixture site, IPage page, string prefix, string email, string name, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/{prefix}/member/register");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("#f-Name").FillAsync(name);
        await page.Locator("#f-School").FillAsync("Sample School (test)");
        await page.Locator("#f-Position").FillAsync("Principal");
        await page.Locator("#f-City").FillAsync("Nanjing");
        await page.Locator("#f-Country").FillAsync("China");
        if (culture is not null)
        {
            await page.Locator("#f-PreferredCulture-" + culture).CheckAsync();
        }

        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/member/check-email?for=register");
        await page.GotoAsync(LinkIn(await MailAsync(site, email, _ => true)));
        await LogInAsync(page, prefix, email);
    }

    public static async Task LogInAsync(IPage page, string prefix, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/{prefix}/member/login");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{prefix}/member");
    }

    /// <summary>The newest mail to the address that matches, from the site's pickup folder (waiting a little for it).</summary>
    public static async Task<MimeMessage> MailAsync(SiteServerFixture site, string email, Func<MimeMessage, bool> match)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(match);
        var folder = Path.Combine(site.DataPath, "mail");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(folder))
            {
                var mail = Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
                    .Select(f => MimeMessage.Load(f))
                    .LastOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)) && match(m));
                if (mail is not null)
                {
                    return mail;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No such mail to " + email);
    }

    /// <summary>The member-area link in a mail, as a path on the site.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new Uri(LinkPattern().Match(mail.TextBody ?? string.Empty).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/member/\S+")]
    private static partial Regex LinkPattern();
}
