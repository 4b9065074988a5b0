using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Rendering;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>Gives the current published snapshot: a plain read of a reference, no locks, no database.</summary>
public interface IPublishedSnapshotAccessor
{
    PublishedSnapshot Current { get; }
}

/// <summary>Rebuilds the snapshot from the database and swaps it in.</summary>
public interface IPublishedSnapshotService : IPublishedSnapshotAccessor
{
    Task<PublishedSnapshot> RebuildAsync(CancellationToken cancellationToken);
}

internal sealed partial class PublishedSnapshotService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IMarkdownRenderer markdown,
    IEventAggregator events,
    TimeProvider clock,
    ILogger<PublishedSnapshotService> logger) : IPublishedSnapshotService, IDisposable
{
    private readonly SemaphoreSlim _rebuildLock = new(1, 1);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;

    // Versions never change once saved: a rebuild reads only the versions it has not read before (under the lock).
    private Dictionary<long, ContentData> _versions = [];

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public async Task<PublishedSnapshot> RebuildAsync(CancellationToken cancellationToken)
    {
        // One rebuild at a time: a later change must never be overwritten by an older build finishing last.
        await _rebuildLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        PublishedSnapshot snapshot;
        try
        {
            var started = clock.GetTimestamp();
            snapshot = await BuildAsync(Current.Generation + 1, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, snapshot);
            var elapsed = clock.GetElapsedTime(started);
            LogRebuilt(logger, snapshot.Generation, snapshot.Count, elapsed.TotalMilliseconds);
        }
        finally
        {
            _rebuildLock.Release();
        }

        await events.PublishAsync(new PublishedSnapshotChangedNotification(snapshot.Generation), cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    private async Task<PublishedSnapshot> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var db = dbFactory.Create();

        // Read first: a change committed while the content is read shows up again in the journal, never goes missing.
        var journalPosition = await db.ChangeJournal.MaxAsync(j => (long?)j.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var published = await db.PublishedCultures.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var liveKeys = published.Select(p => p.NodeKey).ToHashSet();
        var nodes = (await db.Nodes.AsNoTracking().Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(n => liveKeys.Contains(n.Key))
            .ToList();
        var versionIds = published.Select(p => p.VersionId)
            .Concat(nodes.Where(n => n.InvariantPublishedVersionId is not null).Select(n => n.InvariantPublishedVersionId!.Value))
            .Distinct()
            .ToList();
        var versions = new Dictionary<long, ContentData>(versionIds.Count);
        foreach (var id in versionIds)
        {
            if (_versions.TryGetValue(id, out var known))
            {
                versions[id] = known;
            }
        }

        foreach (var chunk in versionIds.Where(id => !versions.ContainsKey(id)).Chunk(500))
        {
            var rows = await db.Versions.AsNoTracking().Where(v => chunk.Contains(v.Id))
                .Select(v => new { v.Id, v.DataJson }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                versions[row.Id] = ContentMapping.DeserializeData(row.DataJson);
            }
        }

        // Only what is published now is kept: the cache never outgrows the snapshot.
        _versions = versions;

        var rules = (await db.PublicAccess.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(Members.PublicAccessService.ToRule)
            .ToList();
        var snapshot = PublishedSnapshotBuilder.Build(generation, clock.GetUtcNow().UtcDateTime, schema, nodes, published, versions, rules, markdown.ToSafeHtml);
        snapshot.JournalPosition = journalPosition;
        return snapshot;
    }

    public void Dispose() => _rebuildLock.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published snapshot {Generation} built: {Count} nodes in {Milliseconds:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, long generation, int count, double milliseconds);
}

/// <summary>Rebuilds the snapshot when published content changes.</summary>
internal sealed class PublishedSnapshotRefresher(IPublishedSnapshotService snapshots) :
    INotificationHandler<ContentPublishedNotification>,
    INotificationHandler<ContentUnpublishedNotification>,
    INotificationHandler<ContentImportedNotification>,
    INotificationHandler<Members.PublicAccessChangedNotification>,
    INotificationHandler<ContentTrashedNotification>,
    INotificationHandler<ContentRestoredNotification>,
    INotificationHandler<ContentDeletedNotification>,
    INotificationHandler<ContentMovedNotification>
{
    public Task HandleAsync(ContentTrashedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentRestoredNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentDeletedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentMovedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(Members.PublicAccessChangedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);

    public Task HandleAsync(ContentImportedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RebuildAsync(cancellationToken);
}
