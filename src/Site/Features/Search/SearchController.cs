using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Features.Public;

namespace Site.Features.Search;

/// <summary>The search page at /{prefix}/search: a plain GET form and server-rendered results, no script needed.</summary>
public sealed class SearchController(ISearchService search, IPublishedSnapshotAccessor snapshots, ICurrentMemberAccessor members, IOptions<PublicSiteOptions> options) : Controller
{
    internal const string ViewRoot = "~/Features/Search/Views/";

    [HttpGet("{prefix:culturePrefix}/search")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SearchRateLimitPolicy.Name)]
    public IActionResult Index(string prefix, string? q, string? type, string? decade, string? location, string? country, string? sort, string? page)
    {
        var snapshot = snapshots.Current;
        var language = snapshot.Languages.FindByPrefix(prefix);
        if (language is null)
        {
            return NotFound();
        }

        var pageNumber = page is null ? 1
            : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 100 ? parsed
            : 0;
        if (pageNumber == 0)
        {
            return NotFound();
        }

        var request = new SearchPageRequest(
            q,
            Keyword(type),
            Keyword(decade),
            location is "home" or "abroad" ? location : null,
            Keyword(country),
            sort == "date" ? "date" : null,
            pageNumber);
        var member = members.GetMember(HttpContext);
        var results = string.IsNullOrWhiteSpace(q)
            ? null
            : search.Search(request.ToQuery(language.IsoCode) with { Member = member }, HttpContext.RequestAborted);

        // Results change with every publish, and a query string is not worth caching: always fresh.
        Response.Headers.CacheControl = "no-cache";
        var model = new SearchPageModel(snapshot, language, PublicContentController.BaseUrl(Request, options.Value), member, request, results);
        return View(ViewRoot + "Index.cshtml", model);
    }

    /// <summary>A facet value from the query string, bounded: nothing long enough to matter gets through.</summary>
    private static string? Keyword(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > 100 ? null : value.Trim();
}
