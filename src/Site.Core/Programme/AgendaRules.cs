using System.Globalization;
using Site.Core.Content;

namespace Site.Core.Programme;

/// <summary>
/// The programme's rules, checked on every save, publish and import (<see cref="ContentValidator"/>): a time zone
/// property holds a known IANA id; in an agenda (a block list of agenda items) every item ends after it starts, and
/// no two items overlap in the same room on the same day. Items in different rooms, or without a room, may share
/// times (parallel seminars, a break for everyone).
/// </summary>
internal static class AgendaRules
{
    private static readonly LocalizedText UnknownTimeZone = LocalizedText.Of("{0}: \"{1}\" is not a known time zone. Use an IANA time zone id, such as Asia/Shanghai or Australia/Melbourne, or leave it empty for the site's default.");
    private static readonly LocalizedText EndNotAfterStart = LocalizedText.Of("{0}: item {1} ends before or when it starts ({2} to {3}). Give an end after the start.");
    private static readonly LocalizedText Overlap = LocalizedText.Of("{0}: items {1} and {2} overlap in the room \"{3}\" on {4}. Change a time or a room.");

    public static IEnumerable<ContentError> Check(ContentSchema schema, ContentType type, ContentData data)
    {
        if (type.FindProperty(ProgrammeAliases.TimeZone) is { EditorAlias: PropertyEditors.TextBox } zoneProperty
            && data.GetValue(zoneProperty.Alias, null)?.Trim() is { Length: > 0 } zone
            && !TimeZones.IsKnown(zone))
        {
            yield return new ContentError(zoneProperty.Alias, null, UnknownTimeZone.Format(zoneProperty.Name, zone));
        }

        foreach (var property in type.Properties.Where(p => p.EditorAlias == PropertyEditors.BlockList))
        {
            foreach (var error in CheckAgenda(schema, property, data))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<ContentError> CheckAgenda(ContentSchema schema, PropertyType property, ContentData data)
    {
        // A block list is invariant or per culture; its blocks' rooms may vary by culture: check each reading.
        IEnumerable<(string? Culture, string? Value, string Read)> readings = property.VariesByCulture
            ? [.. data.Values.Where(v => v.Alias == property.Alias && v.Culture is not null).Select(v => ((string?)v.Culture, (string?)v.Value, v.Culture!))]
            : [.. schema.Languages.All.Select(l => ((string?)null, data.GetValue(property.Alias, null), l.IsoCode))];
        var reported = new HashSet<(int, int)>();
        var endsReported = new HashSet<int>();
        foreach (var (culture, value, read) in readings)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var items = new List<(int Position, DateTime Start, DateTime End, string? Room)>();
            var position = 0;
            foreach (var element in EditorValues.AllBlockElements(schema, value, read))
            {
                position++;
                if (element.ContentTypeAlias != ProgrammeAliases.AgendaItem
                    || EditorValues.DateAndTime(element.Value(ProgrammeAliases.Start)) is not { } start
                    || EditorValues.DateAndTime(element.Value(ProgrammeAliases.End)) is not { } end)
                {
                    continue;
                }

                if (end <= start)
                {
                    if (endsReported.Add(position))
                    {
                        yield return new ContentError(property.Alias, culture, EndNotAfterStart.Format(property.Name, position, Show(start), Show(end)));
                    }

                    continue;
                }

                items.Add((position, start, end, element.Value(ProgrammeAliases.Room)?.Trim()));
            }

            foreach (var group in items.Where(i => !string.IsNullOrEmpty(i.Room))
                .GroupBy(i => (Day: DateOnly.FromDateTime(i.Start), Room: i.Room!.ToUpperInvariant())))
            {
                var inRoom = group.OrderBy(i => i.Start).ToList();
                for (var a = 0; a < inRoom.Count; a++)
                {
                    for (var b = a + 1; b < inRoom.Count && inRoom[b].Start < inRoom[a].End; b++)
                    {
                        var first = Math.Min(inRoom[a].Position, inRoom[b].Position);
                        var second = Math.Max(inRoom[a].Position, inRoom[b].Position);
                        if (reported.Add((first, second)))
                        {
                            yield return new ContentError(property.Alias, culture,
                                Overlap.Format(property.Name, first, second, inRoom[a].Room!, group.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                        }
                    }
                }
            }
        }
    }

    private static string Show(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
