using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Delivery;
using Site.Features.Public;

namespace Site.Features.BackOffice;

/// <summary>
/// A draft rendered exactly as its public page would be, per culture, at a private URL under /umbraco (only the
/// back-office cookie opens it; never cached, never indexed). Visitors and the public API never see drafts.
/// </summary>
[Route(BackOfficeExtensions.Path + "/preview")]
public sealed class PreviewController(
    IPreviewSnapshotService previews,
    Microsoft.AspNetCore.Mvc.ViewEngines.ICompositeViewEngine views,
    SessionSchedule schedule,
    IOptions<PublicSiteOptions> options) : BackOfficeControllerBase
{
    [HttpGet("{id:guid}/{culture}")]
    public async Task<IActionResult> Show(Guid id, string culture, string? location, string? decade, string? sort, string? page, CancellationToken cancellationToken)
    {
        var snapshot = await previews.GetAsync(cancellationToken);
        var content = snapshot.GetByKey(id);
        var language = snapshot.Languages.Find(culture);
        if (content is null || language is null || !content.IsPage || !content.IsPublished(language.IsoCode))
        {
            return Missing();
        }

        var model = PublicContentController.ModelFor(snapshot, content, language, PublicContentController.BaseUrl(Request, options.Value), null,
            new PageQuery(location, decade, sort, page), options.Value.NewsPageSize, schedule);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return View(PublicContentController.ViewFor(views, content.ContentTypeAlias), model);
    }
}
