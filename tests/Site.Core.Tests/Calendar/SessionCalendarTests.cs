using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Calendar;
using Site.Core.Programme;
using Site.Core.Tests.Programme;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.Core.Tests.Calendar;

/// <summary>
/// The session's iCalendar files, parsed back with Ical.Net: times in the session's zone give the right UTC instants
/// (China without daylight saving, Melbourne with it), stable UIDs, texts in the culture asked for, all-day sessions.
/// </summary>
public sealed class SessionCalendarTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private static readonly Uri Origin = new("https://forum.example.org");

    private TestEngine Engine => fixture.Engine;

    private ISessionCalendar Calendars => Engine.Services.GetRequiredService<ISessionCalendar>();

    private Site.Core.Publishing.PublishedContent Published(Guid key) => Engine.Snapshots.Current.GetByKey(key)!;

    private static Ical.Net.Calendar Parse(string? ics)
    {
        Assert.NotNull(ics);
        return Ical.Net.Calendar.Load(ics)!;
    }

    [Fact]
    public async Task A_session_in_Shanghai_gives_one_event_per_day_and_one_per_item_at_the_right_UTC_instants()
    {
        var speaker = await ProgrammeTestContent.PublishSpeakerAsync(Engine, Speaker("王测试", "Wang Test", "测试学校", "Test School"));
        var keynote = Guid.NewGuid();
        var agenda = Agenda(
            Item(keynote, At(2026, 5, 12, 9, 0), At(2026, 5, 12, 10, 0), AgendaKinds.Keynote, [speaker],
                new(Chinese, "开幕演讲", "主会场", "欢迎辞。"), new(English, "Opening keynote", "Main hall", "Words of welcome.")),
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 30), At(2026, 5, 12, 12, 0), AgendaKinds.Panel, [],
                new(Chinese, "圆桌", "主会场"), new(English, "Panel", "Main hall")),
            Item(Guid.NewGuid(), At(2026, 5, 13, 9, 0), At(2026, 5, 13, 16, 0), AgendaKinds.SchoolVisit, [],
                new(Chinese, "学校参访", null), new(English, "School visits", null)));
        var session = await ProgrammeTestContent.PublishSessionAsync(Engine, Session("日历测试", "Calendar test", "Asia/Shanghai", agenda, urlName: "calendar-test",
            venue: [(Chinese, "测试会场", "江苏省南京市测试路1号"), (English, "Test venue", "1 Test Road, Nanjing")]));

        var whole = Parse(Calendars.ForSession(Published(session), English, Origin));
        var item = Parse(Calendars.ForItem(Published(session), keynote, English, Origin));
        var chinese = Parse(Calendars.ForItem(Published(session), keynote, Chinese, Origin));

        Assert.Equal("Asia/Shanghai", Assert.Single(whole.TimeZones).TzId);
        var days = whole.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, days.Count);
        Assert.Equal(new DateTime(2026, 5, 12, 1, 0, 0, DateTimeKind.Utc), days[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 5, 12, 4, 0, 0, DateTimeKind.Utc), days[0].DtEnd!.AsUtc);
        Assert.Equal("Asia/Shanghai", days[0].DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 5, 13, 8, 0, 0, DateTimeKind.Utc), days[1].DtEnd!.AsUtc);
        Assert.All(days, d => Assert.Equal("Calendar test", d.Summary));
        Assert.Contains("09:00–10:00 Keynote: Opening keynote (Main hall)", days[0].Description, StringComparison.Ordinal);
        Assert.Equal("Test venue, 1 Test Road, Nanjing", days[0].Location);
        Assert.Equal(new Uri(Origin, "/en/sessions/calendar-test"), days[0].Url);

        var keynoteEvent = Assert.Single(item.Events);
        Assert.Equal($"{keynote:N}@forum.example.org", keynoteEvent.Uid);
        Assert.Equal("Opening keynote", keynoteEvent.Summary);
        Assert.Equal("Main hall, Test venue, 1 Test Road, Nanjing", keynoteEvent.Location);
        Assert.Contains("Wang Test", keynoteEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Words of welcome.", keynoteEvent.Description, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 5, 12, 1, 0, 0, DateTimeKind.Utc), keynoteEvent.DtStart!.AsUtc);
        Assert.NotEmpty(Assert.Single(item.TimeZones).TimeZoneInfos);

        var chineseEvent = Assert.Single(chinese.Events);
        Assert.Equal(keynoteEvent.Uid, chineseEvent.Uid);
        Assert.Equal("开幕演讲", chineseEvent.Summary);
        Assert.Contains("主旨演讲", chineseEvent.Description, StringComparison.Ordinal);
        Assert.Contains("王测试", chineseEvent.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri(Origin, "/zh/sessions/calendar-test"), chineseEvent.Url);

        // The same content gives the same file: stable UIDs and stamps.
        Assert.Equal(Calendars.ForSession(Published(session), English, Origin), Calendars.ForSession(Published(session), English, Origin));
    }

    [Fact]
    public async Task A_session_in_Melbourne_keeps_its_wall_clock_times_across_daylight_saving()
    {
        var winter = Guid.NewGuid();
        var summer = Guid.NewGuid();
        var agenda = Agenda(
            Item(winter, At(2026, 5, 12, 9, 0), At(2026, 5, 12, 10, 0), AgendaKinds.Seminar, [], new(Chinese, "五月", null), new(English, "May", null)),
            Item(summer, At(2027, 1, 15, 9, 0), At(2027, 1, 15, 10, 0), AgendaKinds.Seminar, [], new(Chinese, "一月", null), new(English, "January", null)));
        var session = await ProgrammeTestContent.PublishSessionAsync(Engine, Session("墨尔本测试", "Melbourne test", "Australia/Melbourne", agenda));

        var may = Assert.Single(Parse(Calendars.ForItem(Published(session), winter, English, Origin)).Events);
        var january = Assert.Single(Parse(Calendars.ForItem(Published(session), summer, English, Origin)).Events);

        // AEST is UTC+10 in May; AEDT is UTC+11 in January.
        Assert.Equal(new DateTime(2026, 5, 11, 23, 0, 0, DateTimeKind.Utc), may.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 1, 14, 22, 0, 0, DateTimeKind.Utc), january.DtStart!.AsUtc);
        Assert.Equal("Australia/Melbourne", january.DtStart!.TzId);
    }

    [Fact]
    public async Task A_session_without_agenda_times_is_an_all_day_event_over_its_dates_and_one_without_dates_has_no_calendar()
    {
        var dated = await ProgrammeTestContent.PublishSessionAsync(Engine, Session("全天测试", "All-day test", startDate: "2026-10-20", endDate: "2026-10-22"));
        var undated = await ProgrammeTestContent.PublishSessionAsync(Engine, Session("无日期测试", "Undated test"));

        var allDay = Assert.Single(Parse(Calendars.ForSession(Published(dated), English, Origin)).Events);

        Assert.True(allDay.IsAllDay);
        Assert.Equal(new DateOnly(2026, 10, 20), allDay.DtStart!.Date);
        Assert.Equal(new DateOnly(2026, 10, 23), allDay.DtEnd!.Date); // exclusive
        Assert.Equal($"{dated:N}@forum.example.org", allDay.Uid);
        Assert.Null(Calendars.ForSession(Published(undated), English, Origin));
        Assert.Null(Calendars.ForItem(Published(dated), Guid.NewGuid(), English, Origin));
    }

    [Fact]
    public void A_node_that_is_not_a_session_has_no_calendar()
    {
        Assert.Null(Calendars.ForSession(Published(About), English, Origin));
        Assert.Null(Calendars.ForSession(Published(SpeakersIndex), Chinese, Origin));
    }
}
