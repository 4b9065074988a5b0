using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>How soon a browser should fetch an image: the cover at once, anything below the fold when it is near.</summary>
public enum ImageLoading
{
    Lazy,
    Eager,
}

/// <summary>
/// An image from the media library as a responsive &lt;img&gt;, the one place pages (covers, galleries, blocks) make
/// one: renditions of the offered widths up to the original's (srcset), in the original's shape or cropped to a shape
/// around the focal point; its size (so the page does not move while it loads); its alt text in the page's language
/// (<see cref="AltCulture"/> says when another language's had to stand in); and <see cref="Large"/>, the address of a
/// big rendition to link to. Only URLs the media endpoint serves are made.
/// </summary>
public sealed record ResponsiveImage(string Src, string SrcSet, int Width, int Height, string Alt, string? AltCulture, string Large)
{
    /// <summary>The largest rendition a page links to, so "see it big" never sends a multi-megabyte original.</summary>
    private const int LargeWidth = 1600;

    /// <summary>The first image of a media picker's value in its own shape, or null when none is picked or it is gone or not an image.</summary>
    public static ResponsiveImage? From(string? pickerValue, IMediaLibrary media, IMediaRenditions renditions, string culture)
    {
        ArgumentNullException.ThrowIfNull(media);
        return EditorValues.MediaKeys(pickerValue) is [var key, ..] ? For(media.Find(key), renditions, culture) : null;
    }

    /// <summary>
    /// Every image picked in a media picker property of a page, in order, cropped to <paramref name="cropAlias"/>'s shape
    /// when the property's data type defines that crop (otherwise in each image's own shape). Items gone from the
    /// library and documents are skipped.
    /// </summary>
    public static IReadOnlyList<ResponsiveImage> Picked(
        PublishedSnapshot snapshot, PublishedContent content, string alias, string culture, IMediaLibrary media, IMediaRenditions renditions, string? cropAlias = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(media);
        if (content.ContentType.FindProperty(alias) is not { EditorAlias: PropertyEditors.MediaPicker } property)
        {
            return [];
        }

        var configuration = MediaPickerConfiguration.Parse(snapshot.Schema.DataTypes.GetValueOrDefault(property.DataTypeKey)?.ConfigJson);
        var crop = configuration.FindCrop(cropAlias);
        var shape = crop is null ? ((int, int)?)null : (crop.Width, crop.Height);
        return
        [
            .. EditorValues.MediaPicks(content.Value(alias, culture))
                .Select(pick => For(
                    media.Find(pick.MediaKey),
                    renditions,
                    culture,
                    shape,
                    configuration.EnableLocalFocalPoint ? pick.FocalPoint : null,
                    crop is null ? null : pick.Crops.FirstOrDefault(c => string.Equals(c.Alias, crop.Alias, StringComparison.Ordinal))?.Coordinates))
                .OfType<ResponsiveImage>(),
        ];
    }

    /// <summary>
    /// An image item as a responsive image, in its own shape or cropped to <paramref name="shape"/> (width:height): where
    /// an editor set the crop by hand (<paramref name="coordinates"/>, Umbraco's fractions cut from each edge), else around
    /// the page's own <paramref name="focal"/> point, else around the item's (the media endpoint serves coordinates and
    /// points that published pages use); null for a document or an item without a size.
    /// </summary>
    public static ResponsiveImage? For(
        MediaItem? item, IMediaRenditions renditions, string culture, (int Width, int Height)? shape = null, FocalPoint? focal = null, CropCoordinates? coordinates = null)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        if (item is not { Kind: MediaKind.Image, Width: int width, Height: int height })
        {
            return null;
        }

