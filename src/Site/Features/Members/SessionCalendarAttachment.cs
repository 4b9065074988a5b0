using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Members;

// TEMPORARY until the engine's session calendar lands (same session): no attachment yet.
internal sealed class SessionCalendarAttachment : ISessionCalendarAttachment
{
    public MailAttachment? ForSession(PublishedContent session, string culture, string? linkOrigin) => null;
}
