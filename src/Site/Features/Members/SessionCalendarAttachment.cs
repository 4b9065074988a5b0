using System.Text;
using Site.Core.Calendar;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Members;

/// <summary>The session's calendar as a mail attachment: the same file as the session page's "Add to calendar".</summary>
internal sealed class SessionCalendarAttachment(ISessionCalendar calendar) : ISessionCalendarAttachment
{
    public MailAttachment? ForSession(PublishedContent session, string culture, string? linkOrigin)
    {
        // Without a trusted origin the file would carry no link and no stable UIDs: better no attachment than a wrong one.
        if (string.IsNullOrEmpty(linkOrigin) || !Uri.TryCreate(linkOrigin.TrimEnd('/') + "/", UriKind.Absolute, out var origin)
            || calendar.ForSession(session, culture, origin) is not { } ics)
        {
            return null;
        }

        // method=PUBLISH: a calendar to add, not an invitation that expects a reply.
        return new MailAttachment("session.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(ics));
    }
}
