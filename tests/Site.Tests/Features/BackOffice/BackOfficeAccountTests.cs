using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>Back-office accounts: first-run setup, sign-in with lockout, sign-out, password change, sessions, API tokens.</summary>
public sealed class BackOfficeAccountTests(SiteFactory site)
{
    private static Dictionary<string, string> LogIn(string email, string password) => new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task The_back_office_asks_a_visitor_to_sign_in()
    {
        using var browser = new MemberClient(site);
        var (response, _) = await browser.GetAsync("/umbraco/tasks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/umbraco/login?ReturnUrl=%2Fumbraco%2Ftasks", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (login, page) = await browser.GetAsync("/umbraco/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(login.Headers.CacheControl?.NoStore);
        Assert.NotNull(page.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task An_editor_signs_in_sees_the_dashboard_in_their_language_and_signs_out()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Editors);
        using var browser = new MemberClient(site);

        var (signedIn, signInPage) = await browser.SubmitAsync("/umbraco/login", LogIn(user.Email, BackOfficeApi.Password));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, signInPage.DocumentElement.OuterHtml);
        Assert.Equal("/umbraco", signedIn.Headers.Location!.OriginalString);

        var (dashboard, page) = await browser.GetAsync("/umbraco");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(user.Name, page.QuerySelector(".bo-user")!.TextContent, StringComparison.Ordinal);

        var (switched, _) = await browser.SubmitAsync("/umbraco", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/umbraco" }, "form[action='/umbraco/language']");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var (_, chinese) = await browser.GetAsync("/umbraco");
        Assert.Equal("zh-CN", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Contains("工作台", chinese.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var (signedOut, _) = await browser.SubmitAsync("/umbraco", new Dictionary<string, string>(), "form[action='/umbraco/logout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var (after, _) = await browser.GetAsync("/umbraco");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/en/member")]
    public async Task A_return_address_outside_the_back_office_is_ignored_after_sign_in(string returnUrl)
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var browser = new MemberClient(site);

        var (signedIn, _) = await browser.SubmitAsync("/umbraco/login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password, ["ReturnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/umbraco", signedIn.Headers.Location!.OriginalString);

        var (switched, _) = await browser.SubmitAsync("/umbraco", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = returnUrl }, "form[action='/umbraco/language']");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/umbraco", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_email_and_repeated_failures_lock_the_account()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var browser = new MemberClient(site);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");

        var (wrong, page) = await browser.SubmitAsync("/umbraco/login", LogIn(user.Email, "not the password"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(user.Email, page.QuerySelector("#f-Email")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".error-summary"));

        for (var i = 0; i < 4; i++)
        {
            await browser.SubmitAsync("/umbraco/login", LogIn(user.Email, "still wrong"));
        }

        var (locked, lockedPage) = await browser.SubmitAsync("/umbraco/login", LogIn(user.Email, BackOfficeApi.Password));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("locked", lockedPage.QuerySelector(".error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);

        using var api = site.CreateClient();
        var token = await api.PostAsJsonAsync(new Uri(BackOfficeApi.Prefix + "/security/token", UriKind.Relative), new { email = user.Email, password = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_and_tokens()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var first = new MemberClient(site);
        using var second = new MemberClient(site);
        await first.SubmitAsync("/umbraco/login", LogIn(user.Email, BackOfficeApi.Password));
        await second.SubmitAsync("/umbraco/login", LogIn(user.Email, BackOfficeApi.Password));
        var token = await BackOfficeApi.TokenAsync(site, user.Email, BackOfficeApi.Password);

        var (wrong, wrongPage) = await first.SubmitAsync("/umbraco/password", new Dictionary<string, string> { ["CurrentPassword"] = "nope", ["NewPassword"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotNull(wrongPage.QuerySelector("a[href='#f-CurrentPassword']"));

        var (changed, page) = await first.SubmitAsync("/umbraco/password", new Dictionary<string, string> { ["CurrentPassword"] = BackOfficeApi.Password, ["NewPassword"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotNull(page.QuerySelector(".notice"));

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/umbraco")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/umbraco")).Response.StatusCode);
        using var api = site.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetApiAsync("/user/current")).StatusCode);
    }

    [Fact]
    public async Task The_api_without_a_token_answers_401_problem_details_with_a_bearer_challenge()
    {
        using var api = site.CreateClient();
        var response = await api.GetApiAsync("/tree/document/children");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetApiAsync("/user/current")).StatusCode);
    }

    [Fact]
    public async Task With_the_cookie_a_changing_api_call_needs_the_antiforgery_header()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var browser = new MemberClient(site);
        await browser.SubmitAsync("/umbraco/login", LogIn(user.Email, BackOfficeApi.Password));

        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetApiAsync("/user/current")).StatusCode);
        var forged = await browser.Http.PostJsonAsync("/markdown/preview", new { markdown = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);

        var (_, page) = await browser.GetAsync("/umbraco");
        var token = page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, BackOfficeApi.Prefix + "/markdown/preview") { Content = JsonContent.Create(new { markdown = "x" }) };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_body_is_a_problem_details_400_not_an_html_page()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/document", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_locked_account_loses_its_token_at_once()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        var token = await BackOfficeApi.TokenAsync(site, user.Email, BackOfficeApi.Password);
        using var admin = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Administrators);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/user/{user.Id}/lock", new { })).StatusCode);

        using var api = site.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetApiAsync("/user/current")).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_removed_or_locked()
    {
        using var admin = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Administrators);
        var users = await (await admin.GetApiAsync("/user")).Content.ReadFromJsonAsync<List<UserRow>>(BackOfficeApi.Json);
        var administrators = users!.Where(u => u.Groups.Contains(BackOfficeGroups.Administrators)).ToList();
        Assert.Single(administrators);
        var only = administrators[0];

        var demoted = await admin.PutJsonAsync($"/user/{only.Id}", new { name = only.Name, groups = new[] { BackOfficeGroups.Editors }, uiCulture = "en-US" });
        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"/user/{only.Id}/lock", new { })).StatusCode);
    }

    [Fact]
    public async Task A_translator_needs_a_site_language_and_bad_accounts_are_refused_with_reasons()
    {
        using var admin = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Administrators);
        var noCulture = await admin.PostJsonAsync("/user", new { email = $"t-{Guid.NewGuid():N}@forum.test", name = "T", password = BackOfficeApi.Password, groups = new[] { BackOfficeGroups.Translators } });
        Assert.Equal(HttpStatusCode.BadRequest, noCulture.StatusCode);
        Assert.Contains("TranslatorCultureRequired", await noCulture.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var shortPassword = await admin.PostJsonAsync("/user", new { email = $"s-{Guid.NewGuid():N}@forum.test", name = "S", password = "short", groups = new[] { BackOfficeGroups.Writers } });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);

        var unknownGroup = await admin.PostJsonAsync("/user", new { email = $"u-{Guid.NewGuid():N}@forum.test", name = "U", password = BackOfficeApi.Password, groups = new[] { "Owners" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
    }

    [Fact]
    public async Task An_api_user_is_created_without_a_password_and_cannot_sign_in_with_one()
    {
        using var admin = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Administrators);
        var email = $"api-{Guid.NewGuid():N}@forum.test";

        var created = await admin.PostJsonAsync("/user", new { email, name = "News import", groups = new[] { BackOfficeGroups.Writers }, kind = "Api" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Api", (await created.ReadObjectAsync())["kind"]!.GetValue<string>());
        using var anonymous = site.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(new Uri(BackOfficeApi.Prefix + "/security/token", UriKind.Relative), new { email, password = "" })).StatusCode);
        var person = await admin.PostJsonAsync("/user", new { email = $"p-{Guid.NewGuid():N}@forum.test", name = "P", groups = new[] { BackOfficeGroups.Writers } });
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode); // a person needs a password
    }

    [Fact]
    public async Task A_new_site_without_an_administrator_offers_the_setup_page_once()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", Guid.NewGuid().ToString("N"));
        using var fresh = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", dataPath)
            .UseSetting("BackOffice:Admin:Email", "")
            .UseSetting("BackOffice:Admin:Password", ""));
        try
        {
            using var browser = new MemberClient(fresh);
            var (login, _) = await browser.GetAsync("/umbraco/login");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/umbraco/setup", login.Headers.Location!.OriginalString);

            var (invalid, invalidPage) = await browser.SubmitAsync("/umbraco/setup", new Dictionary<string, string> { ["Name"] = "<script>alert(1)</script>", ["Email"] = "not-an-email", ["Password"] = "short", ["UiCulture"] = "en-US" });
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("<script>alert(1)</script>", invalidPage.QuerySelector("#f-Name")!.GetAttribute("value"));
            Assert.Empty(invalidPage.QuerySelectorAll("main script"));

            var (created, _) = await browser.SubmitAsync("/umbraco/setup", new Dictionary<string, string> { ["Name"] = "First Admin", ["Email"] = "first@forum.test", ["Password"] = "first admin password", ["UiCulture"] = "en-US" });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var (dashboard, page) = await browser.GetAsync("/umbraco");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("First Admin", page.QuerySelector(".bo-user")!.TextContent, StringComparison.Ordinal);

            using var other = new MemberClient(fresh);
            var (again, _) = await other.GetAsync("/umbraco/setup");
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            var (posted, _) = await other.PostAsync("/umbraco/setup", new Dictionary<string, string> { ["Name"] = "Intruder", ["Email"] = "x@forum.test", ["Password"] = "intruder password" });
            Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await BackOfficeTokenStatus(fresh, "x@forum.test", "intruder password")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<HttpStatusCode> BackOfficeTokenStatus(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string email, string password)
    {
        using var api = host.CreateClient();
        return (await api.PostAsJsonAsync(new Uri(BackOfficeApi.Prefix + "/security/token", UriKind.Relative), new { email, password })).StatusCode;
    }

    private sealed record UserRow(Guid Id, string Email, string Name, IReadOnlyList<string> Groups);
}
