using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;

namespace Site.Features.Media;

/// <summary>
/// The page-specific focal points (MediaPicker3's local focal point) and hand-set crop coordinates that published pages
/// use, per media item: the only ones the media endpoint crops with besides each item's own focal point, so visitors
/// cannot make a file per point or per rectangle.
/// </summary>
public interface ILocalFocalPoints
{
    bool IsUsed(Guid mediaKey, FocalPercent focal);

    /// <summary>The coordinates a published pick of the item sets for a crop, by their <see cref="FocalCrop.Token"/>; null when none does.</summary>
    CropCoordinates? FindCrop(Guid mediaKey, string token);
}

internal sealed class LocalFocalPoints(IPublishedSnapshotAccessor snapshots) : ILocalFocalPoints
{
    private Index _index = new(-1, [], []);

    public bool IsUsed(Guid mediaKey, FocalPercent focal) => Current().Points.Contains((mediaKey, focal));

    public CropCoordinates? FindCrop(Guid mediaKey, string token) =>
        Current().Crops.TryGetValue((mediaKey, token), out var crop) ? crop : null;

    private Index Current()
    {
        var snapshot = snapshots.Current;
        var index = Volatile.Read(ref _index);
        if (index.Generation != snapshot.Generation)
        {
            // Built once per published snapshot, on the first request that needs it.
            index = Collect(snapshot);
            Volatile.Write(ref _index, index);
        }

        return index;
    }

    private static Index Collect(PublishedSnapshot snapshot)
    {
        var points = new HashSet<(Guid, FocalPercent)>();
        var crops = new Dictionary<(Guid, string), CropCoordinates>();

        // Which properties of each type take page-specific points or crops: read from the data types once, not once per node.
        var pickers = snapshot.Schema.ContentTypes.Values.ToDictionary(
            t => t.Alias,
            t => t.Properties
                .Where(p => p.EditorAlias == PropertyEditors.MediaPicker)
                .Select(p => (p.Alias, Configuration: MediaPickerConfiguration.Parse(snapshot.Schema.DataTypes.GetValueOrDefault(p.DataTypeKey)?.ConfigJson)))
                .Where(p => p.Configuration.EnableLocalFocalPoint || p.Configuration.Crops.Count > 0)
                .ToList(),
            StringComparer.Ordinal);
        foreach (var node in snapshot.All)
        {
            foreach (var (alias, configuration) in pickers.GetValueOrDefault(node.ContentType.Alias) ?? [])
            {
                foreach (var culture in node.Cultures.Keys)
                {
                    foreach (var pick in EditorValues.MediaPicks(node.Value(alias, culture)))
                    {
                        if (configuration.EnableLocalFocalPoint && pick.FocalPoint is { } focal)
                        {
                            points.Add((pick.MediaKey, FocalPercent.From(focal)));
                        }

                        // Only coordinates of a crop the data type defines: what the pages can ask for (ResponsiveImage.Picked).
                        foreach (var crop in pick.Crops)
                        {
                            if (crop.Coordinates is { IsValid: true } coordinates && configuration.FindCrop(crop.Alias) is not null)
                            {
                                crops[(pick.MediaKey, FocalCrop.Token(coordinates))] = coordinates;
                            }
                        }
                    }
                }
            }
        }

        return new Index(snapshot.Generation, points, crops);
    }

    private sealed record Index(long Generation, HashSet<(Guid, FocalPercent)> Points, Dictionary<(Guid, string), CropCoordinates> Crops);
}
