using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Programme;
using Site.Core.Workflow;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.Tests.Features.Public;

/// <summary>
/// A session's programme on its page (a timetable per day, in the page's language), speakers' pages with the sessions
/// they spoke at, the empty speakers index, "Add to calendar" files, and the same content in the Delivery API.
/// Every test builds its own session and speakers and removes them.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ProgrammePageTests(SiteFactory site)
{
    private const string Chinese = "zh-CN";
    private const string English = "en-US";

    private sealed record Built(Guid Session, string Slug, Guid Speaker, string SpeakerSlug, Guid Keynote, Guid Visit, Guid Idle);

    /// <summary>A two-day session in Melbourne with a keynote by one speaker, a panel beside a seminar, a school visit; another speaker with no item.</summary>
    private async Task<Built> BuildAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var speaker = await site.PublishSpeakerAsync(Speaker("李测试", "Li Test", "测试中学", "Test Secondary School", urlName: "li-test-" + id));
        var idle = await site.PublishSpeakerAsync(Speaker("赵空闲", "Zhao Idle", "空闲学校", "Idle School", urlName: "zhao-idle-" + id));
        var keynote = Guid.NewGuid();
        var visit = Guid.NewGuid();
        var agenda = Agenda(
            Item(keynote, At(2026, 10, 20, 9, 0), At(2026, 10, 20, 10, 0), AgendaKinds.Keynote, [speaker],
                new(Chinese, "开幕主旨演讲", "主会场", "校长的领导力。"), new(English, "Opening keynote", "Main hall", "Leadership of principals.")),
            Item(Guid.NewGuid(), At(2026, 10, 20, 10, 30), At(2026, 10, 20, 12, 0), AgendaKinds.Panel, [],
                new(Chinese, "圆桌论坛", "主会场"), new(English, "Panel", "Main hall")),
            Item(Guid.NewGuid(), At(2026, 10, 20, 10, 30), At(2026, 10, 20, 12, 0), AgendaKinds.Seminar, [],
                new(Chinese, "分组研讨", "二号厅"), new(English, "Seminar", "Room 2")),
            Item(visit, At(2026, 10, 21, 9, 0), At(2026, 10, 21, 15, 0), AgendaKinds.SchoolVisit, [speaker],
                new(Chinese, "学校参访", null), new(English, "School visits", null)));
        var slug = "programme-" + id;
        var session = await site.PublishSessionAsync(Session("日程测试", "Programme test", "Australia/Melbourne", agenda, "2026-10-20", "2026-10-21", slug,
            [(Chinese, "测试会场", "墨尔本测试路1号\n三楼"), (English, "Test venue", "1 Test Road\nMelbourne")]));
        return new Built(session, slug, speaker, "li-test-" + id, keynote, visit, idle);
    }

    [Fact]
    public async Task The_session_page_shows_a_timetable_per_day_with_times_zone_kinds_rooms_and_linked_speakers_in_each_language()
    {
        var built = await BuildAsync();
        try
        {
            var (response, page) = await site.GetPageAsync($"/en/sessions/{built.Slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var days = page.QuerySelectorAll("main .programme .agenda-day");
            Assert.Equal(2, days.Length);
            Assert.Equal("2026-10-20", days[0].QuerySelector("h3 time")!.GetAttribute("datetime"));
            Assert.Equal("Tuesday 20 October 2026", days[0].QuerySelector("h3")!.TextContent.Trim());
            Assert.Equal(["Time", "What", "Room", "Speakers"], days[0].QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
            // Two slots on the first day (9:00; 10:30 with two items side by side), one on the second.
            Assert.Equal([1, 2], days[0].QuerySelectorAll("tbody.agenda-slot").Select(b => b.QuerySelectorAll("tr").Length));
            var keynote = page.QuerySelector($"#item-{built.Keynote:N}")!;
            Assert.Equal("09:00–10:00", keynote.QuerySelector("th[scope=row]")!.TextContent.Trim().Split('\n')[0].Trim());
            Assert.Equal("2026-10-20T09:00+11:00", keynote.QuerySelector("th time")!.GetAttribute("datetime"));
            Assert.Equal("UTC+11:00", keynote.QuerySelector(".agenda-zone")!.TextContent);
            Assert.Equal("Keynote", keynote.QuerySelector(".agenda-kind")!.TextContent);
            Assert.Equal("Opening keynote", keynote.QuerySelector(".agenda-title")!.TextContent);
            Assert.Equal("Leadership of principals.", keynote.QuerySelector(".agenda-description")!.TextContent);
            Assert.Equal("Main hall", keynote.QuerySelector(".agenda-room")!.TextContent.Trim());
            var speakerLink = keynote.QuerySelector(".agenda-speakers a")!;
            Assert.Equal(("Li Test", $"/en/speakers/{built.SpeakerSlug}"), (speakerLink.TextContent, speakerLink.GetAttribute("href")));
            Assert.Equal($"/en/sessions/{built.Slug}/calendar.ics?item={built.Keynote:D}", keynote.QuerySelector("a.add-to-calendar")!.GetAttribute("href"));
            Assert.Equal($"/en/sessions/{built.Slug}/calendar.ics", page.QuerySelector("main .programme > .add-to-calendar a")!.GetAttribute("href"));
            Assert.Contains("Australia/Melbourne (UTC+11:00)", page.QuerySelector("main .programme > .meta")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("1 Test Road\nMelbourne", page.QuerySelector("main .venue-address")!.TextContent.Trim());
            Assert.Empty(page.QuerySelectorAll("main [style]"));

            var (_, chinese) = await site.GetPageAsync($"/zh/sessions/{built.Slug}");
            var chineseKeynote = chinese.QuerySelector($"#item-{built.Keynote:N}")!;
            Assert.Equal("主旨演讲", chineseKeynote.QuerySelector(".agenda-kind")!.TextContent);
            Assert.Equal("开幕主旨演讲", chineseKeynote.QuerySelector(".agenda-title")!.TextContent);
            Assert.Equal("李测试", chineseKeynote.QuerySelector(".agenda-speakers a")!.TextContent);
            Assert.Equal("2026年10月20日 星期二", chinese.QuerySelector("main .agenda-day h3")!.TextContent.Trim());
            Assert.Equal(["时间", "内容", "地点", "演讲嘉宾"], chinese.QuerySelectorAll("main .agenda-day thead th").Take(4).Select(th => th.TextContent.Trim()));
        }
        finally
        {
            await site.RemoveAsync(built.Session, built.Speaker, built.Idle);
        }
    }

    [Fact]
    public async Task The_venue_map_is_shown_with_the_venue_with_its_alt_text_in_the_pages_language()
    {
        var editor = new BackOfficeUser("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
        using var picture = Image.Black(800, 600, bands: 3);
        var media = (await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(picture.JpegsaveBuffer()), "venue-map.jpg", new Dictionary<string, string> { [Chinese] = "会场平面图", [English] = "Floor plan of the venue" }, null,
            editor, CancellationToken.None)).Item!;
        var slug = "venue-map-" + Guid.NewGuid().ToString("N")[..8];
        var data = Session("地图测试", "Map test", urlName: slug);
        var session = await site.PublishSessionAsync(data with
        {
            Values = [.. data.Values, new PropertyValue("venueMap", null, $"[{{\"key\":\"{Guid.NewGuid()}\",\"mediaKey\":\"{media.Key}\",\"mediaTypeAlias\":\"Image\"}}]")],
        });
        try
        {
            var (_, english) = await site.GetPageAsync($"/en/sessions/{slug}");
            var (_, chinese) = await site.GetPageAsync($"/zh/sessions/{slug}");

            Assert.Equal("Floor plan of the venue", english.QuerySelector("main figure.venue-map img")!.GetAttribute("alt"));
            Assert.Equal("Map of the venue", english.QuerySelector("main figure.venue-map figcaption")!.TextContent);
            Assert.Equal("会场平面图", chinese.QuerySelector("main figure.venue-map img")!.GetAttribute("alt"));
            Assert.Equal("会场地图", chinese.QuerySelector("main figure.venue-map figcaption")!.TextContent);
            // No programme and no start date: no calendar link.
            Assert.Empty(english.QuerySelectorAll("main .add-to-calendar"));
        }
        finally
        {
            await site.RemoveAsync(session);
            await site.Services.GetRequiredService<IMediaService>().DeleteAsync(media.Key, editor, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_speaker_page_lists_the_sessions_and_items_they_spoke_at_and_a_speaker_in_no_programme_says_so()
    {
        var built = await BuildAsync();
        try
        {
            var (response, page) = await site.GetPageAsync($"/en/speakers/{built.SpeakerSlug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Li Test", page.QuerySelector("main h1")!.TextContent);
            Assert.Contains("Test Secondary School", page.QuerySelector("main .facts")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Li Test (test content).", page.QuerySelector("main .prose")!.TextContent, StringComparison.Ordinal);
            var session = Assert.Single(page.QuerySelectorAll("main .speaker-sessions > ul > li"));
            Assert.Equal($"/en/sessions/{built.Slug}", session.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Equal(
                [$"/en/sessions/{built.Slug}#item-{built.Keynote:N}", $"/en/sessions/{built.Slug}#item-{built.Visit:N}"],
                session.QuerySelectorAll(".speaker-items a").Select(a => a.GetAttribute("href")));
            Assert.Equal(["Opening keynote", "School visits"], session.QuerySelectorAll(".speaker-items a").Select(a => a.TextContent));

            var (_, chinese) = await site.GetPageAsync($"/zh/speakers/{built.SpeakerSlug}");
            Assert.Equal(["开幕主旨演讲", "学校参访"], chinese.QuerySelectorAll("main .speaker-items a").Select(a => a.TextContent));
            Assert.Contains("学校参访", chinese.QuerySelector("main .speaker-items .meta")!.TextContent + chinese.QuerySelectorAll("main .speaker-items .meta")[1].TextContent, StringComparison.Ordinal);

            var idle = site.Snapshot().GetByKey(built.Idle)!;
            var (_, idlePage) = await site.GetPageAsync(idle.Url(English)!);
            Assert.Equal("No published programme names this speaker yet.", idlePage.QuerySelector("main .speaker-sessions .note")!.TextContent);

            var (_, index) = await site.GetPageAsync("/en/speakers");
            Assert.Equal(["Li Test", "Zhao Idle"], index.QuerySelectorAll("main .speaker-list .card-title a").Select(a => a.TextContent));
        }
        finally
        {
            await site.RemoveAsync(built.Session, built.Speaker, built.Idle);
        }
    }

    [Theory]
    [InlineData("/en/speakers", "No speakers have been published yet.", "Speakers")]
    [InlineData("/zh/speakers", "暂无演讲嘉宾信息。", "演讲嘉宾")]
    public async Task The_shipped_speakers_index_is_empty_with_a_friendly_note_and_in_the_main_navigation(string path, string note, string title)
    {
        var (response, page) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith(note, page.QuerySelector("main .note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("nav.main-nav a"), a => a.GetAttribute("href") == path);
    }

    [Fact]
    public async Task The_calendar_files_are_served_as_text_calendar_for_the_session_and_each_item_and_answer_HEAD()
    {
        var built = await BuildAsync();
        try
        {
            using var client = site.CreateBrowserClient();
            var whole = await client.GetAsync(new Uri($"/en/sessions/{built.Slug}/calendar.ics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("text/calendar", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", whole.Content.Headers.ContentType.CharSet);
            var calendar = Ical.Net.Calendar.Load(await whole.Content.ReadAsStringAsync())!;
            Assert.Equal("Australia/Melbourne", Assert.Single(calendar.TimeZones).TzId);
            Assert.Equal(2, calendar.Events.Count);
            Assert.Equal(new DateTime(2026, 10, 19, 22, 0, 0, DateTimeKind.Utc), calendar.Events.Min(e => e.DtStart!.AsUtc));
            Assert.Equal(new Uri($"{SiteFactory.PublicOrigin}/en/sessions/{built.Slug}"), calendar.Events.First().Url);
            Assert.StartsWith("attachment;", whole.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);

            var item = await client.GetAsync(new Uri($"/zh/sessions/{built.Slug}/calendar.ics?item={built.Keynote}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, item.StatusCode);
            var keynote = Assert.Single(Ical.Net.Calendar.Load(await item.Content.ReadAsStringAsync())!.Events);
            Assert.Equal("开幕主旨演讲", keynote.Summary);
            Assert.Equal($"{built.Keynote:N}@localhost", keynote.Uid);

            using var head = new HttpRequestMessage(HttpMethod.Head, new Uri($"/en/sessions/{built.Slug}/calendar.ics", UriKind.Relative));
            var headResponse = await client.SendAsync(head);
            Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
            Assert.Equal("text/calendar", headResponse.Content.Headers.ContentType!.MediaType);
            Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await site.RemoveAsync(built.Session, built.Speaker, built.Idle);
        }
    }

    [Theory]
    [InlineData("/en/sessions/{slug}/calendar.ics?item={unknown}", "en")]
    [InlineData("/zh/sessions/{slug}/calendar.ics?item=not-a-key", "zh-CN")]
    [InlineData("/en/about/calendar.ics", "en")]
    [InlineData("/en/speakers/calendar.ics", "en")]
    [InlineData("/zh/no-such-page/calendar.ics", "zh-CN")]
    [InlineData("/en/sessions/{undated}/calendar.ics", "en")]
    public async Task Calendar_requests_for_what_is_not_a_dated_session_or_its_item_are_the_friendly_404_page(string template, string lang)
    {
        var built = await BuildAsync();
        var undated = await site.PublishSessionAsync(Session("无日期", "Undated", urlName: "undated-" + built.Slug));
        try
        {
            var path = template.Replace("{slug}", built.Slug, StringComparison.Ordinal)
                .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{undated}", "undated-" + built.Slug, StringComparison.Ordinal);

            var (response, page) = await site.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(lang, page.DocumentElement.GetAttribute("lang"), StringComparison.Ordinal);
        }
        finally
        {
            await site.RemoveAsync(built.Session, built.Speaker, built.Idle, undated);
        }
    }

    [Fact]
    public async Task The_delivery_api_serves_the_agenda_blocks_with_expandable_speakers_the_new_session_fields_and_speakers()
    {
        var built = await BuildAsync();
        try
        {
            var item = await site.GetAsync($"content/item/{built.Session}", DeliveryApi.English);
            Assert.True(item.Status == HttpStatusCode.OK, item.Body);
            var properties = item.Json.GetProperty("properties");
            Assert.Equal("Australia/Melbourne", properties.GetProperty("timeZone").GetString());
            Assert.Equal("1 Test Road\nMelbourne", properties.GetProperty("venueAddress").GetString());
            Assert.Equal(JsonValueKind.Array, properties.GetProperty("venueMap").ValueKind);
            var items = properties.GetProperty("agenda").GetProperty("items");
            Assert.Equal(4, items.GetArrayLength());
            var keynote = items[0].GetProperty("content");
            Assert.Equal(("agendaItem", built.Keynote), (keynote.GetProperty("contentType").GetString(), keynote.GetProperty("id").GetGuid()));
            var values = keynote.GetProperty("properties");
            Assert.Equal("2026-10-20T09:00:00", values.GetProperty("start").GetString());
            Assert.Equal("2026-10-20T10:00:00", values.GetProperty("end").GetString());
            Assert.Equal("keynote", values.GetProperty("kind").GetString());
            Assert.Equal("Opening keynote", values.GetProperty("title").GetString());
            Assert.Equal("Main hall", values.GetProperty("room").GetString());
            var speaker = Assert.Single(values.GetProperty("speakers").EnumerateArray());
            Assert.Equal(("speaker", built.Speaker), (speaker.GetProperty("contentType").GetString(), speaker.GetProperty("id").GetGuid()));
            Assert.Empty(speaker.GetProperty("properties").EnumerateObject());

            var expanded = await site.GetAsync($"content/item/{built.Session}?expand=properties[agenda[properties[speakers]]]", DeliveryApi.Chinese);
            Assert.True(expanded.Status == HttpStatusCode.OK, expanded.Body);
            var expandedSpeaker = expanded.Json.GetProperty("properties").GetProperty("agenda").GetProperty("items")[0]
                .GetProperty("content").GetProperty("properties").GetProperty("speakers")[0];
            Assert.Equal("测试中学", expandedSpeaker.GetProperty("properties").GetProperty("organisation").GetString());
            Assert.Equal("开幕主旨演讲", expanded.Json.GetProperty("properties").GetProperty("agenda").GetProperty("items")[0]
                .GetProperty("content").GetProperty("properties").GetProperty("title").GetString());

            var speakers = await site.GetAsync("content?filter=contentType:speaker", DeliveryApi.English);
            Assert.True(speakers.Status == HttpStatusCode.OK, speakers.Body);
            var names = speakers.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
            Assert.Contains("Li Test", names);
            Assert.Equal($"/en/speakers/{built.SpeakerSlug}/", speakers.Json.GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("id").GetGuid() == built.Speaker).GetProperty("route").GetProperty("path").GetString());
        }
        finally
        {
            await site.RemoveAsync(built.Session, built.Speaker, built.Idle);
        }
    }
}
