using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Features.BackOffice.Management;
using Site.Features.Media;
using Site.Core.Localization;

namespace Site.Features.Public;

/// <summary>Error pages in the visitor's language: the URL's prefix, else their browser's language, else the default.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorController(
    IPublishedSnapshotAccessor snapshots, ICurrentMemberAccessor members, IOptions<PublicSiteOptions> options, ILogger<ErrorController> logger) : Controller
{
    private static readonly LocalizedText Unreadable = LocalizedText.Of("The request could not be read: check the body, its content type and the parameters.");

    private static readonly LocalizedText TooLarge = LocalizedText.Of("The request is larger than {0} MB, the most this address accepts.");

    private static readonly LocalizedText TooLargeNoLimit = LocalizedText.Of("The request is larger than this address accepts.");

    /// <summary>
    /// The status is what went wrong: the exception, or the status being re-executed; the route only when /error/404 is
    /// visited itself. Never the request's form or query: a re-executed POST still carries the fields it was sent with.
    /// </summary>
    [Route("/error/{code:int?}")]
    public IActionResult Show([FromRoute] int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var statusCode = failure is not null
            ? RequestFailures.StatusOf(failure.Error) ?? StatusCodes.Status500InternalServerError
            : reExecuted?.OriginalStatusCode ?? code ?? StatusCodes.Status500InternalServerError;
        if (statusCode is < 400 or > 599)
        {
            statusCode = StatusCodes.Status404NotFound;
        }

        if (statusCode == StatusCodes.Status405MethodNotAllowed)
        {
            Site.Hosting.HeadRequests.AllowHead(HttpContext);
        }

        if (failure is not null && statusCode < 500)
        {
            // Not an error of the site (the exception handler does not log these): a note of what was refused.
            LogRefused(logger, statusCode, failure.Error.Message);
        }

        var originalPath = failure?.Path ?? reExecuted?.OriginalPath ?? Request.Path.Value;
        // What the address that refused the request accepts: an upload's file limit, else the server's body limit.
        var uploadLimit = MediaUploads.MaxFileBytes(failure?.Endpoint ?? reExecuted?.Endpoint, HttpContext.RequestServices);
        var limit = uploadLimit ?? HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var snapshot = snapshots.Current;
        var language = VisitorLanguage.For(snapshot.Languages, Request, originalPath);
        if (RequestFailures.IsApiPath(originalPath))
        {
            // A JSON API answers in JSON: a body that could not be read, or a failure, is ProblemDetails, in the words
            // of the API's other answers (the management API speaks its user's back-office language).
            var culture = originalPath!.StartsWith(ManagementApi.RoutePrefix, StringComparison.OrdinalIgnoreCase)
                || BackOffice.BackOfficeExtensions.IsScriptApi(originalPath)
                ? ManagementProblems.CultureOf(HttpContext)
                : language?.IsoCode ?? TextCatalog.SourceCulture;
            return Problem(statusCode: statusCode, detail: ApiDetail(statusCode, uploadLimit, limit)?.Get(culture));
        }

        Response.StatusCode = statusCode;
        if (language is null)
        {
            return Content(statusCode == 404 ? "Not found / 未找到页面" : "Error / 出错了", "text/plain; charset=utf-8");
        }

        var others = statusCode == 404 ? OtherVersions(snapshot, originalPath) : [];
        var model = new ErrorPageModel(snapshot, language, PublicContentController.BaseUrl(Request, options.Value), members.GetMember(HttpContext), statusCode, others)
        {
            LimitBytes = statusCode == StatusCodes.Status413PayloadTooLarge ? limit : null,
        };
        return View(PublicContentController.ViewRoot + "Errors/Error.cshtml", model);
    }

    /// <summary>An upload refused for its size gets the media service's own words, however early it was refused.</summary>
    private static LocalizedText? ApiDetail(int statusCode, long? uploadLimit, long? limit) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge when uploadLimit is { } file => MediaMessages.TooLarge.Format(RequestFailures.Megabytes(file)),
        StatusCodes.Status413PayloadTooLarge when limit is { } bytes => TooLarge.Format(RequestFailures.Megabytes(bytes)),
        StatusCodes.Status413PayloadTooLarge => TooLargeNoLimit,
        StatusCodes.Status400BadRequest => Unreadable,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string reason);

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
            if (node is { IsPage: true } && node.Url(other.IsoCode) is { } url)
            {
                versions.Add(new LanguageAlternate(other, UiText.For(other.IsoCode), url, false));
            }
        }

        return versions;
    }
}
