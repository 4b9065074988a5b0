using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>Renders a published node at its URL, in the URL's culture, with the view of its content type.</summary>
public sealed class PublicContentController(
    IPublishedSnapshotAccessor snapshots,
    ICurrentMemberAccessor members,
    Site.Core.Media.IMediaLibrary media,
    ICompositeViewEngine views,
    SessionSchedule schedule,
    IOptions<PublicSiteOptions> options) : Controller
{
    internal const string ViewRoot = "~/Features/Public/Views/";

    /// <summary>The page for content of a type with no view of its own (imported from another site): its properties and blocks.</summary>
    internal const string GenericView = ViewRoot + "Content/_Generic.cshtml";

    /// <summary>The view of a content type, or the generic page when the site has none.</summary>
    internal static string ViewFor(ICompositeViewEngine views, string contentTypeAlias)
    {
        var path = ViewRoot + "Content/" + contentTypeAlias + ".cshtml";
        return views.GetView(executingFilePath: null, path, isMainPage: true).Success ? path : GenericView;
    }

    [HttpGet("{prefix:culturePrefix}/{**path}")]
    [OutputCache(PolicyName = PublicSiteExtensions.ContentCachePolicy)]
    public IActionResult Show(string prefix, string? path, string? location, string? decade, string? sort, string? page)
    {
        var snapshot = snapshots.Current;
        var language = snapshot.Languages.FindByPrefix(prefix);
        var requested = $"/{prefix}/{path}";
        var content = snapshot.GetByRoute(requested);
        // A node without a template (site settings) has a route for the Delivery API but no page, as in Umbraco.
        if (language is null || content is null || !content.IsPage || !content.IsPublished(language.IsoCode))
        {
            return NotFound();
        }

        // One URL per page: other casings and trailing slashes redirect to the canonical one.
        var canonical = content.Url(language.IsoCode)!;
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.Ordinal))
        {
            return RedirectPermanent(canonical + Request.QueryString);
        }

        var baseUrl = BaseUrl(Request, options.Value);
        var member = members.GetMember(HttpContext);
        var access = PublicAccess.Check(content, member);
        if (access != AccessOutcome.Allowed)
        {
            return Refuse(snapshot, content, language, baseUrl, member, access);
        }

        var model = ModelFor(snapshot, content, language, baseUrl, member, new PageQuery(location, decade, sort, page), options.Value.NewsPageSize, schedule);
        if (model is NewsIndexPageModel { IsPageInRange: false })
        {
            return NotFound();
        }

        // Browsers revalidate every time (a publish must show at once) and get a 304 while the snapshot is unchanged.
        Response.Headers.CacheControl = "no-cache";
        Response.Headers.ETag = model switch
        {
            HomePageModel home => WithSchedule(SnapshotETag(snapshot, media.Version), home.NextSession),
            _ when content.ContentTypeAlias == Site.Core.Conference.ConferenceSessions.SessionAlias
                => WithSchedule(SnapshotETag(snapshot, media.Version), schedule.Describe(content, language.IsoCode)),
            _ => SnapshotETag(snapshot, media.Version),
        };
        Response.Headers.LastModified = new DateTimeOffset(content.UpdateDateUtc).ToString("R", CultureInfo.InvariantCulture);
        return View(ViewFor(views, content.ContentTypeAlias), model);
    }

    /// <summary>
    /// Protected content: the rule's login (or no-access) page when it has one that the visitor may see, as Umbraco
    /// does; otherwise a 401 or 403 page in the visitor's language. Nothing of the content is sent.
    /// </summary>
    private IActionResult Refuse(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member, AccessOutcome access)
    {
        var rule = content.AccessRule!;
        var pageKey = access == AccessOutcome.LoginRequired ? rule.LoginNodeKey : rule.NoAccessNodeKey;
        var page = pageKey is { } key ? snapshot.GetByKey(key) : null;
        if (page?.Url(language.IsoCode) is { } url && PublicAccess.Check(page, member) == AccessOutcome.Allowed)
        {
            return Redirect(url + "?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
        }

        var status = access == AccessOutcome.LoginRequired ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        return View(ViewRoot + "Errors/Error.cshtml", new ErrorPageModel(snapshot, language, baseUrl, member, status, []));
    }

    /// <summary>The page model of a node's view: the same for visitors and for the back office's preview of a draft.</summary>
    internal static PageModel ModelFor(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member, PageQuery query, int newsPageSize, SessionSchedule schedule) =>
        content.ContentTypeAlias switch
        {
            "home" => new HomePageModel(snapshot, content, language, baseUrl, member) { NextSession = schedule.Next(snapshot, language.IsoCode) is { } next && PublicAccess.Check(next.Node, member) == AccessOutcome.Allowed ? next : null },
            "sessionArchive" => new SessionArchivePageModel(snapshot, content, language, baseUrl, member, query.Location, query.Decade, query.Sort),
            "newsIndex" => new NewsIndexPageModel(snapshot, content, language, baseUrl, member, PageNumber(query.Page), newsPageSize),
            _ => new PageModel(snapshot, content, language, baseUrl, member),
        };

    private static int PageNumber(string? page) =>
        page is null ? 1
        : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : 0;

    /// <summary>Changes whenever a new snapshot goes live, so a cached copy is never taken for a newer one.</summary>
    internal static string SnapshotETag(PublishedSnapshot snapshot, long mediaVersion) =>
        $"W/\"{snapshot.Generation.ToString(CultureInfo.InvariantCulture)}-{snapshot.BuiltAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)}-{mediaVersion.ToString(CultureInfo.InvariantCulture)}\"";

    // The home page and a session's page change without a publish when registration opens or closes, or the session ends.
    private static string WithSchedule(string etag, UpcomingSession? next) =>
        etag[..^1] + (next is null ? "-none\"" : $"-{next.Node.Key:N}-{(int)next.State}\"");

    internal static string BaseUrl(HttpRequest request, PublicSiteOptions options) =>
        !string.IsNullOrWhiteSpace(options.BaseUrl) ? options.BaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}

/// <summary>The list filters and page number a page's URL may carry.</summary>
internal sealed record PageQuery(string? Location, string? Decade, string? Sort, string? Page);
