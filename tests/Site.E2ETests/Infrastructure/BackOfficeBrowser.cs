using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Users;

namespace Site.E2ETests.Infrastructure;

/// <summary>Back-office users for browser tests: one made for the test, signed in through the log-in form.</summary>
public static class BackOfficeBrowser
{
    public const string Password = "a back-office passphrase";

    /// <summary>A new user in <paramref name="group"/> whose back office speaks <paramref name="uiCulture"/>; returns the e-mail address.</summary>
    public static async Task<string> NewUserAsync(this SiteServerFixture site, string group, string uiCulture = "en-US")
    {
        ArgumentNullException.ThrowIfNull(site);
        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IUserService>().CreateAsync(
            new NewUser($"{group.ToLowerInvariant()}-{Guid.NewGuid():N}@e2e.test", $"E2E {group}", Password, [group], null, uiCulture), "e2e", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.User!.Email;
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/umbraco/login", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.Locator("#f-Password").PressAsync("Enter");
        // Signed in once the dashboard's document is there; its images and scripts need not have loaded (on a loaded
        // machine the load event once took longer than the test's 90 s).
        await page.WaitForURLAsync("**/umbraco", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Whether the page has the back office's editors (the ClientApp bundle, built where Node.js is installed).</summary>
    public static async Task<bool> HasEditorBundleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.Locator("script[src*='/umbraco/dist/richtext.js']").CountAsync() > 0;
    }
}
