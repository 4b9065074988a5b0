using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

    [Fact]
    public async Task Client_credentials_added_on_the_screen_give_a_script_a_token_with_the_accounts_rights_until_removed()
    {
        var writer = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var path = "/umbraco/users/" + writer.Id;
        var clientId = $"umbraco-back-office-import-{Guid.NewGuid():N}";

        var (refused, refusedPage) = await admin.SubmitAsync(path, new Dictionary<string, string> { ["clientId"] = "import" }, $"form[action='{path}/clients']");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("true", refusedPage.GetElementById("client-id")!.GetAttribute("aria-invalid"));

        var (added, addedPage) = await admin.SubmitAsync(path, new Dictionary<string, string> { ["clientId"] = clientId }, $"form[action='{path}/clients']");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("no-store", added.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var secret = addedPage.GetElementById("client-secret")!.TextContent.Trim();
        Assert.True(secret.Length >= 40);
        var (_, again) = await admin.GetAsync(path);
        Assert.Null(again.GetElementById("client-secret"));
        Assert.Contains(clientId, again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var script = site.CreateClient();
        var token = await script.PostAsync(new Uri(BackOfficeApi.Prefix + "/security/back-office/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains("no-store", token.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await token.ReadObjectAsync();
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.InRange(body["expires_in"]!.GetValue<int>(), 3590, 3600); // an hour, counted from when OpenIddict wrote it

        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        var current = await script.GetApiAsync("/user/current");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(writer.Email, (await current.ReadObjectAsync())["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetApiAsync("/user")).StatusCode); // a writer's rights, no more

        // HTTP Basic works as well as form fields (RFC 6749 2.3.1).
        using var basic = site.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        Assert.Equal(HttpStatusCode.OK, (await basic.PostAsync(new Uri(BackOfficeApi.Prefix + "/security/back-office/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }))).StatusCode);

        var (removed, _) = await admin.SubmitAsync(path, new Dictionary<string, string> { ["clientId"] = clientId }, $"form[action='{path}/clients/remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetApiAsync("/user/current")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_creates_an_api_user_without_a_password_on_the_screen()
    {
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var email = $"api-{Guid.NewGuid():N}@forum.test";

        var (created, createdPage) = await admin.SubmitAsync("/umbraco/users", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Name"] = "Feed import",
            ["ApiUser"] = "true",
            ["Groups"] = BackOfficeGroups.Writers,
            ["UiCulture"] = "en-US",
        }, "form[action='/umbraco/users']");

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, createdPage.DocumentElement.OuterHtml);
        var (_, list) = await admin.GetAsync(created.Headers.Location!.OriginalString);
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Equal("API", row.QuerySelector(".badge")!.TextContent);
        var (_, page) = await admin.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains(BackOfficeScreens.TextOf(page).ApiUserState, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grant_type=password&username=a&password=b", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("{\"grant_type\":\"client_credentials\"}", "application/json", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("grant_type=client_credentials&client_id=umbraco-back-office-nobody&client_secret=x", "application/x-www-form-urlencoded", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", "application/x-www-form-urlencoded", HttpStatusCode.Unauthorized, "invalid_client")]
    public async Task A_bad_token_request_gets_problem_details_with_the_oauth_error(string body, string contentType, HttpStatusCode status, string error)
    {
        using var client = site.CreateClient();

        var response = await client.PostAsync(new Uri(BackOfficeApi.Prefix + "/security/back-office/token", UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(error, (await response.ReadObjectAsync())["error"]!.GetValue<string>());
    }
}
