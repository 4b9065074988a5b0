using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.Core.Tests.Programme;

/// <summary>
/// The programme's rules on save (and so on publish and import): an item ends after it starts, two items in one room
/// on one day do not overlap, a time zone is an IANA id; each refusal in the editor's language.
/// </summary>
public sealed class AgendaValidationTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private TestEngine Engine => fixture.Engine;

    private static ItemText[] Texts(string title, string? room) =>
        [new(Chinese, title + "（中）", room is null ? null : room + "厅"), new(English, title, room is null ? null : room + " Hall")];

    private Task<SaveResult> SaveAsync(string? agenda, string? timeZone = null) =>
        ProgrammeTestContent.SaveSessionAsync(Engine, Session("校验测试", "Validation test " + Guid.NewGuid().ToString("N")[..6], timeZone, agenda));

    [Fact]
    public async Task An_item_that_ends_before_or_when_it_starts_is_refused_with_a_message_in_both_languages()
    {
        foreach (var end in new[] { At(2026, 5, 12, 8, 30), At(2026, 5, 12, 9, 0) })
        {
            var agenda = Agenda(
                Item(Guid.NewGuid(), At(2026, 5, 12, 8, 0), At(2026, 5, 12, 8, 45), AgendaKindsFor.Other, [], Texts("Registration", null)),
                Item(Guid.NewGuid(), At(2026, 5, 12, 9, 0), end, AgendaKindsFor.Keynote, [], Texts("Opening", "Main")));

            var result = await SaveAsync(agenda);

            Assert.Equal(SaveStatus.ValidationFailed, result.Status);
            var error = Assert.Single(result.Errors);
            Assert.Equal("agenda", error.Alias);
            Assert.Contains("item 2 ends before or when it starts", error.Message.Get(English), StringComparison.Ordinal);
            Assert.Contains("第2项的结束时间早于或等于开始时间", error.Message.Get(Chinese), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_items_overlapping_in_one_room_on_one_day_are_refused()
    {
        var agenda = Agenda(
            Item(Guid.NewGuid(), At(2026, 5, 12, 9, 0), At(2026, 5, 12, 10, 0), AgendaKindsFor.Keynote, [], Texts("Opening", "Main")),
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 0), At(2026, 5, 12, 11, 0), AgendaKindsFor.Seminar, [], Texts("Seminar A", "Main")),
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 30), At(2026, 5, 12, 11, 30), AgendaKindsFor.Panel, [], Texts("Panel", "Main")));

        var result = await SaveAsync(agenda);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        // Rooms are read in each culture ("Main Hall", "Main厅"): the one overlap is reported once.
        var error = Assert.Single(result.Errors);
        Assert.Matches("^Agenda: items 2 and 3 overlap in the room \"Main(厅| Hall)\" on 2026-05-12\\. Change a time or a room\\.$", error.Message.Get(English));
        Assert.Contains("第2项与第3项于2026-05-12在", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_times_in_two_rooms_on_two_days_or_back_to_back_are_allowed()
    {
        var agenda = Agenda(
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 0), At(2026, 5, 12, 11, 0), AgendaKindsFor.Seminar, [], Texts("Seminar A", "East")),
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 0), At(2026, 5, 12, 11, 0), AgendaKindsFor.Seminar, [], Texts("Seminar B", "West")),
            Item(Guid.NewGuid(), At(2026, 5, 12, 11, 0), At(2026, 5, 12, 12, 0), AgendaKindsFor.Panel, [], Texts("Panel", "East")),
            Item(Guid.NewGuid(), At(2026, 5, 13, 10, 0), At(2026, 5, 13, 11, 0), AgendaKindsFor.Seminar, [], Texts("Seminar A again", "East")),
            // A break for everyone, without a room, shares its time with anything.
            Item(Guid.NewGuid(), At(2026, 5, 12, 10, 0), At(2026, 5, 12, 10, 30), AgendaKindsFor.Break, [], Texts("Tea", null)));

        var result = await SaveAsync(agenda, "Australia/Melbourne");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.Get(English))));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("+08:00")]
    public async Task An_unknown_time_zone_is_refused_naming_it(string zone)
    {
        var result = await SaveAsync(agenda: null, zone);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("timeZone", error.Alias);
        Assert.Contains($"\"{zone}\" is not a known time zone", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains($"“{zone}”不是可识别的时区", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_speakers_can_be_picked_as_an_items_speakers()
    {
        var speaker = await ProgrammeTestContent.PublishSpeakerAsync(Engine, Speaker("钱测试", "Qian Test", "测试学校", "Test School"));
        Guid[] notASpeaker = [speaker, About];

        var refused = await SaveAsync(Agenda(Item(Guid.NewGuid(), At(2026, 5, 12, 9, 0), At(2026, 5, 12, 10, 0), AgendaKindsFor.Keynote, notASpeaker, Texts("Opening", "Main"))));
        var gone = await SaveAsync(Agenda(Item(Guid.NewGuid(), At(2026, 5, 12, 9, 0), At(2026, 5, 12, 10, 0), AgendaKindsFor.Keynote, [speaker, Guid.NewGuid()], Texts("Opening", "Main"))));

        Assert.Equal(SaveStatus.ValidationFailed, refused.Status);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("agenda", error.Alias);
        Assert.Equal("Speakers accepts only items of the type speaker; a picked item is of the type about. Pick another item.", error.Message.Get(English));
        Assert.Contains("只能选择类型为 speaker 的内容", error.Message.Get(Chinese), StringComparison.Ordinal);
        // A speaker deleted since (or never there) does not block the save: pages skip it.
        Assert.True(gone.Succeeded, string.Join("; ", gone.Errors.Select(e => e.Message.Get(English))));
    }

    [Fact]
    public async Task A_start_that_is_not_a_date_and_time_is_refused_as_such()
    {
        var agenda = Agenda(Item(Guid.NewGuid(), "tomorrow at nine", At(2026, 5, 12, 10, 0), AgendaKindsFor.Keynote, [], Texts("Opening", "Main")));

        var result = await SaveAsync(agenda);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        Assert.Contains("must be a date and time (yyyy-MM-dd HH:mm:ss)", Assert.Single(result.Errors).Message.Get(English), StringComparison.Ordinal);
    }
}

/// <summary>The kinds' stored values, as the tests write them.</summary>
internal static class AgendaKindsFor
{
    public const string Keynote = Site.Core.Programme.AgendaKinds.Keynote;
    public const string Seminar = Site.Core.Programme.AgendaKinds.Seminar;
    public const string Panel = Site.Core.Programme.AgendaKinds.Panel;
    public const string Break = Site.Core.Programme.AgendaKinds.Break;
    public const string SchoolVisit = Site.Core.Programme.AgendaKinds.SchoolVisit;
    public const string Other = Site.Core.Programme.AgendaKinds.Other;
}
