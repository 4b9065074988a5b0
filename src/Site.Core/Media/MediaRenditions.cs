using Microsoft.Extensions.Options;
using NetVips;

namespace Site.Core.Media;

/// <summary>
/// Resized copies of images for responsive pages: a width (keeping the shape), or a width and height cropped around
/// the focal point. Only a fixed set of sizes is made, so nobody can fill the disk by asking for every width.
/// </summary>
public interface IMediaRenditions
{
    IReadOnlyList<int> Sizes { get; }

    /// <summary>The file of a rendition, made on first request and kept; null when the size is not offered or the item is not an image.</summary>
    Task<string?> GetAsync(MediaItem item, int width, int? height, CancellationToken cancellationToken);
}

internal sealed class MediaRenditions(IMediaService media, IOptions<SiteCoreOptions> options) : IMediaRenditions
{
    private static readonly SemaphoreSlim Gate = new(2, 2);

    public IReadOnlyList<int> Sizes { get; } = [160, 320, 480, 640, 800, 1024, 1280, 1600, 1920];

    public async Task<string?> GetAsync(MediaItem item, int width, int? height, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != MediaKind.Image || !Sizes.Contains(width) || (height is { } h && !Sizes.Contains(h)))
        {
            return null;
        }

        var original = media.OriginalPath(item);
        var extension = item.Extension == ".gif" ? ".png" : item.Extension;
        var path = Path.Combine(Path.GetDirectoryName(original)!, height is null ? $"w{width}{extension}" : $"w{width}h{height}{extension}");
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
                    : Crop(original, item.FocalPoint, width, height.Value))
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

    /// <summary>Scales the image to cover the box, then cuts the box out centred on the focal point (kept inside the image).</summary>
    internal static Image Crop(string original, FocalPoint focal, int width, int height)
    {
        using var source = Image.NewFromFile(original);
        var scale = Math.Max((double)width / source.Width, (double)height / source.Height);
        using var scaled = source.Resize(scale);
        var left = (int)Math.Round(Math.Clamp((focal.Left * scaled.Width) - (width / 2.0), 0, scaled.Width - width));
        var top = (int)Math.Round(Math.Clamp((focal.Top * scaled.Height) - (height / 2.0), 0, scaled.Height - height));
        return scaled.Crop(left, top, Math.Min(width, scaled.Width), Math.Min(height, scaled.Height));
    }
}
