using Microsoft.Extensions.Options;
using Site.Core.Conference;
using Site.Core.Publishing;

namespace Site.Core.Programme;

/// <summary>A session a speaker spoke at, with the items of its programme that name them.</summary>
public sealed record SpeakerAppearance(PublishedContent Session, SessionProgramme Programme, IReadOnlyList<AgendaEntry> Items);

/// <summary>
/// Reads sessions' programmes from the published snapshot: the time zone in force, days and time slots, the
/// speakers of an item, and (the reverse) the sessions and items a speaker spoke at.
/// </summary>
public interface IProgrammeReader
{
    /// <summary>The configured default time zone (<c>Site:Conference:TimeZone</c>), for sessions that name none.</summary>
    string DefaultTimeZone { get; }

    /// <summary>The session's time zone: its own <c>timeZone</c> when that is a known IANA id, else the default.</summary>
    string TimeZoneOf(PublishedContent session);

    /// <summary>The session's programme in the culture; empty for a session without agenda items (or any other node).</summary>
    SessionProgramme Read(PublishedSnapshot snapshot, PublishedContent session, string culture);

    /// <summary>An item's speakers that are published speaker pages in the culture, in the order picked.</summary>
    IReadOnlyList<PublishedContent> SpeakersOf(PublishedSnapshot snapshot, AgendaEntry item, string culture);

    /// <summary>
    /// The sessions published in the culture whose agenda names the speaker, newest first, each with those items in
    /// time order: a reverse lookup through every session's agenda.
    /// </summary>
    IReadOnlyList<SpeakerAppearance> AppearancesOf(PublishedSnapshot snapshot, PublishedContent speaker, string culture);
}

internal sealed class ProgrammeReader(IOptions<ConferenceOptions> options) : IProgrammeReader
{
    // The host checks on start that the setting is an IANA id; a library user who skips that gets UTC, not an exception.
    public string DefaultTimeZone => TimeZones.IsKnown(options.Value.TimeZone) ? options.Value.TimeZone : "UTC";

    public string TimeZoneOf(PublishedContent session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // timeZone is invariant: any culture reads it.
        var own = session.Value(ProgrammeAliases.TimeZone, string.Empty)?.Trim();
        return TimeZones.IsKnown(own) ? own! : DefaultTimeZone;
    }

    public SessionProgramme Read(PublishedSnapshot snapshot, PublishedContent session, string culture)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(session);
        var zone = TimeZoneOf(session);
        if (session.ContentTypeAlias != ProgrammeAliases.Session || !session.IsPublished(culture))
        {
            return new SessionProgramme(zone, []);
        }

        return SessionProgramme.From(zone, SessionProgramme.ReadItems(snapshot.Schema, session.Value(ProgrammeAliases.Agenda, culture), culture));
    }

    public IReadOnlyList<PublishedContent> SpeakersOf(PublishedSnapshot snapshot, AgendaEntry item, string culture)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(item);
        return [.. item.SpeakerKeys
            .Select(snapshot.GetByKey)
            .OfType<PublishedContent>()
            .Where(s => s.ContentTypeAlias == ProgrammeAliases.Speaker && s.IsPublished(culture))];
    }

    public IReadOnlyList<SpeakerAppearance> AppearancesOf(PublishedSnapshot snapshot, PublishedContent speaker, string culture)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(speaker);
        var appearances = new List<SpeakerAppearance>();
        foreach (var session in snapshot.OfType(ProgrammeAliases.Session).Where(s => s.IsPublished(culture)))
        {
            var programme = Read(snapshot, session, culture);
            var items = programme.Items.Where(i => i.SpeakerKeys.Contains(speaker.Key)).ToList();
            if (items.Count > 0)
            {
                appearances.Add(new SpeakerAppearance(session, programme, items));
            }
        }

        return [.. appearances.OrderByDescending(a => a.Items[0].Start)];
    }
}
