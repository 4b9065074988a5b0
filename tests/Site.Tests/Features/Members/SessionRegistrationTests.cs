using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>
/// An announced session on the home page, and registration to attend it: a place while they last, the waiting list,
/// a cancellation that moves the first waiting up, each with its mail; the editors' list and CSV; the closed window.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class SessionRegistrationTests(SiteFactory site)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_member_takes_the_last_place_the_next_waits_and_moves_up_when_the_first_cancels()
    {
        var session = await PublishSessionAsync(capacity: 1, opens: Today.AddDays(-2), closes: Today.AddDays(20));
        try
        {
            // The home page leads with the announced session, in both languages, with a call to register.
            var (home, page) = await site.GetPageAsync("/en/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var lead = page.QuerySelector("main .next-session")!;
            Assert.Equal("Next session", lead.QuerySelector("h2")!.TextContent);
            Assert.Equal("Sample session (test)", lead.QuerySelector("h3 a")!.TextContent);
            Assert.Equal("/en/member/registration", lead.QuerySelector("a.button")!.GetAttribute("href"));
            Assert.Contains(Today.AddDays(20).ToString("d MMMM yyyy", CultureInfo.InvariantCulture), lead.TextContent, StringComparison.Ordinal);
            Assert.Same(page.QuerySelectorAll("main section")[1], lead); // right after the welcome, before the figures
            var (_, chinese) = await site.GetPageAsync("/zh/");
            Assert.Equal("下一届论坛", chinese.QuerySelector("main .next-session h2")!.TextContent);
            Assert.Equal("示例会议（测试）", chinese.QuerySelector("main .next-session h3 a")!.TextContent);
            Assert.Equal("报名参会", chinese.QuerySelector("main .next-session a.button")!.TextContent);

            var (_, sessionPage) = await site.GetPageAsync("/en/sessions/sample-session-test");
            Assert.Equal("/en/member/registration", sessionPage.QuerySelector("main .registration a.button")!.GetAttribute("href"));

            using var first = new MemberClient(site);
            var firstEmail = await first.RegisterAndLogInAsync("en", "First Principal");
            using var second = new MemberClient(site);
            var secondEmail = await second.RegisterAndLogInAsync("zh", "第二位校长", "zh-CN");

            var (registered, _) = await first.SubmitAsync("/en/member/registration", new Dictionary<string, string>(), "form[action='/en/member/registration']");
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.Equal("/en/member/registration?done=registered", registered.Headers.Location!.OriginalString);
            var confirmation = await MailAsync(firstEmail, "Your place at Sample session (test)");
            Assert.Contains("/en/member/registration", confirmation.TextBody, StringComparison.Ordinal);
            // The mail carries the session's calendar file: a session without agenda times is all-day over its dates.
            var ics = Assert.Single(confirmation.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "session.ics");
            Assert.Equal("text/calendar", ics.ContentType.MimeType);
            using var icsText = new MemoryStream();
            await ics.Content!.DecodeToAsync(icsText);
            var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(icsText.ToArray()))!;
            var day = Assert.Single(calendar.Events);
            Assert.Equal("Sample session (test)", day.Summary);
            Assert.Equal(Today.AddDays(40), DateOnly.FromDateTime(day.DtStart!.Value));
            Assert.False(day.DtStart!.HasTime);

            var (waiting, _) = await second.SubmitAsync("/zh/member/registration", new Dictionary<string, string>(), "form[action='/zh/member/registration']");
            Assert.Equal("/zh/member/registration?done=waitlisted", waiting.Headers.Location!.OriginalString);
            await MailAsync(secondEmail, "候补名单：示例会议（测试）");
            var (_, secondPage) = await second.GetAsync("/zh/member/registration");
            Assert.Equal("候补中", secondPage.QuerySelector(".registration-waitlisted")!.TextContent);

            // Registering twice is refused with a message, and changes nothing.
            var (again, againPage) = await first.PostAsync("/en/member/registration", await FormFieldsAsync(first, "/en/member/registration"));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("already registered", againPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

            var (cancelled, _) = await first.SubmitAsync("/en/member/registration", new Dictionary<string, string>(), "form[action='/en/member/registration/cancel']");
            Assert.Equal("/en/member/registration?done=cancelled", cancelled.Headers.Location!.OriginalString);
            await MailAsync(firstEmail, "Registration cancelled: Sample session (test)");
            var promotion = await MailAsync(secondEmail, "您已获得参会名额：示例会议（测试）");
            Assert.Contains(promotion.Attachments, a => a.ContentDisposition?.FileName == "session.ics");
            var (_, promotedPage) = await second.GetAsync("/zh/member/registration");
            Assert.Equal("名额已确认", promotedPage.QuerySelector(".registration-confirmed")!.TextContent);
            var (_, account) = await second.GetAsync("/zh/member");
            Assert.Contains("示例会议（测试）", account.QuerySelector(".registrations")!.TextContent, StringComparison.Ordinal);

            // The editors see both, filter them and export them for Excel.
            using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
            var (list, listPage) = await editor.GetAsync($"/umbraco/members/registrations?session={session:D}");
            Assert.Equal("Registrations to attend", BackOfficeScreens.AssertPage(list, listPage));
            Assert.Equal(["第二位校长", "First Principal"], listPage.QuerySelectorAll("main tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));
            Assert.Contains("1 places taken, 0 on the waiting list", listPage.QuerySelector(".registration-counts")!.TextContent, StringComparison.Ordinal);
            var (_, waitingOnly) = await editor.GetAsync($"/umbraco/members/registrations?session={session:D}&status=Cancelled");
            Assert.Equal(["First Principal"], waitingOnly.QuerySelectorAll("main tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));

            var csv = await editor.Http.GetAsync(new Uri($"/umbraco/members/registrations/export.csv?session={session:D}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // Excel reads UTF-8 (and so Chinese) only with the mark
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Session,Name,Email,", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("Sample session (test),第二位校长," + secondEmail, lines[1], StringComparison.Ordinal);
            Assert.Contains("Place confirmed", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            await UnpublishAsync(session);
        }
    }

    [Fact]
    public async Task A_place_freed_by_a_deleted_account_or_an_editor_goes_to_the_first_waiting()
    {
        var session = await PublishSessionAsync(capacity: 1, opens: Today.AddDays(-1), closes: Today.AddDays(5));
        try
        {
            using var first = new MemberClient(site);
            await first.RegisterAndLogInAsync("en", "Leaving Principal");
            using var second = new MemberClient(site);
            var secondEmail = await second.RegisterAndLogInAsync("en", "Waiting Principal");
            using var third = new MemberClient(site);
            var thirdEmail = await third.RegisterAndLogInAsync("en", "Third Principal");
            foreach (var member in new[] { first, second, third })
            {
                await member.SubmitAsync("/en/member/registration", new Dictionary<string, string>(), "form[action='/en/member/registration']");
            }

            var (deleted, _) = await first.SubmitAsync("/en/member/delete", new Dictionary<string, string> { ["CurrentPassword"] = MemberClient.Password });
            Assert.Equal("/en/member/deleted", deleted.Headers.Location!.OriginalString);
            await MailAsync(secondEmail, "A place is yours: Sample session (test)");

            // The editor cancels the second's place from the list: the third moves up.
            using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
            var list = $"/umbraco/members/registrations?session={session:D}";
            var (_, listPage) = await editor.GetAsync(list);
            var cancelForm = listPage.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Waiting Principal", StringComparison.Ordinal)).QuerySelector("form")!;
            var (cancelled, _) = await editor.SubmitAsync(list, new Dictionary<string, string>(), $"form[action='{cancelForm.GetAttribute("action")}']");
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
            await MailAsync(secondEmail, "Registration cancelled: Sample session (test)");
            await MailAsync(thirdEmail, "A place is yours: Sample session (test)");
            var (_, after) = await editor.GetAsync(list);
            Assert.Contains("1 places taken, 0 on the waiting list", after.QuerySelector(".registration-counts")!.TextContent, StringComparison.Ordinal);
            Assert.Null(after.QuerySelector("form[action='/umbraco/members/registrations/fill']"));
        }
        finally
        {
            await UnpublishAsync(session);
        }
    }

    [Fact]
    public async Task After_the_window_a_registration_is_refused_in_the_visitors_language_and_the_home_page_says_it_is_closed()
    {
        var session = await PublishSessionAsync(capacity: null, opens: Today.AddDays(-10), closes: Today.AddDays(-1));
        try
        {
            var (_, home) = await site.GetPageAsync("/zh/");
            Assert.Equal("报名已截止。", home.QuerySelector("main .next-session .registration-state")!.TextContent);
            Assert.Null(home.QuerySelector("main .next-session a.button"));

            using var member = new MemberClient(site);
            await member.RegisterAndLogInAsync("zh", "校长", "zh-CN");
            var (_, page) = await member.GetAsync("/zh/member/registration");
            Assert.Null(page.QuerySelector("form[action='/zh/member/registration']")); // no button to press
            var (refused, refusedPage) = await member.PostAsync("/zh/member/registration", await FormFieldsAsync(member, "/zh/member"));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("本届论坛报名已截止。", refusedPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        }
        finally
        {
            await UnpublishAsync(session);
        }
    }

    [Fact]
    public async Task A_window_that_closes_before_it_opens_is_refused_on_save_with_a_clear_message()
    {
        var archive = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("sessionArchive").Single();
        var data = SessionData(capacity: null, opens: Today.AddDays(5), closes: Today.AddDays(1));
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(Guid.NewGuid(), archive.Key, "session", data), "test", CancellationToken.None);

        Assert.False(saved.Succeeded);
        var error = Assert.Single(saved.Errors);
        Assert.Equal("registrationCloses", error.Alias);
        Assert.Equal("Registration closes cannot be before Registration opens.", error.Message.ToString());
    }

    [Fact]
    public async Task Without_an_announced_session_the_member_area_offers_the_application_instead()
    {
        using var member = new MemberClient(site);
        await member.RegisterAndLogInAsync("en");
        var (response, page) = await member.GetAsync("/en/member/registration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No session of the forum is announced", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/en/member/applications/new?kind=NextSession']"));
        var (refused, _) = await member.PostAsync("/en/member/registration", await FormFieldsAsync(member, "/en/member"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task The_registration_page_asks_a_visitor_to_log_in_first()
    {
        using var visitor = new MemberClient(site);
        var (response, _) = await visitor.GetAsync("/en/member/registration");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/en/member/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static ContentData SessionData(int? capacity, DateOnly opens, DateOnly closes)
    {
        var values = new List<PropertyValue>
        {
            new("title", "en-US", "Sample session (test)"),
            new("title", "zh-CN", "示例会议（测试）"),
            new("umbracoUrlName", "en-US", "sample-session-test"),
            new("umbracoUrlName", "zh-CN", "sample-session-test"),
            new("venueCity", "en-US", "Sample City"),
            new("venueCity", "zh-CN", "示例城市"),
            new("sessionNumber", null, "99"),
            new("startDate", null, Today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("endDate", null, Today.AddDays(41).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("registrationOpens", null, opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("registrationCloses", null, closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (capacity is { } places)
        {
            values.Add(new("capacity", null, places.ToString(CultureInfo.InvariantCulture)));
        }

        return new ContentData(new Dictionary<string, string> { ["en-US"] = "Sample session (test)", ["zh-CN"] = "示例会议（测试）" }, values);
    }

    private async Task<Guid> PublishSessionAsync(int? capacity, DateOnly opens, DateOnly closes)
    {
        var archive = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("sessionArchive").Single();
        var key = Guid.NewGuid();
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, archive.Key, "session", SessionData(capacity, opens, closes)), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var published = await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["en-US", "zh-CN"], "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
        return key;
    }

    private async Task UnpublishAsync(Guid key)
    {
        var publishing = site.Services.GetRequiredService<IPublishingService>();
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            await publishing.UnpublishAsync(key, culture, "test", CancellationToken.None);
        }
    }

    /// <summary>The hidden fields (the antiforgery token) of a page's first form, to post without its button.</summary>
    private static async Task<Dictionary<string, string>> FormFieldsAsync(MemberClient client, string path)
    {
        var (_, page) = await client.GetAsync(path);
        return page.QuerySelectorAll("form input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "", StringComparer.Ordinal);
    }

    private async Task<MimeKit.MimeMessage> MailAsync(string email, string subject)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (MemberClient.Mailbox(site, email).FirstOrDefault(m => m.Subject == subject) is { } mail)
            {
                return mail;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"No mail \"{subject}\" to {email}: " + string.Join(" | ", MemberClient.Mailbox(site, email).Select(m => m.Subject)));
    }
}
