using NetVips;

namespace Site.Core.Tests.TestSupport;

/// <summary>Real image files made on the spot, so tests need no binary fixtures.</summary>
public static class TestImages
{
    /// <summary>A picture with a bright square at a known place, to check that crops keep it.</summary>
    public static byte[] Jpeg(int width = 1200, int height = 800, int markerLeft = 1000, int markerTop = 600)
    {
        using var background = Image.Black(width, height, bands: 3);
        using var marker = Image.Black(100, 100, bands: 3).Linear(new double[] { 1, 1, 1 }, new double[] { 255, 255, 255 }).Cast(Enums.BandFormat.Uchar);
        using var composed = background.Insert(marker, markerLeft, markerTop);
        return composed.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width = 64, int height = 64)
    {
        using var image = Image.Black(width, height, bands: 3);
        return image.PngsaveBuffer();
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
}
