using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Media;
using Site.Features.Media;

namespace Site.Features.BackOffice.Management;

/// <summary>The media library: upload (type checked from the bytes, size limit, alt text per culture), edit, delete.</summary>
internal static class MediaLibraryEndpoints
{
    public static void Map(RouteGroupBuilder media)
    {
        media.MapGet("", ListAsync).WithName("GetMedia").ProducesProblem(StatusCodes.Status400BadRequest);
        media.MapGet("/{id:guid}", GetAsync).WithName("GetMediaById").ProducesProblem(StatusCodes.Status404NotFound);
        // The form is read by hand: the antiforgery check is the API's own filter, for cookie callers only.
        media.MapPost("", UploadAsync).WithName("PostMedia").DisableAntiforgery().WithMetadata(new MediaUploadAttribute())
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        media.MapPut("/{id:guid}", UpdateAsync).WithName("PutMediaById").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        media.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteMediaById").ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedModel<MediaModel>>> ListAsync(int? skip, int? take, IMediaService media, CancellationToken cancellationToken)
    {
        var (total, items) = await media.ListAsync(Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 200), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PagedModel<MediaModel>(total, [.. items.Select(MediaModel.From)]));
    }

    private static async Task<Results<Ok<MediaModel>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, IMediaService media, CancellationToken cancellationToken) =>
        await media.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } item ? TypedResults.Ok(MediaModel.From(item)) : ManagementProblems.NotFound(context);

    private static async Task<Results<Created<MediaModel>, ProblemHttpResult>> UploadAsync(HttpContext context, IMediaService media, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return ManagementProblems.BadRequest(context, "Send multipart/form-data with a file field.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null)
        {
            return ManagementProblems.BadRequest(context, "Send multipart/form-data with a file field.");
        }

        var focal = ReadFocalPoint(form["focalLeft"], form["focalTop"]);
        await using var stream = file.OpenReadStream();
        var result = await media.UploadAsync(stream, file.FileName, AltText(form), focal, context.CurrentUser()!.ToWorkflowUser(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Created($"{ManagementApi.RoutePrefix}/media/{result.Item!.Key}", MediaModel.From(result.Item))
            : ManagementProblems.From(context, result);
    }

    private static async Task<Results<Ok<MediaModel>, ProblemHttpResult>> UpdateAsync(Guid id, MediaUpdateRequest request, HttpContext context, IMediaService media, CancellationToken cancellationToken)
    {
        var focal = new FocalPoint(request?.FocalLeft ?? 0.5, request?.FocalTop ?? 0.5);
        var result = await media.UpdateAsync(id, request?.AltText ?? new Dictionary<string, string>(), focal, context.CurrentUser()!.ToWorkflowUser(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.Ok(MediaModel.From(result.Item!)) : ManagementProblems.From(context, result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext context, IMediaService media, CancellationToken cancellationToken)
    {
        var result = await media.DeleteAsync(id, context.CurrentUser()!.ToWorkflowUser(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.NoContent() : ManagementProblems.From(context, result);
    }

    /// <summary>Alt text fields are named alt[zh-CN], alt[en-US].</summary>
    internal static Dictionary<string, string> AltText(IFormCollection form) =>
        form.Where(f => f.Key.StartsWith("alt[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key[4..^1], f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    internal static FocalPoint? ReadFocalPoint(string? left, string? top) =>
        double.TryParse(left, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
        && double.TryParse(top, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            ? new FocalPoint(x, y)
            : null;
}
