using Microsoft.Extensions.Options;
using Site.Core.Calendar;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Hosting;

namespace Site.Features.Public;

/// <summary>
/// "Add to calendar": a session's programme as iCalendar at <c>{session URL}/calendar.ics</c>, one item with
/// <c>?item={block key}</c>. Anything else under that name (not a session, an unknown item, a session without
/// dates) is the site's 404 page in the visitor's language.
/// </summary>
internal static class CalendarEndpoints
{
    internal const string FileName = "calendar.ics";

    /// <summary>Ahead of the pages' catch-all route, which would take the path for a page's.</summary>
    public static void MapSessionCalendars(this WebApplication app) =>
        app.MapGet("/{prefix:culturePrefix}/{**path:regex(^.+/calendar\\.ics$)}", Calendar)
            .WithOrder(-1)
            .CacheOutput(PublicSiteExtensions.ContentCachePolicy);

    public static IResult Calendar(
        string prefix,
        string path,
        string? item,
        HttpContext context,
        IPublishedSnapshotAccessor snapshots,
        ISessionCalendar calendars,
        ICurrentMemberAccessor members,
        IOptions<PublicSiteOptions> options)
    {
        var snapshot = snapshots.Current;
        var language = snapshot.Languages.FindByPrefix(prefix);
        var pagePath = $"/{prefix}/{path[..^(FileName.Length + 1)]}";
        var session = snapshot.GetByRoute(pagePath);
        if (language is null || session is null || !string.Equals(session.Url(language.IsoCode), pagePath, StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var access = PublicAccess.Check(session, members.GetMember(context));
        if (access != AccessOutcome.Allowed)
        {
            return Results.StatusCode(access == AccessOutcome.LoginRequired ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
        }

        var origin = new Uri(PublicContentController.BaseUrl(context.Request, options.Value) + "/");
        string? ics;
        if (item is null)
        {
            ics = calendars.ForSession(session, language.IsoCode, origin);
        }
        else
        {
            ics = Guid.TryParse(item, out var key) ? calendars.ForItem(session, key, language.IsoCode, origin) : null;
        }

        if (ics is null)
        {
            return Results.NotFound();
        }

        var name = session.Culture(language.IsoCode)!.UrlSegment + (item is null ? string.Empty : "-" + item[..Math.Min(8, item.Length)]);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{Sanitize(name)}.ics\"";
        return new ValidatedTextResult(ics, "text/calendar; charset=utf-8", new DateTimeOffset(session.UpdateDateUtc));
    }

    /// <summary>ASCII letters, digits and dashes only: a header value needs nothing else, and a Chinese segment becomes "session".</summary>
    private static string Sanitize(string name)
    {
        var safe = new string([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]).Trim('-');
        return safe.Length == 0 ? "session" : safe;
    }
}
