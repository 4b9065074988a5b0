using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Site.Core.Content;

namespace Site.Core.Media;

/// <summary>
/// The one calculation of where a crop of a given shape lies in an image: as large as the shape allows, centred on
/// the focal point and kept inside the image. Renditions cut it, the Delivery API reports it as Umbraco's coordinates,
/// so what the API says is what the media endpoint serves.
/// </summary>
public static class FocalCrop
{
    /// <summary>The crop of <paramref name="cropWidth"/>:<paramref name="cropHeight"/>'s shape, as the fraction cut from each edge.</summary>
    public static CropCoordinates Coordinates(int imageWidth, int imageHeight, FocalPoint focal, int cropWidth, int cropHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropHeight);
        var point = focal.IsValid ? focal : FocalPoint.Centre;
        var imageAspect = (double)imageWidth / imageHeight;
        var cropAspect = (double)cropWidth / cropHeight;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        if (imageAspect > cropAspect)
        {
            var kept = cropAspect / imageAspect;
            var left = Math.Clamp(point.Left - (kept / 2), 0, 1 - kept);
            (x1, x2) = (left, 1 - left - kept);
        }
        else
        {
            var kept = imageAspect / cropAspect;
            var top = Math.Clamp(point.Top - (kept / 2), 0, 1 - kept);
            (y1, y2) = (top, 1 - top - kept);
        }

        return new CropCoordinates(Round(x1), Round(y1), Round(x2), Round(y2));
    }

    /// <summary>The rectangle of the coordinates in an image of this size, in whole pixels, at least one pixel each way.</summary>
    public static (int Left, int Top, int Width, int Height) Pixels(CropCoordinates crop, int imageWidth, int imageHeight)
    {
        var left = (int)Math.Round(crop.X1 * imageWidth);
        var top = (int)Math.Round(crop.Y1 * imageHeight);
        var right = (int)Math.Round((1 - crop.X2) * imageWidth);
        var bottom = (int)Math.Round((1 - crop.Y2) * imageHeight);
        left = Math.Clamp(left, 0, imageWidth - 1);
        top = Math.Clamp(top, 0, imageHeight - 1);
        return (left, top, Math.Clamp(right - left, 1, imageWidth - left), Math.Clamp(bottom - top, 1, imageHeight - top));
    }

    /// <summary>
    /// A short, stable name for crop coordinates set by hand, as rendition URLs carry it ("480x360-c{token}"): the
    /// coordinates themselves stay in the published pick, so a URL cannot ask for a crop nobody set.
    /// </summary>
    public static string Token(CropCoordinates crop)
    {
        var text = string.Join(',', new[] { crop.X1, crop.Y1, crop.X2, crop.Y2 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..TokenLength];
    }

    /// <summary>Whether a text has the form of a <see cref="Token"/>.</summary>
    public static bool IsToken(string text) =>
        text.Length == TokenLength && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The height of a crop <paramref name="width"/> wide in the shape <paramref name="aspectWidth"/>:<paramref name="aspectHeight"/>.</summary>
    public static int HeightFor(int width, int aspectWidth, int aspectHeight) =>
        (int)Math.Round((double)width * aspectHeight / aspectWidth, MidpointRounding.AwayFromZero);

    private const int TokenLength = 10;

    private static double Round(double value) => Math.Round(Math.Max(0, value), 6);
}
