using Site.Core.Publishing;

namespace Site.Core.Calendar;

/// <summary>
/// A session's programme as iCalendar (RFC 5545) text, for "Add to calendar" links and for attaching to mails. Times
/// carry the session's time zone (a VTIMEZONE and TZID; see <c>Site:Conference:TimeZone</c> for sessions that name
/// none); UIDs are stable (the session's or the agenda item's key at the site's host), so importing a file again
/// updates the events instead of adding them twice. Texts (SUMMARY, LOCATION, DESCRIPTION) and the page URL are in the
/// culture asked for.
/// </summary>
public interface ISessionCalendar
{
    /// <summary>
    /// The whole session as an <c>.ics</c> file's text: one event per day of its agenda (from the day's first start to
    /// its last end), or, for a session without agenda times, one all-day event over its start and end dates.
    /// </summary>
    /// <param name="session">A published node of the session document type (from the published snapshot).</param>
    /// <param name="culture">The culture of the texts, e.g. a member's preferred culture; the session must be published in it.</param>
    /// <param name="siteOrigin">The site's public origin (<c>Site:Public:BaseUrl</c>), for the event's URL and UIDs.</param>
    /// <returns>The file's text (UTF-8 when written, content type <c>text/calendar</c>); null when the node is not a
    /// session, is not published in the culture, or has neither agenda times nor a start date.</returns>
    string? ForSession(PublishedContent session, string culture, Uri siteOrigin);

    /// <summary>One agenda item of the session (by its block key) as an <c>.ics</c> file's text; null when the item is not
    /// in the session's agenda in that culture, or when <see cref="ForSession"/> would be null for another reason.</summary>
    string? ForItem(PublishedContent session, Guid itemKey, string culture, Uri siteOrigin);
}
