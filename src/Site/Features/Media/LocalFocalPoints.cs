using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;

namespace Site.Features.Media;

/// <summary>
/// The page-specific focal points (MediaPicker3's local focal point) that published pages use, per media item: the
/// only ones the media endpoint crops around besides each item's own, so visitors cannot make a file per point.
/// </summary>
public interface ILocalFocalPoints
{
    bool IsUsed(Guid mediaKey, FocalPercent focal);
}

internal sealed class LocalFocalPoints(IPublishedSnapshotAccessor snapshots) : ILocalFocalPoints
{
    private Index _index = new(-1, []);

    public bool IsUsed(Guid mediaKey, FocalPercent focal)
    {
        var snapshot = snapshots.Current;
        var index = Volatile.Read(ref _index);
        if (index.Generation != snapshot.Generation)
        {
            // Built once per published snapshot, on the first request that needs it.
            index = new Index(snapshot.Generation, Collect(snapshot));
            Volatile.Write(ref _index, index);
        }

        return index.Points.Contains((mediaKey, focal));
    }

    private static HashSet<(Guid, FocalPercent)> Collect(PublishedSnapshot snapshot)
    {
        var points = new HashSet<(Guid, FocalPercent)>();

        // Which properties of each type take page-specific points: read from the data types once, not once per node.
        var pickers = snapshot.Schema.ContentTypes.Values.ToDictionary(
            t => t.Alias,
            t => t.Properties
                .Where(p => p.EditorAlias == PropertyEditors.MediaPicker
                    && MediaPickerConfiguration.Parse(snapshot.Schema.DataTypes.GetValueOrDefault(p.DataTypeKey)?.ConfigJson).EnableLocalFocalPoint)
                .ToList(),
            StringComparer.Ordinal);
        foreach (var node in snapshot.All)
        {
            foreach (var property in pickers.GetValueOrDefault(node.ContentType.Alias) ?? [])
            {
                foreach (var culture in node.Cultures.Keys)
                {
                    foreach (var pick in EditorValues.MediaPicks(node.Value(property.Alias, culture)))
                    {
                        if (pick.FocalPoint is { } focal)
                        {
                            points.Add((pick.MediaKey, FocalPercent.From(focal)));
                        }
                    }
                }
            }
        }

        return points;
    }

    private sealed record Index(long Generation, HashSet<(Guid, FocalPercent)> Points);
}
