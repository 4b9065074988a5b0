using System.Globalization;
using Site.Core.Media;

namespace Site.Features.Media;

/// <summary>
/// Serves the media library: originals at /media/{key}/{hash}/{file}, resized images at /media/{key}/{hash}/w640/{file}
/// or /media/{key}/{hash}/640x480/{file} (or 640x480-25-60/, around a page's own focal point that a published page uses,
/// or 640x480-c{token}/, where a published pick's hand-set crop coordinates put it). The hash in the URL changes with the file, so responses are cached for a year.
/// </summary>
public static class MediaEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static WebApplication MapMedia(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/media/{key:guid}/{hash}/{file}", Original);
        app.MapGet("/media/{key:guid}/{hash}/{size}/{file}", Rendition);
        return app;
    }

    private static async Task<IResult> Original(
        Guid key, string hash, string file, IMediaService media, IMediaLibrary library, IMediaRenditions renditions, HttpContext context, CancellationToken cancellationToken)
    {
        var item = await FindAsync(library, media, key, hash, cancellationToken);
        if (item is null)
        {
            return Results.NotFound();
        }

        if (ImageSharpQuery.Rendition(context.Request.Query, item, renditions) is { } size)
        {
            // Front ends written for Umbraco ask for sizes the ImageSharp way; they get the nearest rendition we offer.
            var path = context.Request.Path.Value!;
            var last = path.LastIndexOf('/');
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Redirect(context.Request.PathBase + path[..last] + "/" + size + path[last..]);
        }

        return Serve(context, media.OriginalPath(item), item.MediaType, item.Hash);
    }

    private static async Task<IResult> Rendition(
        Guid key, string hash, string size, string file, IMediaService media, IMediaLibrary library, IMediaRenditions renditions, ILocalFocalPoints localFocalPoints,
        HttpContext context, CancellationToken cancellationToken)
    {
        var item = await FindAsync(library, media, key, hash, cancellationToken);
        if (item is null)
        {
            return Results.NotFound();
        }

        if (TryParseCrop(size, out var boxWidth, out var boxHeight, out var token))
        {
            // Only coordinates a published pick sets; anything else gets the crop around the item's own point, no file.
            if (localFocalPoints.FindCrop(item.Key, token) is not { } coordinates)
            {
                return Results.Redirect(context.Request.PathBase + context.Request.Path.Value!.Replace("/" + size + "/", $"/{boxWidth.ToString(CultureInfo.InvariantCulture)}x{boxHeight.ToString(CultureInfo.InvariantCulture)}/", StringComparison.Ordinal));
            }

            var cut = await renditions.GetAsync(item, boxWidth, boxHeight, coordinates, cancellationToken);
            return cut is null ? Results.NotFound() : Serve(context, cut, item.Extension == ".gif" ? "image/png" : item.MediaType, $"{item.Hash}-{size}");
        }

        if (!TryParseSize(size, out var width, out var height, out var focal))
        {
            return Results.NotFound();
        }

        if (focal is { } point && height is { } h)
        {
            // Only points a published page uses; any other (a draft's in preview, an old or made-up one) gets the
            // crop around the item's own point, without making a file for it.
            if (!localFocalPoints.IsUsed(item.Key, point))
            {
                return Results.Redirect(context.Request.PathBase + context.Request.Path.Value!.Replace("/" + size + "/", $"/{width.ToString(CultureInfo.InvariantCulture)}x{h.ToString(CultureInfo.InvariantCulture)}/", StringComparison.Ordinal));
            }

            var cropped = await renditions.GetAsync(item, width, h, point, cancellationToken);
            return cropped is null ? Results.NotFound() : Serve(context, cropped, item.Extension == ".gif" ? "image/png" : item.MediaType, $"{item.Hash}-{size}");
        }

        var path = await renditions.GetAsync(item, width, height, cancellationToken);
        var mediaType = item.Extension == ".gif" ? "image/png" : item.MediaType;
        return path is null ? Results.NotFound() : Serve(context, path, mediaType, $"{item.Hash}-{size}");
    }

    /// <summary>
    /// From the library kept in memory (every image request would otherwise be a database query); an item uploaded a
    /// moment ago, before the library reloaded, from the database.
    /// </summary>
    private static async Task<MediaItem?> FindAsync(IMediaLibrary library, IMediaService media, Guid key, string hash, CancellationToken cancellationToken)
    {
        var item = library.Find(key) ?? await media.GetAsync(key, cancellationToken);
        return item is not null && item.Hash.StartsWith(hash, StringComparison.Ordinal) && hash.Length >= 12 ? item : null;
    }

    private static IResult Serve(HttpContext context, string path, string mediaType, string etag)
    {
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = Immutable;
        return Results.File(path, mediaType, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{etag}\""));
    }

    /// <summary>"640x480-c{token}": a crop where a published pick's coordinates put it (<see cref="FocalCrop.Token"/>).</summary>
    internal static bool TryParseCrop(string size, out int width, out int height, out string token)
    {
        (width, height, token) = (0, 0, string.Empty);
        var parts = size.Split('-');
        if (parts.Length != 2 || !parts[1].StartsWith('c') || !FocalCrop.IsToken(parts[1][1..])
            || !TryParseSize(parts[0], out width, out var h) || h is not { } boxHeight)
        {
            return false;
        }

        (height, token) = (boxHeight, parts[1][1..]);
        return true;
    }

    /// <summary>"w640" (a width), "640x480" (a crop) or "640x480-25-60" (a crop around a page's focal point, in percent).</summary>
    internal static bool TryParseSize(string size, out int width, out int? height, out FocalPercent? focal)
    {
        focal = null;
        var parts = size.Split('-');
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var left)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var top)
                || new FocalPercent(left, top) is not { IsValid: true } point
                || !TryParseSize(parts[0], out width, out height, out _) || height is null)
            {
                (width, height) = (0, null);
                return false;
            }

            focal = point;
            return true;
        }

        return TryParseSize(size, out width, out height);
    }

    private static bool TryParseSize(string size, out int width, out int? height)
    {
        height = null;
        if (size.StartsWith('w'))
        {
            return int.TryParse(size.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out width);
        }

        var parts = size.Split('x');
        width = 0;
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h))
        {
            height = h;
            return true;
        }

        return false;
    }
}
