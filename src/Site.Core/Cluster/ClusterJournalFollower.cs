using Microsoft.EntityFrameworkCore;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Cluster;

/// <summary>
/// Keeps this instance in step with others that share the database: every change is journalled in the same
/// transaction as the change itself; each instance reads the rows it has not seen, and when another instance made
/// one, rebuilds its published snapshot (its caches and search index follow the snapshot).
/// </summary>
public interface IClusterJournalFollower
{
    /// <summary>Reads new journal rows; returns how many came from other instances.</summary>
    Task<int> PollAsync(CancellationToken cancellationToken);
}

internal sealed class ClusterJournalFollower(ISiteDbContextFactory dbFactory, IPublishedSnapshotService snapshots) : IClusterJournalFollower, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSeen;

    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whatever the current snapshot already reflects needs no second look.
            var lastSeen = Math.Max(_lastSeen, snapshots.Current.JournalPosition);
            await using var db = dbFactory.Create();
            var rows = await db.ChangeJournal.AsNoTracking()
                .Where(j => j.Id > lastSeen)
                .OrderBy(j => j.Id)
                .Select(j => new { j.Id, j.Instance })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return 0;
            }

            _lastSeen = rows[^1].Id;
            var remote = rows.Count(r => r.Instance != dbFactory.InstanceId);
            if (remote > 0)
            {
                await snapshots.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            return remote;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
