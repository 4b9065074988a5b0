using System.Net;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The users screens at /umbraco/users (administrators only): list, create, edit, lock and unlock.</summary>
public sealed class UsersScreenTests(SiteFactory site)
{
    [Fact]
    public async Task Only_administrators_see_the_users_screens()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/umbraco/users")).Response.StatusCode);
        var someone = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/umbraco/users/" + someone.Id)).Response.StatusCode);

        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var (response, page) = await admin.GetAsync("/umbraco/users");
        Assert.Equal(BackOfficeScreens.TextOf(page).Users, BackOfficeScreens.AssertPage(response, page));
    }

    [Fact]
    public async Task An_administrator_creates_an_account_edits_it_locks_and_unlocks_it()
    {
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var email = $"new-writer-{Guid.NewGuid():N}@forum.test";
        var (created, createdPage) = await admin.SubmitAsync("/umbraco/users", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Name"] = "<script>alert(1)</script> Lee",
            ["Password"] = "a long enough password",
            ["Groups"] = BackOfficeGroups.Writers,
            ["UiCulture"] = "en-US",
        }, "form[action='/umbraco/users']");
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, createdPage.DocumentElement.OuterHtml);

        var (_, list) = await admin.GetAsync(created.Headers.Location!.OriginalString);
        var t = BackOfficeScreens.TextOf(list);
        Assert.NotNull(list.QuerySelector("main .notice"));
        Assert.Empty(list.QuerySelectorAll("main script"));
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("<script>alert(1)</script> Lee", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(t.Group(BackOfficeGroups.Writers), row.TextContent, StringComparison.Ordinal);
        var path = row.QuerySelector("a")!.GetAttribute("href")!;

        var (editPage, edit) = await admin.GetAsync(path);
        BackOfficeScreens.AssertPage(editPage, edit);
        Assert.Empty(edit.QuerySelectorAll("main script"));
        Assert.NotNull(edit.QuerySelector("#f-Groups-Writers[checked]"));

        var (saved, savedPage) = await admin.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Name"] = "Lee Translator",
            ["Groups"] = BackOfficeGroups.Translators,
            ["TranslatorCulture"] = "en-US",
            ["UiCulture"] = "zh-CN",
        }, $"form[action='{path}']");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedPage.DocumentElement.OuterHtml);
        var (_, after) = await admin.GetAsync("/umbraco/users");
        var changed = after.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Lee Translator", changed.TextContent, StringComparison.Ordinal);
        Assert.Contains(t.Group(BackOfficeGroups.Translators), changed.TextContent, StringComparison.Ordinal);
        Assert.Contains("English (en-US)", changed.TextContent, StringComparison.Ordinal);

        var (noCulture, noCulturePage) = await admin.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Name"] = "Typed name",
            ["Groups"] = BackOfficeGroups.Translators,
            ["TranslatorCulture"] = "",
        }, $"form[action='{path}']");
        Assert.Equal(HttpStatusCode.BadRequest, noCulture.StatusCode);
        Assert.Equal("Typed name", noCulturePage.QuerySelector("#f-Name")!.GetAttribute("value"));
        Assert.NotNull(noCulturePage.QuerySelector(".error-summary a[href='#f-TranslatorCulture']"));
        Assert.Equal("true", noCulturePage.QuerySelector("#f-TranslatorCulture")!.GetAttribute("aria-invalid"));

        var (locked, _) = await admin.SubmitAsync(path, new Dictionary<string, string>(), $"form[action='{path}/lock']");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var (_, lockedPage) = await admin.GetAsync(path);
        Assert.Equal(t.UserLockedState, lockedPage.QuerySelector(".account-state")!.TextContent);
        using var lockedOut = new Members.MemberClient(site);
        var (signIn, _) = await lockedOut.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        var (unlocked, _) = await admin.SubmitAsync(path, new Dictionary<string, string>(), $"form[action='{path}/unlock']");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var (_, unlockedPage) = await admin.GetAsync(path);
        Assert.Equal(t.UserActiveState, unlockedPage.QuerySelector(".account-state")!.TextContent);
        var (signedIn, _) = await lockedOut.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_invalid_account_form_answers_400_and_keeps_what_was_typed_but_the_password()
    {
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var (invalid, page) = await admin.SubmitAsync("/umbraco/users", new Dictionary<string, string>
        {
            ["Email"] = "not-an-email",
            ["Name"] = "Kept Name",
            ["Password"] = "short",
            ["UiCulture"] = "en-US",
        }, "form[action='/umbraco/users']");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Kept Name", page.QuerySelector("#f-Name")!.GetAttribute("value"));
        Assert.Equal("not-an-email", page.QuerySelector("#f-Email")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#f-Password")!.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-Groups']"));
        Assert.Equal("true", page.QuerySelector("#f-Groups-Writers")!.GetAttribute("aria-invalid"));
    }
}
