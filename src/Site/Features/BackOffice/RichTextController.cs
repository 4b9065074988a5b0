using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Features.Media;

namespace Site.Features.BackOffice;

/// <summary>
/// What the rich text editor asks for while a writer writes: an image dropped or pasted into the text, uploaded into
/// the media library through the same checks as the media screen, and pages of this site to link to.
/// Answers are JSON for the script; refusals are ProblemDetails whose detail is in the editor's language.
/// </summary>
[Route(Path)]
public sealed class RichTextController(IMediaService media, IContentService content, IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    /// <summary>The script's endpoints: their errors, even those raised before an action runs, are ProblemDetails.</summary>
    public const string Path = BackOfficeExtensions.Path + "/richtext";

    public const int MaxPages = 20;

    /// <summary>
    /// An image for the text: its alt text is required in the field's language (the markup carries it there);
    /// type, size and pixels are checked from the bytes as for every upload.
    /// </summary>
    [HttpPost("media")]
    [MediaUpload]
    public async Task<IActionResult> Upload([FromForm] RichTextUploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var languages = snapshots.Current.Languages;
        // An invariant field has no language of its own: the alt text is then the default language's.
        var culture = (languages.All.FirstOrDefault(l => string.Equals(l.IsoCode, form.Culture, StringComparison.OrdinalIgnoreCase)) ?? languages.Default)?.IsoCode;
        if (culture is null)
        {
            return Problem(Text.MediaFailed, statusCode: StatusCodes.Status400BadRequest);
        }

        if (form.File is not { Length: > 0 } file)
        {
            return Problem(Text.ChooseFile, statusCode: StatusCodes.Status400BadRequest);
        }

        var alt = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(form.Alt))
        {
            alt[culture] = form.Alt.Trim();
        }

        MediaResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = await media.UploadForTextAsync(stream, file.FileName, alt, [culture], WorkflowUser, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return Problem(result.Message?.Get(Text.Code) ?? Text.MediaFailed, statusCode: StatusOf(result.Status));
        }

        var item = result.Item!;
        return Json(new RichTextImage($"umb://media/{item.Key:N}", item.RenditionUrl("w640"), item.Alt(culture) ?? string.Empty, item.Width, item.Height));
    }

    /// <summary>Pages whose name in any language contains the text, drafts included, named in the field's language.</summary>
    [HttpGet("pages")]
    public async Task<IActionResult> Pages(string? q, string? culture, CancellationToken cancellationToken)
    {
        var text = (q ?? string.Empty).Trim();
        if (text.Length > TreeController.MaxQueryLength)
        {
            text = text[..TreeController.MaxQueryLength];
        }

        var languages = snapshots.Current.Languages;
        var found = text.Length == 0 ? [] : await content.FindByNameAsync(text, MaxPages, cancellationToken);
        return Json(found.Select(node =>
        {
            var (preferred, name, others) = ContentTreeView.NamesOf(node, languages, culture, Text.Code);
            return new RichTextPage(node.Key, RichTextLinkHref(node.Key), name, others, node.IsPublished(preferred));
        }));
    }

    private static string RichTextLinkHref(Guid key) => Site.Core.Rendering.RichTextLinks.Href(key);

    private static int StatusOf(MediaStatus status) => status switch
    {
        MediaStatus.TooLarge or MediaStatus.TooManyPixels => StatusCodes.Status413PayloadTooLarge,
        MediaStatus.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        MediaStatus.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}

public sealed class RichTextUploadForm
{
    public IFormFile? File { get; set; }

    /// <summary>The alt text, in the language of the field the image is placed in.</summary>
    public string? Alt { get; set; }

    /// <summary>The field's culture.</summary>
    public string? Culture { get; set; }
}

/// <summary>An image placed in rich text: by key (data-udi), with a rendition to show in the editor.</summary>
public sealed record RichTextImage(string Udi, string Src, string Alt, int? Width, int? Height);

/// <summary>A page to link to: its stored link form (by key) and its names.</summary>
public sealed record RichTextPage(Guid Key, string Href, string Name, string OtherNames, bool Published);
