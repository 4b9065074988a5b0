using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// Editing a session's programme in the back office: the agenda's block editor gets a date-and-time field and the
/// kinds of item with their labels, and the form refuses an overlapping agenda or an unknown time zone with the rule's message.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ProgrammeEditingTests(SiteFactory site)
{
    private Guid Sessions => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("sessionArchive").Single().Key;

    private async Task<MemberClient> SignInAsync()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Editors);
        var browser = new MemberClient(site);
        var (response, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task The_agenda_editor_offers_date_and_time_fields_and_the_kinds_of_item_in_the_editors_language()
    {
        using var editor = await SignInAsync();

        var (response, page) = await editor.GetAsync($"/umbraco/content/create?parentId={Sessions}&type=session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = JsonDocument.Parse(page.QuerySelector("textarea[name='v.agenda']")!.GetAttribute("data-blocklist")!).RootElement;
        var block = Assert.Single(config.GetProperty("blocks").EnumerateArray());
        Assert.Equal("agendaItem", block.GetProperty("alias").GetString());
        var properties = block.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("alias").GetString()!);
        Assert.True(properties["start"].GetProperty("hasTime").GetBoolean());
        Assert.True(properties["end"].GetProperty("hasTime").GetBoolean());
        Assert.Equal(
            [("keynote", "Keynote"), ("seminar", "Seminar"), ("panel", "Panel"), ("schoolVisit", "School visit"), ("break", "Break"), ("other", "Other")],
            properties["kind"].GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("value").GetString(), o.GetProperty("label").GetString())));
        Assert.True(properties["title"].GetProperty("varies").GetBoolean());
        // Speakers are picked by name, among speakers only, as many as the item has.
        var picker = properties["speakers"].GetProperty("picker");
        Assert.Equal(["speaker"], picker.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, picker.GetProperty("max").GetInt32());
        Assert.Equal("Speaker", picker.GetProperty("typeNames").GetString());
        Assert.Equal("Find by name", config.GetProperty("words").GetProperty("pickerSearch").GetString());
        Assert.NotNull(page.QuerySelector("input[name='v.timeZone']"));
        Assert.NotNull(page.QuerySelector("textarea[name='v.venueAddress.en-US']"));
    }

    [Fact]
    public async Task Saving_an_overlapping_agenda_or_an_unknown_time_zone_shows_the_rules_message_and_saves_nothing()
    {
        using var editor = await SignInAsync();
        var agenda = Agenda(
            Item(Guid.NewGuid(), At(2026, 10, 20, 9, 0), At(2026, 10, 20, 10, 0), "keynote", [], new ItemText(EnglishCulture, "Opening", "Main hall")),
            Item(Guid.NewGuid(), At(2026, 10, 20, 9, 30), At(2026, 10, 20, 10, 30), "panel", [], new ItemText(EnglishCulture, "Panel", "Main hall")));
        var fields = new Dictionary<string, string>
        {
            ["name.zh-CN"] = "重叠测试",
            ["name.en-US"] = "Overlap test",
            ["v.title.zh-CN"] = "重叠测试",
            ["v.title.en-US"] = "Overlap test",
            ["v.sessionNumber"] = "98",
            ["v.timeZone"] = "Asia/Beijing",
            ["v.agenda"] = agenda,
        };

        var (response, page) = await editor.SubmitAsync($"/umbraco/content/create?parentId={Sessions}&type=session", fields, "form.content-form");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("\"Asia/Beijing\" is not a known time zone", summary, StringComparison.Ordinal);
        Assert.Null(site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("session").FirstOrDefault(s => s.Name("en-US") == "Overlap test"));

        fields["v.timeZone"] = "Asia/Shanghai";
        (response, page) = await editor.SubmitAsync($"/umbraco/content/create?parentId={Sessions}&type=session", fields, "form.content-form");

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("items 1 and 2 overlap in the room \"Main hall\" on 2026-10-20", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
