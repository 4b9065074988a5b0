using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Media;
using Site.Features.BackOffice.Management;
using Site.Features.Media;

namespace Site.Features.BackOffice;

/// <summary>The media library screen: a paged list, upload (alt text in both languages, focal point), edit and delete.</summary>
[Route(BackOfficeExtensions.Path)]
public sealed class MediaController(IMediaService media, Site.Core.Publishing.IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    public const int PageSize = 50;

    [HttpGet("media")]
    public async Task<IActionResult> Index(int? page, string? saved, CancellationToken cancellationToken)
    {
        var notice = saved switch
        {
            "1" => Text.MediaUploaded,
            "updated" => Text.MediaUpdated,
            "deleted" => Text.MediaDeleted,
            _ => null,
        };
        return Show("Media", PageOf(Text.Media, "media", await DataAsync(page, new MediaUploadForm(), null, cancellationToken), notice));
    }

    [HttpPost("media")]
    [MediaUpload]
    public async Task<IActionResult> Upload([FromForm] MediaUploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var typed = new MediaUploadForm { Alt = form.Alt, FocalLeft = form.FocalLeft, FocalTop = form.FocalTop };
        if (form.File is not { Length: > 0 } file)
        {
            return await FailedAsync(typed, [new FormError("File", Text.ChooseFile)], StatusCodes.Status400BadRequest, cancellationToken);
        }

        MediaResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = await media.UploadAsync(stream, file.FileName, AltText(form.Alt), Focal(form.FocalLeft, form.FocalTop), WorkflowUser, cancellationToken);
        }

        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/media?saved=1");
        }

        if (result.Status == MediaStatus.Forbidden)
        {
            return Refused();
        }

        var error = new FormError(FieldOf(result.Status, form.Alt, ""), result.Message?.Get(Text.Code) ?? Text.MediaFailed);
        return await FailedAsync(typed, [error], StatusOf(result.Status), cancellationToken);
    }

    [HttpPost("media/{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromForm] MediaEditForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await media.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return Missing();
        }

        var focal = string.IsNullOrWhiteSpace(form.FocalLeft) && string.IsNullOrWhiteSpace(form.FocalTop) ? item.FocalPoint : Focal(form.FocalLeft, form.FocalTop)!.Value;
        var result = await media.UpdateAsync(id, AltText(form.Alt), focal, WorkflowUser, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(PageUrl(form.Page, "updated"));
        }

        if (result.Status == MediaStatus.Forbidden)
        {
            return Refused();
        }

        var prefix = id.ToString("N") + "-";
        var error = new FormError(FieldOf(result.Status, form.Alt, prefix), result.Message?.Get(Text.Code) ?? Text.MediaFailed);
        var data = await DataAsync(form.Page, new MediaUploadForm(), (id, form), cancellationToken);
        return Invalid("Media", PageOf(Text.Media, "media", data, errors: [error]));
    }

    [HttpPost("media/{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, [FromForm] int? page, CancellationToken cancellationToken)
    {
        var result = await media.DeleteAsync(id, WorkflowUser, cancellationToken);
        return result.Status switch
        {
            MediaStatus.Success => Redirect(PageUrl(page, "deleted")),
            MediaStatus.Forbidden => Refused(),
            _ => Missing(),
        };
    }

    private async Task<IActionResult> FailedAsync(MediaUploadForm typed, IReadOnlyList<FormError> errors, int status, CancellationToken cancellationToken) =>
        Show("Media", PageOf(Text.Media, "media", await DataAsync(1, typed, null, cancellationToken), errors: errors), status);

    private async Task<MediaLibraryData> DataAsync(int? page, MediaUploadForm upload, (Guid Id, MediaEditForm Form)? editing, CancellationToken cancellationToken)
    {
        var wanted = Math.Max(page ?? 1, 1);
        var (total, items) = await media.ListAsync((wanted - 1) * PageSize, PageSize, cancellationToken);
        if (items.Count == 0 && wanted > 1)
        {
            wanted = Pager.PageCount(total, PageSize);
            (total, items) = await media.ListAsync((wanted - 1) * PageSize, PageSize, cancellationToken);
        }

        var pager = new Pager(wanted, Pager.PageCount(total, PageSize), total, p => BackOfficeExtensions.Path + "/media?page=" + p.ToString(CultureInfo.InvariantCulture));
        return new MediaLibraryData(items, pager, upload, editing?.Id, editing?.Form);
    }

    private static string PageUrl(int? page, string saved) =>
        BackOfficeExtensions.Path + "/media?saved=" + saved + (page is > 1 ? "&page=" + page.Value.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The alt text fields (Alt[zh-CN], Alt[en-US], one per site language) that were filled in.</summary>
    private static Dictionary<string, string> AltText(Dictionary<string, string?> fields) =>
        fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>No focal point when both are empty; a point outside the image (refused by the service) when either is not a number.</summary>
    private static FocalPoint? Focal(string? left, string? top) =>
        string.IsNullOrWhiteSpace(left) && string.IsNullOrWhiteSpace(top)
            ? null
            : MediaLibraryEndpoints.ReadFocalPoint(left?.Trim(), top?.Trim()) ?? new FocalPoint(-1, -1);

    private static int StatusOf(MediaStatus status) => status switch
    {
        MediaStatus.TooLarge or MediaStatus.TooManyPixels => StatusCodes.Status413PayloadTooLarge,
        MediaStatus.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        MediaStatus.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    private string? FieldOf(MediaStatus status, Dictionary<string, string?> alt, string prefix) => status switch
    {
        // Every language needs its alt text: the field of the first one left blank.
        MediaStatus.AltTextRequired => snapshots.Current.Languages.All
            .FirstOrDefault(l => string.IsNullOrWhiteSpace(alt.GetValueOrDefault(l.IsoCode))) is { } missing ? prefix + "Alt-" + missing.IsoCode : null,
        MediaStatus.InvalidFocalPoint => prefix + "FocalLeft",
        MediaStatus.Empty or MediaStatus.TooLarge or MediaStatus.UnsupportedType or MediaStatus.Corrupt or MediaStatus.TooManyPixels => prefix.Length == 0 ? "File" : null,
        _ => null,
    };
}

public sealed class MediaUploadForm
{
    public IFormFile? File { get; set; }

    /// <summary>Alt text by culture, from the fields Alt[zh-CN], Alt[en-US]…</summary>
    public Dictionary<string, string?> Alt { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string? FocalLeft { get; set; }
    public string? FocalTop { get; set; }
}

public sealed class MediaEditForm
{
    public Dictionary<string, string?> Alt { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string? FocalLeft { get; set; }
    public string? FocalTop { get; set; }
    public int? Page { get; set; }
}

public sealed record MediaLibraryData(IReadOnlyList<MediaItem> Items, Pager Pager, MediaUploadForm Upload, Guid? EditingId, MediaEditForm? Editing);
