namespace Site.Core.Media;

/// <summary>The type of a file from its first bytes, never from its name: a renamed script stays a script.</summary>
internal static class MediaSniffer
{
    public static (MediaKind Kind, string MediaType, string Extension)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (MediaKind.Image, "image/jpeg", ".jpg");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (MediaKind.Image, "image/png", ".png");
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return (MediaKind.Image, "image/gif", ".gif");
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (MediaKind.Image, "image/webp", ".webp");
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return (MediaKind.Document, "application/pdf", ".pdf");
        }

        return null;
    }
}
