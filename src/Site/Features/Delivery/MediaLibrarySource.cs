using Site.Core.Content;
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
    /// Where a crop lies in the original, as Umbraco's coordinates (the fraction cut from each edge): the largest area of
    /// the crop's shape centred on the focal point (<see cref="FocalCrop"/>), as the media endpoint renders it.
    /// </summary>
    internal static ApiImageCrop Crop(MediaItem item, string alias, int width, int height) =>
        Crop(alias, width, height, FocalCrop.Coordinates(item.Width!.Value, item.Height!.Value, item.FocalPoint, width, height));

    private static ApiImageCrop Crop(string alias, int width, int height, CropCoordinates c) => new()
    {
        Alias = alias,
        Width = width,
        Height = height,
        Coordinates = new ApiImageCropCoordinates { X1 = c.X1, Y1 = c.Y1, X2 = c.X2, Y2 = c.Y2 },
    };

    /// <summary>
    /// A picked image as Umbraco's media picker outputs it: the pick's focal point when the data type lets editors set
    /// one (else the item's), the data type's crops (the editor's coordinates, or around that focal point), then the
    /// item's own crops that the data type does not redefine.
    /// </summary>
    internal static ApiMediaPick ForPick(ApiMediaWithCrops media, MediaPick pick, MediaPickerConfiguration configuration)
    {
        var result = new ApiMediaPick
        {
            Id = media.Id,
            Name = media.Name,
            MediaType = media.MediaType,
            Url = media.Url,
            Extension = media.Extension,
            Width = media.Width,
            Height = media.Height,
            Bytes = media.Bytes,
            Properties = media.Properties,
            FocalPoint = media.FocalPoint,
            Crops = media.Crops,
        };
        if (media is not { FocalPoint: { } own, Width: int width, Height: int height, Crops: { } crops })
        {
            return result;
        }

        var focal = configuration.EnableLocalFocalPoint && pick.FocalPoint is { } local ? local : new FocalPoint(own.Left, own.Top);
        var picked = configuration.Crops.Select(c =>
            Crop(c.Alias, c.Width, c.Height, pick.Crops.FirstOrDefault(p => p.Alias == c.Alias)?.Coordinates
                ?? FocalCrop.Coordinates(width, height, focal, c.Width, c.Height)));
        var others = crops.Where(c => configuration.FindCrop(c.Alias) is null)
            .Select(c => Crop(c.Alias!, c.Width, c.Height, FocalCrop.Coordinates(width, height, focal, c.Width, c.Height)));
        return result with
        {
            FocalPoint = new ApiFocalPoint { Left = focal.Left, Top = focal.Top },
            Crops = [.. picked, .. others],
        };
    }

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
