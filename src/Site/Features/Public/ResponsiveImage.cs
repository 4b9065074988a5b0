using System.Globalization;
using Site.Core.Content;
using Site.Core.Media;

namespace Site.Features.Public;

/// <summary>
/// An image picked on a page, as a responsive &lt;img&gt;: the rendition widths up to the original's (srcset), its
/// size (so the page does not jump while it loads) and its alt text in the page's language.
/// </summary>
public sealed record ResponsiveImage(string Src, string SrcSet, int Width, int Height, string Alt)
{
    /// <summary>The first image of a media picker's value, or null when none is picked or it is gone or not an image.</summary>
    public static ResponsiveImage? From(string? pickerValue, IMediaLibrary media, IMediaRenditions renditions, string culture)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(renditions);
        if (EditorValues.MediaKeys(pickerValue) is not [var key, ..] || media.Find(key) is not { Kind: MediaKind.Image, Width: int width, Height: int height } item)
        {
            return null;
        }

        var widths = renditions.Sizes.Where(s => s < width).Append(width).ToList();
        var srcSet = string.Join(", ", widths.Select(w => (w == width ? item.Url : Rendition(item, w)) + " " + w.ToString(CultureInfo.InvariantCulture) + "w"));
        var src = widths.Count > 1 ? Rendition(item, widths.Last(w => w <= 1024 || w == widths[0])) : item.Url;
        // Alt text is required in every site language for images; the other language is better than none if it is missing.
        var alt = item.Alt(culture) ?? item.AltText.Values.FirstOrDefault() ?? string.Empty;
        return new ResponsiveImage(src, srcSet, width, height, alt);
    }

    private static string Rendition(MediaItem item, int width) =>
        item.Url[..^item.FileName.Length] + "w" + width.ToString(CultureInfo.InvariantCulture) + "/" + item.FileName;
}
