using System.Net;
using Site.Core.Members;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The members screens at /umbraco/members: search, details (groups, lock), applications and their decisions.</summary>
public sealed class MembersScreenTests(SiteFactory site)
{
    [Fact]
    public async Task Writers_and_translators_are_refused_the_members_screens()
    {
        using var writer = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/umbraco/members")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/umbraco/members/applications")).Response.StatusCode);
        using var translator = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Translators, "en-US");
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync("/umbraco/members")).Response.StatusCode);
    }

    [Fact]
    public async Task An_editor_finds_a_member_locks_unlocks_and_changes_their_groups()
    {
        using var member = new MemberClient(site);
        var email = await member.RegisterAndLogInAsync("en", name: "Principal <script>alert(1)</script>");
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);

        var (found, list) = await editor.GetAsync("/umbraco/members?text=" + Uri.EscapeDataString(email));
        Assert.Equal("Members", BackOfficeScreens.AssertPage(found, list));
        Assert.Empty(list.QuerySelectorAll("main script"));
        var link = Assert.Single(list.QuerySelectorAll("main table a[href^='/umbraco/members/']"));
        Assert.Contains("<script>", link.TextContent, StringComparison.Ordinal);
        var path = link.GetAttribute("href")!;

        var (details, page) = await editor.GetAsync(path);
        BackOfficeScreens.AssertPage(details, page);
        Assert.Contains(email, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));

        var (locked, _) = await editor.SubmitAsync(path, new Dictionary<string, string>(), $"form[action='{path}/lock']");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var (_, lockedPage) = await editor.GetAsync(locked.Headers.Location!.OriginalString);
        Assert.Contains("Locked", lockedPage.QuerySelector(".account-state")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(lockedPage.QuerySelector("main .notice"));
        var (_, lockedList) = await editor.GetAsync("/umbraco/members?text=" + Uri.EscapeDataString(email));
        Assert.Equal("Yes", lockedList.QuerySelector("main tbody tr td:last-child")!.TextContent);

        var (unlocked, _) = await editor.SubmitAsync(path, new Dictionary<string, string>(), $"form[action='{path}/unlock']");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var (_, unlockedPage) = await editor.GetAsync(path);
        Assert.Contains("Active", unlockedPage.QuerySelector(".account-state")!.TextContent, StringComparison.Ordinal);

        var (added, _) = await editor.SubmitAsync(path, new Dictionary<string, string> { ["group"] = "Partner schools" }, $"form[action='{path}/groups']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, withGroup) = await editor.GetAsync(path);
        Assert.Contains("Partner schools", withGroup.QuerySelector(".member-groups")!.TextContent, StringComparison.Ordinal);
        var (_, inGroup) = await editor.GetAsync("/umbraco/members?group=Partner%20schools&text=" + Uri.EscapeDataString(email));
        Assert.Single(inGroup.QuerySelectorAll("main tbody tr"));

        var (unknown, unknownPage) = await editor.SubmitAsync(path, new Dictionary<string, string> { ["group"] = "No such group" }, $"form[action='{path}/groups']");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("member groups offered", unknownPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var (removed, _) = await editor.SubmitAsync(path, new Dictionary<string, string> { ["group"] = "Partner schools" }, $"form[action='{path}/groups/remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (_, withoutGroup) = await editor.GetAsync(path);
        Assert.Null(withoutGroup.QuerySelector(".member-groups"));
    }

    [Fact]
    public async Task An_editor_corrects_a_members_details_and_an_invalid_form_keeps_what_was_typed()
    {
        using var member = new MemberClient(site);
        var email = await member.RegisterAndLogInAsync("en", name: "Principal To Correct");
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (_, list) = await editor.GetAsync("/umbraco/members?text=" + Uri.EscapeDataString(email));
        var path = list.QuerySelector("main table a[href^='/umbraco/members/']")!.GetAttribute("href")!;

        var (invalid, page) = await editor.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Name"] = "", ["School"] = "Corrected School", ["Position"] = "Principal", ["City"] = "Suzhou", ["Country"] = "China", ["PreferredCulture"] = "zh-CN",
        }, $"form[action='{path}/details']");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Corrected School", page.QuerySelector("#f-d-School")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-d-Name']"));

        var (saved, _) = await editor.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Name"] = "Principal Corrected", ["School"] = "Corrected School", ["Position"] = "Principal", ["City"] = "Suzhou", ["Country"] = "China", ["PreferredCulture"] = "zh-CN",
        }, $"form[action='{path}/details']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, profile) = await member.GetAsync("/en/member/profile");
        Assert.Equal("Corrected School", profile.QuerySelector("#f-School")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_administrator_decides_an_application_and_the_member_sees_it()
    {
        using var member = new MemberClient(site);
        await member.RegisterAndLogInAsync("en");
        var message = "Looking for a sister school " + Guid.NewGuid().ToString("N");
        var (sent, _) = await member.SubmitAsync("/en/member/applications/new", new Dictionary<string, string> { ["Kind"] = "SisterSchool", ["Message"] = message });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, account) = await member.GetAsync("/en/member");
        var memberLink = account.QuerySelector(".applications a")!.GetAttribute("href")!;
        var id = Guid.ParseExact(memberLink.Split('/')[^1], "N");

        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var (listed, list) = await admin.GetAsync("/umbraco/members/applications?status=Submitted");
        var t = BackOfficeScreens.TextOf(list);
        Assert.Equal(t.Applications, BackOfficeScreens.AssertPage(listed, list));
        var section = list.QuerySelector($"#application-{id:N}");
        Assert.NotNull(section);
        Assert.Contains(message, section.TextContent, StringComparison.Ordinal);

        var form = $"form[action='/umbraco/members/applications/{id}']";
        var (invalid, invalidPage) = await admin.SubmitAsync("/umbraco/members/applications?status=Submitted", new Dictionary<string, string> { ["Status"] = "Bogus", ["Note"] = "kept" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull(invalidPage.QuerySelector($".error-summary a[href='#f-{id:N}-Status']"));
        Assert.Equal("kept", invalidPage.QuerySelector($"#f-{id:N}-Note")!.TextContent);

        var (decided, _) = await admin.SubmitAsync("/umbraco/members/applications?status=Submitted", new Dictionary<string, string> { ["Status"] = "Accepted", ["Note"] = "Welcome <b>aboard</b>" }, form);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal("/umbraco/members/applications?done=decided&status=Submitted", decided.Headers.Location!.OriginalString);
        var (_, accepted) = await admin.GetAsync("/umbraco/members/applications?status=Accepted");
        Assert.Equal(t.ApplicationStatusName(ApplicationStatus.Accepted), accepted.QuerySelector($"#application-{id:N} .status")!.TextContent);

        var (_, detail) = await member.GetAsync(memberLink);
        Assert.Equal("Accepted", detail.QuerySelector(".status")!.TextContent);
        Assert.Contains("Welcome <b>aboard</b>", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
