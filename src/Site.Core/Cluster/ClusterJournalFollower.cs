using Microsoft.EntityFrameworkCore;
using Site.Core.Media;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Cluster;

/// <summary>
/// Keeps this instance in step with others that share the database: every change is journalled in the same
/// transaction as the change itself; each instance reads the rows it has not seen, and when another instance made
/// one, refreshes its published snapshot (its caches and search index follow the snapshot) or, for media, reloads
/// its media library (the files themselves are on storage every instance shares: <c>Site:Media:Folder</c>).
/// </summary>
public interface IClusterJournalFollower
{
    /// <summary>Reads new journal rows; returns how many came from other instances.</summary>
    Task<int> PollAsync(CancellationToken cancellationToken);
}

internal sealed class ClusterJournalFollower(
    ISiteDbContextFactory dbFactory,
    IPublishedSnapshotService snapshots,
    IMediaLibrary library,
    IEventAggregator events,
    Content.IContentSchemaStore schemaStore) : IClusterJournalFollower, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSeen;

    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whatever the current snapshot (for content) or media library (for media) already reflects needs no second look.
            var contentSeen = Math.Max(_lastSeen, snapshots.Current.JournalPosition);
            var mediaSeen = Math.Max(_lastSeen, library.JournalPosition);
            await using var db = dbFactory.Create();
            var from = Math.Min(contentSeen, mediaSeen);
            var rows = await db.ChangeJournal.AsNoTracking()
                .Where(j => j.Id > from)
                .OrderBy(j => j.Id)
                .Select(j => new { j.Id, j.Instance, j.Kind, j.NodeKey })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return 0;
            }

            _lastSeen = rows[^1].Id;
            var remote = rows.Where(r => r.Instance != dbFactory.InstanceId
                && (r.Kind == ChangeJournalKinds.Media ? r.Id > mediaSeen : r.Id > contentSeen)).ToList();
            // An edited glossary is in the dictionary: read it before the snapshot that carries it is built.
            if (remote.Any(r => r.Kind == ChangeJournalKinds.Dictionary))
            {
                await schemaStore.ReloadDictionaryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (remote.Any(r => r.Kind != ChangeJournalKinds.Media))
            {
                await snapshots.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            // One reload reads the whole library, however many items changed.
            if (remote.FirstOrDefault(r => r.Kind == ChangeJournalKinds.Media) is { } media)
            {
                await events.PublishAsync(new MediaChangedNotification(media.NodeKey), cancellationToken).ConfigureAwait(false);
            }

            return remote.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
