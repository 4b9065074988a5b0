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

/// <summary>Builds a new snapshot from the database and swaps it in.</summary>
public interface IPublishedSnapshotService : IPublishedSnapshotAccessor
{
    /// <summary>Applies what changed since the current snapshot: reads only the nodes the change journal names.</summary>
    Task<PublishedSnapshot> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Reads every published node again (at start, and whenever the rows kept in memory cannot be trusted).</summary>
    Task<PublishedSnapshot> RebuildAsync(CancellationToken cancellationToken);
}

internal sealed partial class PublishedSnapshotService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IMarkdownRenderer markdown,
    IRichTextRenderer richText,
    IEventAggregator events,
    TimeProvider clock,
    ILogger<PublishedSnapshotService> logger) : IPublishedSnapshotService, IDisposable
{
    /// <summary>Past this many changed nodes, reading everything is cheaper than reading them one chunk at a time.</summary>
    internal const int IncrementalLimit = 2_000;

    private const int ChunkSize = 500;

    private readonly SemaphoreSlim _rebuildLock = new(1, 1);
    private readonly SnapshotBuildCache _cache = new(markdown.ToSafeHtml, richText);
    private readonly HeldVersions _held = new();
    private readonly StoredValues _stored = new(dbFactory);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;

    // The rows the current snapshot was built from (under the lock). Every change to published content is journalled
    // in its own transaction, so the next build reads only the nodes the journal names since then.
    private SnapshotRows? _rows;

    // Versions never change once saved: a rebuild reads only the versions it has not read before (under the lock).
    private Dictionary<long, PublishedVersion> _versions = [];

    // Which versions each live node publishes (under the lock): a refresh drops the changed nodes' old ones.
    private Dictionary<Guid, long[]> _versionIdsByNode = [];

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public Task<PublishedSnapshot> RefreshAsync(CancellationToken cancellationToken) => BuildAndSwapAsync(incremental: true, cancellationToken);

    public Task<PublishedSnapshot> RebuildAsync(CancellationToken cancellationToken) => BuildAndSwapAsync(incremental: false, cancellationToken);

    private async Task<PublishedSnapshot> BuildAndSwapAsync(bool incremental, CancellationToken cancellationToken)
    {
        // One rebuild at a time: a later change must never be overwritten by an older build finishing last.
        await _rebuildLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        PublishedSnapshot snapshot;
        try
        {
            snapshot = await BuildAsync(Current.Generation + 1, incremental, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, snapshot);
        }
        catch
        {
            _rows = null; // half-applied rows are never trusted: the next build reads everything
            throw;
        }
        finally
        {
            _rebuildLock.Release();
        }

        await events.PublishAsync(new PublishedSnapshotChangedNotification(snapshot.Generation), cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    private async Task<PublishedSnapshot> BuildAsync(long generation, bool incremental, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var db = dbFactory.Create();

        // Read first: a change committed while the content is read shows up again in the journal, never goes missing.
        var journalPosition = await db.ChangeJournal.MaxAsync(j => (long?)j.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var changed = incremental && _rows is { } previous && ReferenceEquals(previous.Schema.Structure, schema.Structure) && journalPosition >= previous.JournalPosition
            ? await ChangedKeysAsync(db, previous.JournalPosition, journalPosition, cancellationToken).ConfigureAwait(false)
            : null;
        var rows = changed is null
            ? await ReadAllAsync(db, schema, cancellationToken).ConfigureAwait(false)
            : await ReadChangedAsync(db, _rows!, changed, cancellationToken).ConfigureAwait(false);
        rows.JournalPosition = journalPosition;
        _rows = rows;

        var versions = await VersionsAsync(db, rows, changed, cancellationToken).ConfigureAwait(false);
        var rules = (await db.PublicAccess.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(Members.PublicAccessService.ToRule)
            .ToList();
        var read = clock.GetElapsedTime(started);

        var snapshot = PublishedSnapshotBuilder.Build(
            generation, clock.GetUtcNow().UtcDateTime, schema, rows.Nodes, rows.Published, versions, rules, _cache, Current, changed);
        snapshot.JournalPosition = journalPosition;
        snapshot.HeldVersions = _held;
        snapshot.NodesRead = changed?.Count ?? rows.Nodes.Count;
        var total = clock.GetElapsedTime(started);
        LogRebuilt(logger, snapshot.Generation, snapshot.Count, changed is null ? "all nodes read" : $"{changed.Count} changed nodes read",
            read.TotalMilliseconds, (total - read).TotalMilliseconds);
        return snapshot;
    }

    /// <summary>The nodes the journal names after <paramref name="from"/>; null when there are too many to read one by one.</summary>
    private static async Task<List<Guid>?> ChangedKeysAsync(SiteDbContext db, long from, long to, CancellationToken cancellationToken)
    {
        var keys = await db.ChangeJournal.AsNoTracking()
            .Where(j => j.Id > from && j.Id <= to && j.Kind != ChangeJournalKinds.Media && j.Kind != ChangeJournalKinds.Dictionary)
            .Select(j => j.NodeKey)
            .Distinct()
            .Take(IncrementalLimit + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.Count > IncrementalLimit ? null : keys;
    }

    private static async Task<SnapshotRows> ReadAllAsync(SiteDbContext db, ContentSchema schema, CancellationToken cancellationToken)
    {
        var published = await db.PublishedCultures.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var nodes = await db.Nodes.AsNoTracking().Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = new SnapshotRows(schema);
        foreach (var group in published.GroupBy(p => p.NodeKey))
        {
            rows.Published[group.Key] = [.. group];
        }

        foreach (var node in nodes.Where(n => rows.Published.ContainsKey(n.Key)))
        {
            rows.Nodes[node.Key] = node;
        }

        rows.Published.Keys.Where(k => !rows.Nodes.ContainsKey(k)).ToList().ForEach(k => rows.Published.Remove(k));
        return rows;
    }

    /// <summary>Replaces the rows of the changed nodes with what the database holds now; the rest stay as they were.</summary>
    private static async Task<SnapshotRows> ReadChangedAsync(SiteDbContext db, SnapshotRows rows, List<Guid> changed, CancellationToken cancellationToken)
    {
        foreach (var chunk in changed.Chunk(ChunkSize))
        {
            var nodes = await db.Nodes.AsNoTracking().Where(n => chunk.Contains(n.Key) && !n.Trashed)
                .ToDictionaryAsync(n => n.Key, cancellationToken).ConfigureAwait(false);
            var published = (await db.PublishedCultures.AsNoTracking().Where(p => chunk.Contains(p.NodeKey))
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(p => p.NodeKey);
            foreach (var key in chunk)
            {
                rows.Nodes.Remove(key);
                rows.Published.Remove(key);
                if (nodes.TryGetValue(key, out var node) && published[key].Any())
                {
                    rows.Nodes[key] = node;
                    rows.Published[key] = [.. published[key]];
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The parsed data of every version the rows publish: kept from the last build, read only when new. After a refresh
    /// only the changed nodes' versions come and go (a version belongs to one node), so a publish does not list the
    /// versions of every node again.
    /// </summary>
    private async Task<Dictionary<long, PublishedVersion>> VersionsAsync(
        SiteDbContext db, SnapshotRows rows, List<Guid>? changed, CancellationToken cancellationToken)
    {
        Dictionary<long, PublishedVersion> versions;
        var missing = new List<long>();
        if (changed is null)
        {
            var byNode = new Dictionary<Guid, long[]>(rows.Nodes.Count);
            versions = new Dictionary<long, PublishedVersion>(_versions.Count);
            foreach (var key in rows.Nodes.Keys)
            {
                var ids = byNode[key] = VersionIdsOf(rows, key);
                foreach (var id in ids)
                {
                    if (_versions.TryGetValue(id, out var known))
                    {
                        versions[id] = known;
                    }
                    else
                    {
                        missing.Add(id);
                    }
                }
            }

            _versionIdsByNode = byNode;
        }
        else
        {
            versions = _versions; // a failed build is followed by a whole read, which makes this table anew
            foreach (var key in changed)
            {
                var now = VersionIdsOf(rows, key);
                foreach (var id in _versionIdsByNode.GetValueOrDefault(key) ?? [])
                {
                    if (!now.Contains(id))
                    {
                        versions.Remove(id);
                    }
                }

                missing.AddRange(now.Where(id => !versions.ContainsKey(id)));
                if (now.Length == 0)
                {
                    _versionIdsByNode.Remove(key);
                }
                else
                {
                    _versionIdsByNode[key] = now;
                }
            }
        }

        foreach (var chunk in missing.Chunk(ChunkSize))
        {
            var found = await db.Versions.AsNoTracking().Where(v => chunk.Contains(v.Id))
                .Select(v => new { v.Id, v.DataJson }).ToListAsync(cancellationToken).ConfigureAwait(false);
            // Parsing is most of a start's reading: both cores take a share of a large chunk.
            var read = new PublishedVersion[found.Count];
            if (found.Count > 16)
            {
                Parallel.For(0, found.Count, i => read[i] = PublishedVersion.FromJson(found[i].Id, found[i].DataJson, _stored));
            }
            else
            {
                for (var i = 0; i < found.Count; i++)
                {
                    read[i] = PublishedVersion.FromJson(found[i].Id, found[i].DataJson, _stored);
                }
            }

            for (var i = 0; i < found.Count; i++)
            {
                versions[found[i].Id] = read[i];
            }

            _held.Add(read);
        }

        // Only what is published now is kept: the cache never outgrows the snapshot.
        _versions = versions;
        return versions;
    }

    /// <summary>The versions a node publishes (its cultures' and its invariant values'); none when it is not live.</summary>
    private static long[] VersionIdsOf(SnapshotRows rows, Guid key)
    {
        if (!rows.Nodes.TryGetValue(key, out var node))
        {
            return [];
        }

        var ids = rows.Published.TryGetValue(key, out var published) ? published.Select(p => p.VersionId) : [];
        return [.. (node.InvariantPublishedVersionId is { } invariant ? ids.Append(invariant) : ids).Distinct()];
    }

    /// <summary>Whether the kept versions are exactly those the kept rows publish (for tests: nothing is left behind).</summary>
    internal bool KeepsOnlyPublishedVersions()
    {
        var published = _rows is { } rows ? rows.Nodes.Keys.SelectMany(k => VersionIdsOf(rows, k)).ToHashSet() : [];
        return published.SetEquals(_versions.Keys);
    }

    public void Dispose() => _rebuildLock.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published snapshot {Generation} built: {Count} nodes ({Reading}) in {ReadMilliseconds:F0} ms + {BuildMilliseconds:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, long generation, int count, string reading, double readMilliseconds, double buildMilliseconds);

    /// <summary>A version's stored values, read one at a time when a page needs a version no longer decoded in memory.</summary>
    private sealed class StoredValues(ISiteDbContextFactory dbFactory) : IPublishedValueSource
    {
        // Per service, not static: a compiled query keeps the first context's provider, and tests run two providers.
        private readonly Func<SiteDbContext, long, string?> _read = EF.CompileQuery(
            (SiteDbContext db, long id) => db.Versions.AsNoTracking().Where(v => v.Id == id).Select(v => v.DataJson).FirstOrDefault());

        public string? ReadJson(long versionId)
        {
            using var db = dbFactory.Create();
            return _read(db, versionId);
        }

        public IReadOnlyDictionary<long, string> ReadJson(IReadOnlyCollection<long> versionIds)
        {
            if (versionIds.Count == 0)
            {
                return new Dictionary<long, string>();
            }

            using var db = dbFactory.Create();
            return db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).Select(v => new { v.Id, v.DataJson }).ToDictionary(v => v.Id, v => v.DataJson);
        }
    }

    /// <summary>The live rows of the last build: nodes that are not trashed and publish at least one culture.</summary>
    private sealed class SnapshotRows(ContentSchema schema)
    {
        public ContentSchema Schema { get; } = schema;

        public long JournalPosition { get; set; }

        public Dictionary<Guid, ContentNodeRecord> Nodes { get; } = [];

        /// <summary>A node's list is replaced when it changes, never edited: the builder takes an unchanged list as unchanged rows.</summary>
        public Dictionary<Guid, IReadOnlyList<PublishedCultureRecord>> Published { get; } = [];
    }
}

/// <summary>Refreshes the snapshot when published content changes.</summary>
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
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentRestoredNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentDeletedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentMovedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(Members.PublicAccessChangedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);

    public Task HandleAsync(ContentImportedNotification notification, CancellationToken cancellationToken) =>
        snapshots.RefreshAsync(cancellationToken);
}
