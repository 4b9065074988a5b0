using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;

namespace Site.Features.BackOffice;

/// <summary>The translation dashboard: content missing a translation or whose translation is stale; start from the other text.</summary>
[Route(BackOfficeExtensions.Path + "/translations")]
public sealed class TranslationsController(ITranslationService translations) : BackOfficeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        Show("Translations", PageOf(Text.Translations, "translations", new TranslationsData(await translations.GetOutstandingAsync(cancellationToken), WorkflowUser)));

    [HttpPost("{id:guid}/start")]
    public async Task<IActionResult> Start(Guid id, [FromForm] string source, [FromForm] string target, CancellationToken cancellationToken)
    {
        var saved = await translations.StartFromAsync(id, source, target, WorkflowUser, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{id}?done=translation&culture={Uri.EscapeDataString(target)}");
        }

        var data = new TranslationsData(await translations.GetOutstandingAsync(cancellationToken), WorkflowUser);
        var status = saved.Status switch
        {
            SaveStatus.Forbidden => StatusCodes.Status403Forbidden,
            SaveStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Show("Translations", PageOf(Text.Translations, "translations", data, errors: [.. saved.Errors.Select(e => new FormError(null, e.Message.Get(Text.Code)))]), status);
    }
}
