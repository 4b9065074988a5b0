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

    /// <summary>
    /// An "image bomb": a PNG whose header says <paramref name="width"/> × <paramref name="height"/> grey pixels, with a
    /// few bytes of image data. Reading its header is cheap; decoding it would not be.
    /// </summary>
    public static byte[] PngHeaderOnly(int width = 20_000, int height = 20_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), default compression, filter and interlace
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
}
