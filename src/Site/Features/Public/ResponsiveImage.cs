using System.Globalization;
using System.Text.Json;
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
        if (FirstMediaKey(pickerValue) is not { } key || media.Find(key) is not { Kind: MediaKind.Image, Width: int width, Height: int height } item)
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

    private static Guid? FirstMediaKey(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("mediaKey", out var key) && key.TryGetGuid(out var mediaKey))
                {
                    return mediaKey;
                }
            }
        }
        catch (JsonException)
        {
            // A value the site cannot read shows no image rather than a broken page.
        }

        return null;
    }
}
