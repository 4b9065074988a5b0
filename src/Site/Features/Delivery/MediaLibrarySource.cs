using Site.Core.Media;
using Site.Core.Publishing;

namespace Site.Features.Delivery;

/// <summary>
/// The media library as the Delivery API shows it: the engine's in-memory library (<see cref="IMediaLibrary"/>) mapped
/// to the contract's shapes once per change of the library, so API requests never wait for the database. The library
/// has no folders: every item sits at the root, at the path of its name (/programme-2025/).
/// </summary>
internal sealed class MediaLibrarySource(IMediaLibrary media) : IDeliveryMediaSource
{
    /// <summary>The crops every image offers, each served by the media endpoint at /media/{key}/{hash}/{width}x{height}/{file}.</summary>
    internal static readonly IReadOnlyList<(string Alias, int Width, int Height)> CropSizes =
        [("square", 480, 480), ("card", 800, 480), ("wide", 1600, 800)];

    private Library _library = Library.Empty;

    public ApiMediaWithCrops? Find(Guid key) => Current.ByKey.GetValueOrDefault(key);

    public ApiMediaWithCrops? FindByPath(string path)
    {
        var normalized = "/" + (path ?? string.Empty).Trim().Trim('/').ToLowerInvariant() + "/";
        return Current.ByPath.GetValueOrDefault(normalized);
    }

    public IReadOnlyList<ApiMediaWithCrops> Children(Guid? parentKey) => parentKey is null ? Current.Items : [];

    /// <summary>The mapping of the library's current list; made again only when the library has changed.</summary>
    private Library Current
    {
        get
        {
            var items = media.Items;
            var library = Volatile.Read(ref _library);
            if (!ReferenceEquals(library.Source, items))
            {
                library = Library.From(items);
                Volatile.Write(ref _library, library);
            }

            return library;
        }
    }

    internal static ApiMediaWithCrops ToApi(MediaItem item, string path)
    {
        var image = item.Kind == MediaKind.Image && item.Width is > 0 && item.Height is > 0;
        return new ApiMediaWithCrops
        {
            Id = item.Key,
            Name = item.Name,
            Path = path,
            MediaType = image ? "Image" : "File",
            Url = item.Url,
            Extension = item.Extension.TrimStart('.'),
            Width = item.Width,
            Height = item.Height,
            Bytes = item.Bytes > int.MaxValue ? int.MaxValue : (int)item.Bytes,
            CreateDate = item.CreatedAtUtc,
            UpdateDate = item.CreatedAtUtc,
            FocalPoint = image ? new ApiFocalPoint { Left = item.FocalPoint.Left, Top = item.FocalPoint.Top } : null,
            Crops = image ? [.. CropSizes.Select(c => Crop(item, c.Alias, c.Width, c.Height))] : null,
            Properties = new Dictionary<string, object?> { ["altText"] = item.AltText },
        };
    }

    /// <summary>
    /// Where a crop lies in the original, as Umbraco's coordinates (the fraction cut from each edge): the image is
    /// scaled to cover the crop and the crop is centred on the focal point, as the media endpoint renders it.
    /// </summary>
    internal static ApiImageCrop Crop(MediaItem item, string alias, int width, int height)
    {
        var imageAspect = (double)item.Width!.Value / item.Height!.Value;
        var cropAspect = (double)width / height;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        if (imageAspect > cropAspect)
        {
            var kept = cropAspect / imageAspect;
            var left = Math.Clamp(item.FocalPoint.Left - (kept / 2), 0, 1 - kept);
            (x1, x2) = (left, 1 - left - kept);
        }
        else
        {
            var kept = imageAspect / cropAspect;
            var top = Math.Clamp(item.FocalPoint.Top - (kept / 2), 0, 1 - kept);
            (y1, y2) = (top, 1 - top - kept);
        }

        return new ApiImageCrop
        {
            Alias = alias,
            Width = width,
            Height = height,
            Coordinates = new ApiImageCropCoordinates { X1 = Round(x1), Y1 = Round(y1), X2 = Round(x2), Y2 = Round(y2) },
        };
    }

    private static double Round(double value) => Math.Round(Math.Max(0, value), 6);

    private sealed record Library(IReadOnlyList<MediaItem>? Source, IReadOnlyList<ApiMediaWithCrops> Items, IReadOnlyDictionary<Guid, ApiMediaWithCrops> ByKey, IReadOnlyDictionary<string, ApiMediaWithCrops> ByPath)
    {
        public static Library Empty { get; } = new(null, [], new Dictionary<Guid, ApiMediaWithCrops>(), new Dictionary<string, ApiMediaWithCrops>());

        public static Library From(IReadOnlyList<MediaItem> items)
        {
            var byPath = new Dictionary<string, ApiMediaWithCrops>(StringComparer.Ordinal);
            var list = new List<ApiMediaWithCrops>();
            foreach (var item in items.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.CreatedAtUtc))
            {
                // Paths as Umbraco builds them from names; a clash gets -2, -3... as content URL segments do.
                var segment = UrlSegments.FromName(Path.GetFileNameWithoutExtension(item.Name));
                var path = "/" + (segment.Length == 0 ? item.Key.ToString("N") : segment) + "/";
                for (var n = 2; byPath.ContainsKey(path); n++)
                {
                    path = $"/{segment}-{n}/";
                }

                var api = ToApi(item, path);
                byPath[path] = api;
                list.Add(api);
            }

            return new Library(items, list, list.ToDictionary(i => i.Id), byPath);
        }
    }
}
