using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>Error pages in the visitor's language: the URL's prefix, else their browser's language, else the default.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IPublishedSnapshotAccessor snapshots, ICurrentMemberAccessor members, IOptions<PublicSiteOptions> options) : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show(int? code)
    {
        var statusCode = code ?? 500;
        if (statusCode is < 400 or > 599)
        {
            statusCode = 404;
        }

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value;
        if (originalPath?.StartsWith("/umbraco/management/", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A JSON API answers in JSON: a body that could not be read, or a failure, is ProblemDetails.
            return Problem(statusCode: statusCode, title: statusCode == 400 ? "The request could not be read: check the JSON body and the parameters." : null);
        }

        var snapshot = snapshots.Current;
        var language = VisitorLanguage.For(snapshot.Languages, Request, originalPath);
        Response.StatusCode = statusCode;
        if (language is null)
        {
            return Content(statusCode == 404 ? "Not found / 未找到页面" : "Error / 出错了", "text/plain; charset=utf-8");
        }

        var others = statusCode == 404 ? OtherVersions(snapshot, originalPath) : [];
        var model = new ErrorPageModel(snapshot, language, PublicContentController.BaseUrl(Request, options.Value), members.GetMember(HttpContext), statusCode, others);
        return View(PublicContentController.ViewRoot + "Errors/Error.cshtml", model);
    }

    /// <summary>Where a page is missing in one language but exists in another under the same path, the versions that exist.</summary>
    private static List<LanguageAlternate> OtherVersions(PublishedSnapshot snapshot, string? path)
    {
        var language = VisitorLanguage.FromPath(snapshot.Languages, path);
        if (language is null || path is null)
        {
            return [];
        }

        var rest = path.TrimStart('/').Split('/', 2) is [_, var tail] ? tail : string.Empty;
        var versions = new List<LanguageAlternate>();
        foreach (var other in snapshot.Languages.All.Where(l => l != language))
        {
            var node = snapshot.GetByRoute($"/{other.UrlPrefix}/{rest}");
            if (node?.Url(other.IsoCode) is { } url)
            {
                versions.Add(new LanguageAlternate(other, UiText.For(other.IsoCode), url, false));
            }
        }

        return versions;
    }
}
