using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>Register → confirm from the pickup folder → log in → member area → log out, and the forgotten password, in both languages.</summary>
public sealed class MemberAccountTests(SiteFactory site)
{
    public static TheoryData<string, string, string> Languages => new()
    {
        { "zh", "zh-CN", "请确认您的电子邮箱" },
        { "en", "en-US", "Please confirm your email address" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_member_registers_confirms_logs_in_sees_the_member_area_and_logs_out(string prefix, string culture, string confirmSubject)
    {
        using var browser = new MemberClient(site);
        var email = MemberClient.NewEmail(prefix);

        var (registered, _) = await browser.SubmitAsync($"/{prefix}/member/register", MemberClient.RegistrationFields(email, "王校长", culture));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var (sent, sentPage) = await browser.GetAsync(registered.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(culture, sentPage.DocumentElement.GetAttribute("lang"));

        var mail = Assert.Single(browser.MailsTo(email));
        Assert.Equal(confirmSubject, mail.Subject);
        Assert.Contains("王校长", mail.TextBody, StringComparison.Ordinal);
        var link = MemberClient.LinkIn(mail);
        Assert.StartsWith($"/{prefix}/member/confirm?", link, StringComparison.Ordinal);

        // Not confirmed yet: the right password is told so (and gets the link again); a wrong one learns nothing.
        var (early, earlyPage) = await browser.LogInAsync(prefix, email, MemberClient.Password);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains(prefix == "zh" ? "请先确认您的邮箱" : "Please confirm your email address first", earlyPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var (confirmed, confirmedPage) = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(prefix == "zh" ? "邮箱已确认" : "Email address confirmed", confirmedPage.QuerySelector("h1")!.TextContent);

        var (loggedIn, _) = await browser.LogInAsync(prefix, email, MemberClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal($"/{prefix}/member", loggedIn.Headers.Location!.OriginalString);
        Assert.Contains(loggedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".forum.member=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));

        var (account, accountPage) = await browser.GetAsync($"/{prefix}/member");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(account.Headers.CacheControl!.NoStore);
        Assert.False(account.Headers.Contains("ETag"));
        Assert.Contains(email, accountPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("王校长", accountPage.QuerySelector(".member-box")!.TextContent, StringComparison.Ordinal);

        var (home, homePage) = await browser.GetAsync($"/{prefix}/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotNull(homePage.QuerySelector($".member-box form[action='/{prefix}/member/logout'] input[name=__RequestVerificationToken]"));

        var (loggedOut, _) = await browser.SubmitAsync($"/{prefix}/", new Dictionary<string, string>(), ".member-box form");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        var (after, afterPage) = await browser.GetAsync($"/{prefix}/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotNull(afterPage.QuerySelector($".member-box a[href='/{prefix}/member/register']"));
        var (locked, _) = await browser.GetAsync($"/{prefix}/member");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal($"/{prefix}/member/login?returnUrl=%2F{prefix}%2Fmember", locked.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_with_the_same_answer_for_unknown_addresses(string prefix, string culture, string _)
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync(prefix, culture: culture);
        using var anonymous = new MemberClient(site);
        var unknown = MemberClient.NewEmail("nobody");

        var (known, knownPage) = await anonymous.SubmitAsync($"/{prefix}/member/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var (notKnown, notKnownPage) = await anonymous.SubmitAsync($"/{prefix}/member/forgot-password", new Dictionary<string, string> { ["Email"] = unknown });

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, notKnown.Headers.Location);
        Assert.Equal(knownPage.Body?.InnerHtml ?? "", notKnownPage.Body?.InnerHtml ?? "");
        Assert.Empty(anonymous.MailsTo(unknown));
        var mail = anonymous.MailsTo(email)[^1];
        Assert.Equal(prefix == "zh" ? "设置新密码" : "Choose a new password", mail.Subject);

        var link = MemberClient.LinkIn(mail);
        const string NewPassword = "a brand new passphrase";
        var (tooShort, tooShortPage) = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["NewPassword"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains(prefix == "zh" ? "新密码至少需要 10 个字符" : "New password: at least 10 characters", tooShortPage.QuerySelector("#f-NewPassword-error")!.TextContent, StringComparison.Ordinal);
        var (reset, resetPage) = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(prefix == "zh" ? "密码已修改" : "Your password has been changed", resetPage.QuerySelector("h1")!.TextContent);

        // The link works once.
        var (again, _) = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["NewPassword"] = "yet another passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.LogInAsync(prefix, email, MemberClient.Password)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.LogInAsync(prefix, email, NewPassword)).Response.StatusCode);
    }

    [Fact]
    public async Task Registering_a_known_address_answers_as_for_a_new_one_and_tells_only_the_owner()
    {
        using var owner = new MemberClient(site);
        var email = await owner.RegisterAndLogInAsync("en");
        using var stranger = new MemberClient(site);

        var (again, _) = await stranger.SubmitAsync("/en/member/register", MemberClient.RegistrationFields(email, "Someone Else"));
        var (fresh, _) = await stranger.SubmitAsync("/en/member/register", MemberClient.RegistrationFields(MemberClient.NewEmail("fresh")));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);
        var mails = stranger.MailsTo(email);
        Assert.Equal("You already have an account", mails[^1].Subject);
        Assert.DoesNotContain("Someone Else", mails[^1].TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.LogInAsync("en", email, "not the password at all")).Response.StatusCode);
    }

    [Theory]
    [InlineData("zh", "请填写姓名。", "电子邮箱格式不正确", "请修改以下内容")]
    [InlineData("en", "Name: please fill this in.", "Email address: enter an address like", "Please correct the following")]
    public async Task An_invalid_registration_keeps_what_was_typed_and_says_what_is_wrong_per_field(string prefix, string nameError, string emailError, string summary)
    {
        using var browser = new MemberClient(site);
        var fields = MemberClient.RegistrationFields("not-an-address", name: "  ", password: "short");
        fields["School"] = "南京外国语学校";

        var (response, page) = await browser.SubmitAsync($"/{prefix}/member/register", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(summary, page.QuerySelector(".error-summary h2")!.TextContent);
        Assert.Equal(nameError, page.QuerySelector("#f-Name-error")!.TextContent);
        Assert.StartsWith(emailError, page.QuerySelector("#f-Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#f-Password-error"));
        Assert.Equal("true", page.QuerySelector("#f-Name")!.GetAttribute("aria-invalid"));
        Assert.Contains("f-Name-error", page.QuerySelector("#f-Name")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("not-an-address", page.QuerySelector("#f-Email")!.GetAttribute("value"));
        Assert.Equal("南京外国语学校", page.QuerySelector("#f-School")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#f-Password")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#f-PreferredCulture-en-US[checked]"));
        Assert.Equal("#f-Name", page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).First(h => h == "#f-Name"));
    }

    [Fact]
    public async Task The_member_changes_profile_password_and_email()
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync("en");

        var (saved, _) = await browser.SubmitAsync("/en/member/profile", new Dictionary<string, string>
        {
            ["Name"] = "Renamed Principal", ["School"] = "Tampere Lyceum", ["Position"] = "Head", ["City"] = "Tampere", ["Country"] = "Finland", ["PreferredCulture"] = "zh-CN",
        });
        Assert.Equal("/en/member?done=profile", saved.Headers.Location!.OriginalString);
        var (_, account) = await browser.GetAsync("/en/member?done=profile");
        Assert.Equal("Your profile has been saved.", account.QuerySelector(".notice-success")!.TextContent);
        Assert.Contains("Tampere Lyceum", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renamed Principal", account.QuerySelector(".member-box")!.TextContent, StringComparison.Ordinal);

        var (wrong, wrongPage) = await browser.SubmitAsync("/en/member/password", new Dictionary<string, string> { ["CurrentPassword"] = "not my password", ["NewPassword"] = "the second passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Current password: this is not your current password.", wrongPage.QuerySelector("#f-CurrentPassword-error")!.TextContent);
        var (changed, _) = await browser.SubmitAsync("/en/member/password", new Dictionary<string, string> { ["CurrentPassword"] = MemberClient.Password, ["NewPassword"] = "the second passphrase" });
        Assert.Equal("/en/member?done=password", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/en/member")).Response.StatusCode);

        var newEmail = MemberClient.NewEmail("moved");
        var (requested, _) = await browser.SubmitAsync("/en/member/email", new Dictionary<string, string> { ["NewEmail"] = newEmail, ["CurrentPassword"] = "the second passphrase" });
        Assert.Equal("/en/member?done=email", requested.Headers.Location!.OriginalString);
        var mail = Assert.Single(browser.MailsTo(newEmail));
        Assert.Equal("请确认您的新邮箱", mail.Subject); // the member now prefers Chinese
        var link = MemberClient.LinkIn(mail);
        Assert.StartsWith("/zh/member/confirm-email?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Response.StatusCode);

        using var fresh = new MemberClient(site);
        Assert.Equal(HttpStatusCode.BadRequest, (await fresh.LogInAsync("en", email, "the second passphrase")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LogInAsync("en", newEmail, "the second passphrase")).Response.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_with_the_same_message_as_a_wrong_password()
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync("en");
        using var attacker = new MemberClient(site);

        string? message = null;
        for (var i = 0; i < 5; i++)
        {
            var (failed, page) = await attacker.LogInAsync("en", email, "wrong password " + i);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            message = page.QuerySelector(".error-summary li")!.TextContent;
        }

        var (locked, lockedPage) = await attacker.LogInAsync("en", email, MemberClient.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(message, lockedPage.QuerySelector(".error-summary li")!.TextContent);
        var (unknown, unknownPage) = await attacker.LogInAsync("en", MemberClient.NewEmail("ghost"), "whatever password");
        Assert.Equal(message, unknownPage.QuerySelector(".error-summary li")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        using var browser = new MemberClient(site);
        foreach (var path in new[] { "/en/member/login", "/en/member/register", "/en/member/forgot-password", "/zh/member/logout" })
        {
            var (response, _) = await browser.PostAsync(path, new Dictionary<string, string> { ["Email"] = "a@example.org", ["Password"] = MemberClient.Password });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_return_address_must_stay_on_the_site()
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync("en");
        using var other = new MemberClient(site);
        var (_, page) = await other.GetAsync("/en/member/login?returnUrl=%2F%2Fevil.example%2F");
        Assert.Null(page.QuerySelector("input[name=returnUrl]"));
        var (response, _) = await other.PostAsync("/en/member/login?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = MemberClient.Password,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal("/en/member", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%E3%80%80%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2Fumbraco")]
    public async Task A_return_address_with_blanks_or_outside_the_member_site_is_ignored_after_login(string returnUrl)
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync("en");
        using var other = new MemberClient(site);
        var (_, page) = await other.GetAsync("/en/member/login?returnUrl=" + returnUrl);
        Assert.Null(page.QuerySelector("input[name=returnUrl]"));
        var (response, _) = await other.PostAsync("/en/member/login?returnUrl=" + returnUrl, new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = MemberClient.Password,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/member", response.Headers.Location!.OriginalString);
    }
}
