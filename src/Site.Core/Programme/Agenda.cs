using Site.Core.Content;

namespace Site.Core.Programme;

/// <summary>
/// One item of a session's programme, read in a culture. <see cref="Start"/> and <see cref="End"/> are wall-clock
/// times in the session's time zone (<see cref="SessionProgramme.TimeZoneId"/>); <see cref="SpeakerKeys"/> are the
/// picked nodes in order, whatever they are (readers keep only published speakers).
/// </summary>
public sealed record AgendaEntry(
    Guid Key,
    int Position,
    DateTime Start,
    DateTime End,
    string Kind,
    string? Title,
    string? Room,
    IReadOnlyList<Guid> SpeakerKeys,
    string? Description);

/// <summary>The items of a day that start at the same time.</summary>
public sealed record AgendaSlot(DateTime Start, IReadOnlyList<AgendaEntry> Items);

/// <summary>A day of the programme with its time slots in order.</summary>
public sealed record AgendaDay(DateOnly Date, IReadOnlyList<AgendaSlot> Slots)
{
    public IEnumerable<AgendaEntry> Items => Slots.SelectMany(s => s.Items);
}

/// <summary>
/// A session's timed programme in a culture: days → time slots → items, grouped by the items' start date and time (an
/// item's own order breaks ties within a slot), with the time zone the times are in.
/// </summary>
public sealed record SessionProgramme(string TimeZoneId, IReadOnlyList<AgendaDay> Days)
{
    public IEnumerable<AgendaEntry> Items => Days.SelectMany(d => d.Items);

    public bool IsEmpty => Days.Count == 0;

    public AgendaEntry? Find(Guid key) => Items.FirstOrDefault(i => i.Key == key);

    /// <summary>The UTC instant of a wall-clock time of this programme.</summary>
    public DateTime ToUtc(DateTime wallClock) => TimeZones.ToUtc(wallClock, TimeZoneId);

    /// <summary>Groups items by day and start time. Items whose end is not after their start are left out.</summary>
    public static SessionProgramme From(string timeZoneId, IEnumerable<AgendaEntry> items)
    {
        var days = items
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start).ThenBy(i => i.Position)
            .GroupBy(i => DateOnly.FromDateTime(i.Start))
            .Select(day => new AgendaDay(day.Key, [.. day.GroupBy(i => i.Start).Select(slot => new AgendaSlot(slot.Key, [.. slot]))]))
            .ToList();
        return new SessionProgramme(timeZoneId, days);
    }

    /// <summary>The agenda items of a block list value in a culture (the blocks shown there), with their position.</summary>
    public static IReadOnlyList<AgendaEntry> ReadItems(ContentSchema schema, string? agendaValue, string culture)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var entries = new List<AgendaEntry>();
        var position = 0;
        foreach (var block in EditorValues.Blocks(schema, agendaValue, culture))
        {
            position++;
            var element = block.Content;
            if (element.ContentTypeAlias != ProgrammeAliases.AgendaItem
                || EditorValues.DateAndTime(element.Value(ProgrammeAliases.Start)) is not { } start
                || EditorValues.DateAndTime(element.Value(ProgrammeAliases.End)) is not { } end)
            {
                continue;
            }

            entries.Add(new AgendaEntry(
                element.Key,
                position,
                start,
                end,
                AgendaKinds.Read(element.Value(ProgrammeAliases.Kind)),
                Trimmed(element.Value(ProgrammeAliases.Title)),
                Trimmed(element.Value(ProgrammeAliases.Room)),
                PickedKeys(element.Value(ProgrammeAliases.Speakers)),
                Trimmed(element.Value(ProgrammeAliases.Description))));
        }

        return entries;
    }

    /// <summary>
    /// The nodes a multi-node tree picker value names, in order and once each: Umbraco's comma-separated
    /// <c>umb://document/…</c> list (or a JSON list of them); anything else in it is skipped.
    /// </summary>
    public static IReadOnlyList<Guid> PickedKeys(string? value) =>
        [.. GenericValues.Items(value).Select(ContentUdi.TryParse).OfType<Guid>().Distinct()];

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
