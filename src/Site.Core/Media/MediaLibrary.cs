using Microsoft.EntityFrameworkCore;
using Site.Core.Notifications;
using Site.Core.Storage;

namespace Site.Core.Media;

/// <summary>
/// The media library in memory: every item, read at start and replaced whole after each upload, change or deletion,
/// so that pages and the Delivery API find media without touching the database. Readers see one list or the next,
/// never half of a change.
/// </summary>
public interface IMediaLibrary
{
    /// <summary>Every item, newest first; a new list (a new reference) after every change.</summary>
    IReadOnlyList<MediaItem> Items { get; }

    MediaItem? Find(Guid key);

    /// <summary>Counts the reloads: pages that show media put it in their ETag.</summary>
    long Version { get; }

    /// <summary>The last change-journal row this copy reflects (read before the items were), for other instances' changes.</summary>
    long JournalPosition { get; }

    Task ReloadAsync(CancellationToken cancellationToken);
}

internal sealed class MediaLibrary(IMediaService media, ISiteDbContextFactory dbFactory) : IMediaLibrary, INotificationHandler<MediaChangedNotification>, IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Snapshot _library = new([], [], 0);
    private long _version;

    public IReadOnlyList<MediaItem> Items => Volatile.Read(ref _library).Items;

    public MediaItem? Find(Guid key) => Volatile.Read(ref _library).ByKey.GetValueOrDefault(key);

    public long Version => Interlocked.Read(ref _version);

    public long JournalPosition => Volatile.Read(ref _library).JournalPosition;

    public Task HandleAsync(MediaChangedNotification notification, CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // One reload at a time, so an older read never replaces a newer one.
        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Read first: a change committed while the items are read shows up again in the journal, never goes missing.
            long journalPosition;
            await using (var db = dbFactory.Create())
            {
                journalPosition = await db.ChangeJournal.MaxAsync(j => (long?)j.Id, cancellationToken).ConfigureAwait(false) ?? 0;
            }

            var items = new List<MediaItem>();
            for (var skip = 0; ; skip += 500)
            {
                var (total, page) = await media.ListAsync(skip, 500, cancellationToken).ConfigureAwait(false);
                items.AddRange(page);
                if (page.Count == 0 || items.Count >= total)
                {
                    break;
                }
            }

            Volatile.Write(ref _library, new Snapshot(items, items.ToDictionary(i => i.Key), journalPosition));
            Interlocked.Increment(ref _version);
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose() => _reload.Dispose();

    private sealed record Snapshot(IReadOnlyList<MediaItem> Items, Dictionary<Guid, MediaItem> ByKey, long JournalPosition);
}
