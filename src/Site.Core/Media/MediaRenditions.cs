using Microsoft.Extensions.Options;
using NetVips;
using Site.Core.Content;

namespace Site.Core.Media;

/// <summary>
/// Resized copies of images for responsive pages: a width (keeping the shape), or a width and height cropped around
/// the focal point. Only a fixed set of sizes is made, so nobody can fill the disk by asking for every width: the
/// widths of <see cref="Sizes"/>, and crops of those widths in one of the offered shapes (<see cref="Shapes"/> and the
/// crops that media picker data types define), never larger than the original.
/// </summary>
public interface IMediaRenditions
{
    IReadOnlyList<int> Sizes { get; }

    /// <summary>The crop shapes (width:height, reduced) offered for every image besides those the data types define.</summary>
    IReadOnlyList<(int Width, int Height)> Shapes { get; }

    /// <summary>The file of a rendition, made on first request and kept; null when the size is not offered or the item is not an image.</summary>
    Task<string?> GetAsync(MediaItem item, int width, int? height, CancellationToken cancellationToken);

    /// <summary>
    /// A crop around another focal point than the item's (a page's own, from its media picker), in whole percent so
    /// that only a bounded number of files can exist; the caller decides which points may be asked for.
    /// </summary>
    Task<string?> GetAsync(MediaItem item, int width, int height, FocalPercent focal, CancellationToken cancellationToken);

    /// <summary>
    /// A crop where an editor set it by hand (a pick's crop coordinates), filling the box without stretching and never
    /// larger than the area cut; the caller decides which coordinates may be asked for.
    /// </summary>
    Task<string?> GetAsync(MediaItem item, int width, int height, CropCoordinates crop, CancellationToken cancellationToken);
}

/// <summary>A focal point in whole percent of the width and height (0 to 100), as rendition URLs name it.</summary>
public readonly record struct FocalPercent(int Left, int Top)
{
    public bool IsValid => Left is >= 0 and <= 100 && Top is >= 0 and <= 100;

    public FocalPoint Point => new(Left / 100.0, Top / 100.0);

    public static FocalPercent From(FocalPoint point) =>
        new((int)Math.Round(Math.Clamp(point.Left, 0, 1) * 100), (int)Math.Round(Math.Clamp(point.Top, 0, 1) * 100));
}

internal sealed class MediaRenditions(IMediaService media, IContentSchemaStore schemaStore, IOptions<SiteCoreOptions> options) : IMediaRenditions
{
    private static readonly SemaphoreSlim Gate = new(2, 2);

    public IReadOnlyList<int> Sizes { get; } = [160, 320, 480, 640, 800, 1024, 1280, 1600, 1920];

    // Square, photo (4:3, 3:2), the API's card (5:3) and wide (2:1) crops, and video (16:9).
    public IReadOnlyList<(int Width, int Height)> Shapes { get; } = [(1, 1), (4, 3), (3, 2), (5, 3), (2, 1), (16, 9)];

    public Task<string?> GetAsync(MediaItem item, int width, int? height, CancellationToken cancellationToken) =>
        GetAsync(item, width, height, null, null, cancellationToken);

    public Task<string?> GetAsync(MediaItem item, int width, int height, FocalPercent focal, CancellationToken cancellationToken) =>
        GetAsync(item, width, (int?)height, focal, null, cancellationToken);

    public Task<string?> GetAsync(MediaItem item, int width, int height, CropCoordinates crop, CancellationToken cancellationToken) =>
        GetAsync(item, width, (int?)height, null, crop, cancellationToken);

    private async Task<string?> GetAsync(MediaItem item, int width, int? height, FocalPercent? focal, CropCoordinates? crop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != MediaKind.Image || !Sizes.Contains(width) || item.Width is not int imageWidth || item.Height is not int imageHeight)
        {
            return null;
        }

        if (height is { } h && (h > imageHeight || width > imageWidth || !await IsOfferedCropAsync(width, h, cancellationToken).ConfigureAwait(false)))
        {
            return null;
        }