        // Alt text is required in every site language for images; another language's is better than none.
        var (alt, altCulture) = item.Alt(culture) is { } own
            ? (own, (string?)null)
            : item.AltText.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Value, (string?)a.Key)).FirstOrDefault();
        var large = LargeUrl(item, renditions, width);

        if (shape is { Width: > 0, Height: > 0 } box)
        {
            // The offered widths whose crop fits inside the original (or the area set by hand): nothing is ever scaled up.
            var (areaWidth, areaHeight) = coordinates is { IsValid: true } area && FocalCrop.Pixels(area, width, height) is var (_, _, w, h)
                ? (w, h)
                : (width, height);
            var crops = renditions.Sizes
                .Select(w => (Width: w, Height: FocalCrop.HeightFor(w, box.Width, box.Height)))
                .Where(c => c.Width <= areaWidth && c.Height <= areaHeight && c.Height > 0)
                .ToList();
            if (crops.Count == 0 && coordinates is not null)
            {
                // An area set by hand smaller than the smallest offered width: the crop around the focal point instead.
                return For(item, renditions, culture, shape, focal);
            }

            if (crops.Count > 0)
            {
                var point = focal is { IsValid: true } p && FocalPercent.From(p) != FocalPercent.From(item.FocalPoint) ? FocalPercent.From(p) : (FocalPercent?)null;
                var suffix = coordinates is { IsValid: true } byHand ? "-c" + FocalCrop.Token(byHand)
                    : point is { } f ? "-" + Size(f.Left) + "-" + Size(f.Top)
                    : string.Empty;
                string Crop((int Width, int Height) c) => item.RenditionUrl(Size(c.Width) + "x" + Size(c.Height) + suffix);
                var srcSet = string.Join(", ", crops.Select(c => Crop(c) + " " + Size(c.Width) + "w"));
                var src = crops.LastOrDefault(c => c.Width <= 640, crops[0]);
                var biggest = crops[^1];
                return new ResponsiveImage(Crop(src), srcSet, biggest.Width, biggest.Height, alt ?? string.Empty, altCulture, large);
            }
        }

        var widths = renditions.Sizes.Where(s => s < width).Append(width).ToList();
        var set = string.Join(", ", widths.Select(w => (w == width ? item.Url : item.RenditionUrl("w" + Size(w))) + " " + Size(w) + "w"));
        var source = widths.Count > 1 ? item.RenditionUrl("w" + Size(widths.Last(w => w <= 1024 || w == widths[0]))) : item.Url;
        return new ResponsiveImage(source, set, width, height, alt ?? string.Empty, altCulture, large);
    }

    /// <summary>
    /// The &lt;img&gt; element: <paramref name="sizes"/> tells the browser how wide it is shown, so it picks the smallest
    /// rendition that is sharp enough. <see cref="ImageLoading.Eager"/> is for the one image at the top (the cover):
    /// fetched at once and first; everything else waits until it is near the screen.
    /// </summary>
    public IHtmlContent Tag(string sizes, ImageLoading loading, string? pageCulture = null, string? cssClass = null)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder("<img");
        void Attribute(string name, string value) => html.Append(' ').Append(name).Append("=\"").Append(encoder.Encode(value)).Append('"');
        Attribute("src", Src);
        Attribute("srcset", SrcSet);
        Attribute("sizes", sizes);
        Attribute("width", Size(Width));
        Attribute("height", Size(Height));
        Attribute("alt", Alt);
        if (AltCulture is not null && !string.Equals(AltCulture, pageCulture, StringComparison.OrdinalIgnoreCase))
        {
            Attribute("lang", AltCulture);
        }

        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        if (loading == ImageLoading.Eager)
        {
            Attribute("fetchpriority", "high");
        }
        else
        {
            Attribute("loading", "lazy");
        }

        Attribute("decoding", "async");
        return new HtmlString(html.Append('>').ToString());
    }

    private static string LargeUrl(MediaItem item, IMediaRenditions renditions, int width) =>
        width <= LargeWidth ? item.Url : item.RenditionUrl("w" + Size(renditions.Sizes.Where(s => s <= LargeWidth).DefaultIfEmpty(renditions.Sizes[0]).Max()));

    private static string Size(int pixels) => pixels.ToString(CultureInfo.InvariantCulture);

}
