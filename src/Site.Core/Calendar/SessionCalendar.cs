using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Site.Core.Content;
using Site.Core.Programme;
using Site.Core.Publishing;

namespace Site.Core.Calendar;

internal sealed class SessionCalendar(IPublishedSnapshotAccessor snapshots, IProgrammeReader programmes) : ISessionCalendar
{
    public string? ForSession(PublishedContent session, string culture, Uri siteOrigin)
    {
        if (Prepare(session, culture, siteOrigin) is not { } context)
        {
            return null;
        }

        var calendar = context.NewCalendar();
        if (context.Programme.IsEmpty)
        {
            if (session.DateValue(ProgrammeAliases.StartDate, culture) is not { } start)
            {
                return null;
            }

            var end = session.DateValue(ProgrammeAliases.EndDate, culture) is { } last && last >= start ? last : start;
            var allDay = context.NewEvent($"{session.Key:N}", context.SessionName);
            // An all-day event's DTEND is the day after the last (exclusive), as RFC 5545 counts dates.
            allDay.DtStart = new CalDateTime(start);
            allDay.DtEnd = new CalDateTime(end.AddDays(1));
            allDay.Location = context.Venue();
            calendar.Events.Add(allDay);
        }
        else
        {
            calendar.AddTimeZone(context.Programme.TimeZoneId, context.Programme.Days[0].Date.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);
            foreach (var day in context.Programme.Days)
            {
                var items = day.Items.ToList();
                var dayEvent = context.NewEvent($"{session.Key:N}-{day.Date:yyyyMMdd}", context.SessionName);
                dayEvent.DtStart = context.Time(items.Min(i => i.Start));
                dayEvent.DtEnd = context.Time(items.Max(i => i.End));
                dayEvent.Location = context.Venue();
                dayEvent.Description = string.Join("\n", items.Select(context.Line));
                calendar.Events.Add(dayEvent);
            }
        }

        return Serialize(calendar);
    }

    public string? ForItem(PublishedContent session, Guid itemKey, string culture, Uri siteOrigin)
    {
        if (Prepare(session, culture, siteOrigin) is not { } context || context.Programme.Find(itemKey) is not { } item)
        {
            return null;
        }

        var calendar = context.NewCalendar();
        calendar.AddTimeZone(context.Programme.TimeZoneId, item.Start.Date, includeHistoricalData: false);
        var summary = item.Title ?? AgendaKinds.Label(item.Kind, culture);
        var itemEvent = context.NewEvent($"{item.Key:N}", summary);
        itemEvent.DtStart = context.Time(item.Start);
        itemEvent.DtEnd = context.Time(item.End);
        itemEvent.Location = context.Venue(item.Room);
        var description = new StringBuilder();
        description.Append(AgendaKinds.Label(item.Kind, culture)).Append(" · ").Append(context.SessionName);
        if (context.Speakers(item) is { Length: > 0 } speakers)
        {
            description.Append('\n').Append(speakers);
        }

        if (item.Description is { } text)
        {
            description.Append("\n\n").Append(text);
        }

        itemEvent.Description = description.ToString();
        calendar.Events.Add(itemEvent);
        return Serialize(calendar);
    }

    private Context? Prepare(PublishedContent session, string culture, Uri siteOrigin)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(siteOrigin);
        if (session.ContentTypeAlias != ProgrammeAliases.Session || !session.IsPublished(culture) || session.Url(culture) is not { } path)
        {
            return null;
        }

        var snapshot = snapshots.Current;
        var programme = programmes.Read(snapshot, session, culture);
        return new Context(snapshot, programmes, session, culture, programme, new Uri(siteOrigin, path), siteOrigin.Host);
    }

    private static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;

    private sealed record Context(
        PublishedSnapshot Snapshot,
        IProgrammeReader Programmes,
        PublishedContent Session,
        string Culture,
        SessionProgramme Programme,
        Uri PageUrl,
        string Host)
    {
        public string SessionName => Session.Name(Culture) ?? string.Empty;

        public Ical.Net.Calendar NewCalendar() => new()
        {
            ProductId = $"-//{Host}//Session calendar//",
            Method = "PUBLISH",
        };

        public CalendarEvent NewEvent(string id, string summary) => new()
        {
            Uid = $"{id}@{Host}",
            Summary = summary,
            Url = PageUrl,
            // The session's last publish, not the time of the request: the same file for the same content.
            DtStamp = new CalDateTime(DateTime.SpecifyKind(Session.UpdateDateUtc, DateTimeKind.Utc), "UTC"),
        };

        public CalDateTime Time(DateTime wallClock) =>
            new(DateOnly.FromDateTime(wallClock), TimeOnly.FromDateTime(wallClock), Programme.TimeZoneId);

        /// <summary>The room (for an item), then the venue's name, address, city and country, as far as they are recorded.</summary>
        public string? Venue(string? room = null)
        {
            var parts = new[] { room }
                .Concat(new[] { ProgrammeAliases.VenueName, ProgrammeAliases.VenueAddress, ProgrammeAliases.VenueCity, ProgrammeAliases.VenueCountry }
                    .Select(alias => Session.Value(alias, Culture)))
                .Select(p => p?.ReplaceLineEndings(" ").Trim())
                .Where(p => !string.IsNullOrEmpty(p));
            var text = string.Join(", ", parts);
            return text.Length == 0 ? null : text;
        }

        public string Speakers(AgendaEntry item) =>
            string.Join(", ", Programmes.SpeakersOf(Snapshot, item, Culture).Select(s => s.Name(Culture)));

        /// <summary>"09:00–10:30 Keynote: title (room)" for a day's description.</summary>
        public string Line(AgendaEntry item)
        {
            var line = new StringBuilder()
                .Append(item.Start.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('\u2013')
                .Append(item.End.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(' ')
                .Append(AgendaKinds.Label(item.Kind, Culture));
            if (item.Title is { } title)
            {
                line.Append(": ").Append(title);
            }

            if (item.Room is { } room)
            {
                line.Append(" (").Append(room).Append(')');
            }

            return line.ToString();
        }
    }
}
