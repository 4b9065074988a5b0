using Site.Core.Publishing;

namespace Site.Core.Conference;

/// <summary>Settings for the forum's sessions, bound from "Site:Conference".</summary>
public sealed class ConferenceOptions
{
    public const string SectionName = "Site:Conference";

    /// <summary>The IANA time zone of a session that names none (the forum is held in Jiangsu).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>Sessions of the forum as the site shows them: their time zone, and which one comes next.</summary>
public static class ConferenceSessions
{
    public const string SessionAlias = "session";
    public const string TimeZoneAlias = "timeZone";

    /// <summary>The session's own time zone; the configured one when it names none (or one this machine does not know).</summary>
    public static TimeZoneInfo TimeZoneOf(PublishedContent session, string culture, TimeZoneInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Value(TimeZoneAlias, culture) is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : fallback;
    }

    /// <summary>The configured zone, or UTC on a machine without time zone data.</summary>
    public static TimeZoneInfo DefaultTimeZone(ConferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// The session the forum is preparing or holding: published in the culture, its last day (or first, when it has
    /// only one) not yet over in its own time zone; the soonest when several are announced. Null when none is.
    /// </summary>
    public static PublishedContent? Next(PublishedSnapshot snapshot, string culture, DateTimeOffset now, TimeZoneInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        PublishedContent? next = null;
        DateOnly nextStart = default;
        foreach (var session in snapshot.OfType(SessionAlias))
        {
            if (!session.IsPublished(culture) || session.DateValue("startDate", culture) is not { } start)
            {
                continue;
            }

            var last = session.DateValue("endDate", culture) is { } end && end >= start ? end : start;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneOf(session, culture, fallback)).DateTime);
            if (last >= today && (next is null || start < nextStart))
            {
                next = session;
                nextStart = start;
            }
        }

        return next;
    }
}
