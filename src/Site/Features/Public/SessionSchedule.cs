using Microsoft.Extensions.Options;
using Site.Core.Conference;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>The session the forum is preparing, with its registration as it stands at this moment.</summary>
public sealed record UpcomingSession(PublishedContent Node, RegistrationOffer Offer, RegistrationWindowState State)
{
    public TimeZoneInfo TimeZone => Offer.TimeZone;
}

/// <summary>Which session comes next and whether it takes registrations now: the home page's lead and the member area's registration.</summary>
public sealed class SessionSchedule(TimeProvider clock, IOptions<ConferenceOptions> options)
{
    private readonly TimeZoneInfo _defaultZone = ConferenceSessions.DefaultTimeZone(options.Value);

    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeZoneInfo TimeZoneOf(PublishedContent session, string culture) => ConferenceSessions.TimeZoneOf(session, culture, _defaultZone);

    public UpcomingSession? Next(PublishedSnapshot snapshot, string culture)
    {
        var now = Now;
        return ConferenceSessions.Next(snapshot, culture, now, _defaultZone) is { } node ? Describe(node, culture, now) : null;
    }

    /// <summary>A session's registration now (any session: a member may hold a place at one that is no longer next).</summary>
    public UpcomingSession Describe(PublishedContent session, string culture) => Describe(session, culture, Now);

    /// <summary>The places a session offers now (null: no limit, or the session is no longer published).</summary>
    public int? CapacityOf(PublishedContent? session) =>
        session is null || session.Cultures.Count == 0 ? null : Describe(session, session.Cultures.Keys.First()).Offer.Capacity;

    private UpcomingSession Describe(PublishedContent session, string culture, DateTimeOffset now)
    {
        var offer = RegistrationOffer.From(session, culture, TimeZoneOf(session, culture));
        return new(session, offer, offer.StateAt(now));
    }
}
