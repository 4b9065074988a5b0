using System.Globalization;
using Microsoft.Extensions.Primitives;
using Site.Core.Media;

namespace Site.Features.Media;

/// <summary>
/// Umbraco's image URLs carry ImageSharp's commands in the query (<c>?width=300&amp;height=200&amp;rxy=0.3,0.6&amp;rmode=crop</c>),
/// and front ends written for Umbraco build them from the Delivery API's media <c>url</c>. We make only a bounded set of
/// renditions (<see cref="IMediaRenditions"/>), so such a request is sent to the nearest one: the smallest offered width
/// at least as wide as asked (never wider than the original), and for a crop the offered shape nearest to the one asked
/// for, around the asked focal point. Commands we do not do (format, quality, cc, bgcolor) are ignored, as ImageSharp
/// ignores what it does not know; an image too small for any rendition is served as it is.
/// </summary>
internal static class ImageSharpQuery
{
    /// <summary>The rendition segment ("w640", "640x480" or "640x480-30-60") for the query; null when it asks for no size.</summary>
    public static string? Rendition(IQueryCollection query, MediaItem item, IMediaRenditions renditions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(renditions);
        var width = Positive(query["width"]);
        var height = Positive(query["height"]);
        if ((width is null && height is null) || item.Kind != MediaKind.Image || item.Width is not int imageWidth || item.Height is not int imageHeight)
        {
            return null;
        }

        // ImageSharp crops to the box when given both sides unless told to keep the shape (max, min, pad, boxpad, stretch).
        var mode = (query["rmode"].FirstOrDefault() ?? query["mode"].FirstOrDefault())?.Trim().ToUpperInvariant();
        if (width is { } w && height is { } h && mode is null or "CROP" && Crop(w, h, query["rxy"], imageWidth, imageHeight, renditions) is { } crop)
        {
            return crop;
        }

        var wanted = (width, height) switch
        {
            ({ } both, { } and) => Math.Min(both, (int)Math.Round(and * (double)imageWidth / imageHeight)),
            ({ } only, null) => only,
            _ => (int)Math.Round(height!.Value * (double)imageWidth / imageHeight),
        };
        return Offered(renditions.Sizes, wanted, imageWidth, _ => true) is { } size ? $"w{size.ToString(CultureInfo.InvariantCulture)}" : null;
    }

    private static string? Crop(int width, int height, StringValues focal, int imageWidth, int imageHeight, IMediaRenditions renditions)
    {
        var asked = Math.Log((double)width / height);
        var (shapeWidth, shapeHeight) = renditions.Shapes.MinBy(s => Math.Abs(Math.Log((double)s.Width / s.Height) - asked));
        var size = Offered(renditions.Sizes, width, imageWidth, s => s * shapeHeight % shapeWidth == 0 && s * shapeHeight / shapeWidth <= imageHeight);
        if (size is not { } boxWidth)
        {
            return null;
        }

        var box = $"{boxWidth.ToString(CultureInfo.InvariantCulture)}x{(boxWidth * shapeHeight / shapeWidth).ToString(CultureInfo.InvariantCulture)}";
        return Point(focal) is { } point ? $"{box}-{point.Left.ToString(CultureInfo.InvariantCulture)}-{point.Top.ToString(CultureInfo.InvariantCulture)}" : box;
    }

    /// <summary>The smallest offered width at least as wide as asked, else the widest; never wider than the original.</summary>
    private static int? Offered(IReadOnlyList<int> sizes, int wanted, int imageWidth, Func<int, bool> fits)
    {
        var candidates = sizes.Where(s => s <= imageWidth && fits(s)).Order().ToList();
        return candidates.Count == 0 ? null : candidates.FirstOrDefault(s => s >= wanted, candidates[^1]);
    }

    /// <summary>ImageSharp's rxy: the focal point as two fractions, "0.3,0.6".</summary>
    private static FocalPercent? Point(StringValues value)
    {
        var parts = value.FirstOrDefault()?.Split(',');
        return parts is { Length: 2 }
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var top)
            && left is >= 0 and <= 1 && top is >= 0 and <= 1
            ? FocalPercent.From(new FocalPoint(left, top))
            : null;
    }

    private static int? Positive(StringValues value) =>
        int.TryParse(value.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