        // A hand-set area is only ever scaled down: a box larger than the area would be made up of invented pixels.
        if (crop is { } area && (!area.IsValid || height is not { } boxHeight
            || FocalCrop.Pixels(area, imageWidth, imageHeight) is var (_, _, areaWidth, areaHeight) && (width > areaWidth || boxHeight > areaHeight)))
        {
            return null;
        }

        var original = media.OriginalPath(item);
        var extension = item.Extension == ".gif" ? ".png" : item.Extension;
        var name = height is null ? $"w{width}"
            : crop is { } c ? $"w{width}h{height}c{FocalCrop.Token(c)}"
            : focal is { } f ? $"w{width}h{height}f{f.Left}-{f.Top}"
            : $"w{width}h{height}";
        var path = Path.Combine(Path.GetDirectoryName(original)!, name + extension);
        if (File.Exists(path))
        {
            return path;
        }

        // Resizing is CPU-bound: at most two at a time, so a burst of first requests cannot starve the site.
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(path))
            {
                if (!File.Exists(original) || IsTooLarge(original, options.Value.Media.MaxImagePixels))
                {
                    return null;
                }

                var temporary = path + "." + Guid.NewGuid().ToString("N") + extension;
                using (var image = height is null
                    ? Image.Thumbnail(original, width, size: Enums.Size.Down)
                    : crop is { } cut ? Cut(original, cut, width, height.Value)
                    : Crop(original, focal?.Point ?? item.FocalPoint, width, height.Value))
                {
                    image.WriteToFile(temporary);
                }

                File.Move(temporary, path, overwrite: true);
            }
        }
        finally
        {
            Gate.Release();
        }

        return path;
    }

    internal static bool IsTooLarge(int width, int height, long maxPixels) => (long)width * height > maxPixels;

    /// <summary>Whether <paramref name="height"/> is the height of a crop <paramref name="width"/> wide in an offered shape.</summary>
    private async Task<bool> IsOfferedCropAsync(int width, int height, CancellationToken cancellationToken)
    {
        if (Shapes.Any(s => FocalCrop.HeightFor(width, s.Width, s.Height) == height))
        {
            return true;
        }

        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        return schema.DataTypes.Values
            .Where(d => d.EditorAlias == PropertyEditors.MediaPicker)
            .SelectMany(d => MediaPickerConfiguration.Parse(d.ConfigJson).Crops)
            .Any(c => FocalCrop.HeightFor(width, c.Width, c.Height) == height);
    }

    /// <summary>
    /// Whether the file's own header (not the stored record, which an older upload or a replaced file may contradict) names
    /// more pixels than allowed: such a file is never decoded.
    /// </summary>
    private static bool IsTooLarge(string path, long maxPixels)
    {
        try
        {
            using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
            return IsTooLarge(header.Width, header.Height, maxPixels);
        }
        catch (VipsException)
        {
            return true;
        }
    }

    /// <summary>Cuts the largest area of the box's shape around the focal point (<see cref="FocalCrop"/>) and scales it to the box.</summary>
    internal static Image Crop(string original, FocalPoint focal, int width, int height)
    {
        using var source = Image.NewFromFile(original);
        var (left, top, w, h) = FocalCrop.Pixels(FocalCrop.Coordinates(source.Width, source.Height, focal, width, height), source.Width, source.Height);
        using var area = source.Crop(left, top, w, h);
        return area.ThumbnailImage(width, height: height, size: Enums.Size.Force);
    }

    /// <summary>
    /// Cuts the area an editor set and scales it to fill the box; a sliver beyond the box's shape (coordinates saved for a
    /// crop of another shape) is trimmed evenly from both sides rather than stretched.
    /// </summary>
    internal static Image Cut(string original, CropCoordinates crop, int width, int height)
    {
        using var source = Image.NewFromFile(original);
        var (left, top, w, h) = FocalCrop.Pixels(crop, source.Width, source.Height);
        using var area = source.Crop(left, top, w, h);
        return area.ThumbnailImage(width, height: height, size: Enums.Size.Down, crop: Enums.Interesting.Centre);
    }
}
