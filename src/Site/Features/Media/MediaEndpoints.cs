using System.Globalization;
using Site.Core.Media;

namespace Site.Features.Media;

/// <summary>
/// Serves the media library: originals at /media/{key}/{hash}/{file}, resized images at /media/{key}/{hash}/w640/{file}
/// or /media/{key}/{hash}/640x480/{file}. The hash in the URL changes with the file, so responses are cached for a year.
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

    private static async Task<IResult> Original(Guid key, string hash, string file, IMediaService media, HttpContext context, CancellationToken cancellationToken)
    {
        var item = await FindAsync(media, key, hash, cancellationToken);
        return item is null ? Results.NotFound() : Serve(context, media.OriginalPath(item), item.MediaType, item.Hash);
    }

    private static async Task<IResult> Rendition(
        Guid key, string hash, string size, string file, IMediaService media, IMediaRenditions renditions, HttpContext context, CancellationToken cancellationToken)
    {
        var item = await FindAsync(media, key, hash, cancellationToken);
        if (item is null || !TryParseSize(size, out var width, out var height))
        {
            return Results.NotFound();
        }

        var path = await renditions.GetAsync(item, width, height, cancellationToken);
        var mediaType = item.Extension == ".gif" ? "image/png" : item.MediaType;
        return path is null ? Results.NotFound() : Serve(context, path, mediaType, $"{item.Hash}-{size}");
    }

    private static async Task<MediaItem?> FindAsync(IMediaService media, Guid key, string hash, CancellationToken cancellationToken)
    {
        var item = await media.GetAsync(key, cancellationToken);
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

    /// <summary>"w640" (a width) or "640x480" (a crop).</summary>
    internal static bool TryParseSize(string size, out int width, out int? height)
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
