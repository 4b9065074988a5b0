using Site.Core.Content;

namespace Site.Core.Media;

public enum MediaKind
{
    Image,
    Document,
}

/// <summary>A point in an image, each coordinate from 0 (left, top) to 1 (right, bottom), that crops keep in view.</summary>
public readonly record struct FocalPoint(double Left, double Top)
{
    public static FocalPoint Centre { get; } = new(0.5, 0.5);

    public bool IsValid => Left is >= 0 and <= 1 && Top is >= 0 and <= 1;
}

/// <summary>An uploaded image or document. Alt text is per culture; images need it in every site language.</summary>
public sealed record MediaItem(
    Guid Key,
    string Name,
    MediaKind Kind,
    string MediaType,
    string Extension,
    long Bytes,
    int? Width,
    int? Height,
    FocalPoint FocalPoint,
    IReadOnlyDictionary<string, string> AltText,
    string Hash,
    DateTime CreatedAtUtc,
    string CreatedBy)
{
    public string? Alt(string culture) => AltText.FirstOrDefault(a => string.Equals(a.Key, culture, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The public URL of the original: the hash makes it change whenever the file does, so it can be cached for ever.</summary>
    public string Url => $"/media/{Key:N}/{Hash[..12]}/{FileName}";

    /// <summary>A rendition beside the original: <paramref name="size"/> is "w640" (a width) or "640x480" (a crop around the focal point).</summary>
    public string RenditionUrl(string size) => $"/media/{Key:N}/{Hash[..12]}/{size}/{FileName}";

    public string FileName => $"{Slug(Name)}{Extension}";

    private static string Slug(string name)
    {
        var slug = Publishing.UrlSegments.FromName(Path.GetFileNameWithoutExtension(name));
        return slug.Length > 60 ? slug[..60] : slug;
    }
}

public enum MediaStatus
{
    Success,
    Empty,
    TooLarge,
    UnsupportedType,
    Corrupt,
    TooManyPixels,
    AltTextRequired,
    InvalidFocalPoint,
    NotFound,
    Forbidden,
}

public sealed record MediaResult(MediaStatus Status, MediaItem? Item, LocalizedText? Message = null)
{
    public bool Succeeded => Status == MediaStatus.Success;
}

internal static class MediaMessages
{
    public static readonly LocalizedText Empty = LocalizedText.Of("The file is empty.");
    public static readonly LocalizedText TooLarge = LocalizedText.Of("The file is larger than {0} MB.");
    public static readonly LocalizedText UnsupportedType = LocalizedText.Of("Only JPEG, PNG, GIF and WebP images and PDF documents can be uploaded; this file's content is none of them (whatever its name says).");
    public static readonly LocalizedText ImageOnly = LocalizedText.Of("Only JPEG, PNG, GIF and WebP images can be placed in the text; this file's content is none of them (whatever its name says).");
    public static readonly LocalizedText Corrupt = LocalizedText.Of("The image could not be read: the file is damaged or not really an image.");
    public static readonly LocalizedText TooManyPixels = LocalizedText.Of("The image is {0} × {1} pixels: at most {2} megapixels are accepted. Make it smaller and upload it again.");
    public static readonly LocalizedText AltTextRequired = LocalizedText.Of("Describe the image for people who cannot see it (alt text) in {0}.");
    public static readonly LocalizedText InvalidFocalPoint = LocalizedText.Of("The focal point must be inside the image (0 to 1).");
    public static readonly LocalizedText NotFound = LocalizedText.Of("The media item does not exist.");
}
