using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Notifications;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Core.Content;

/// <summary>The outcome of a tree operation: done (with the keys it touched), or why not.</summary>
public sealed record TreeResult(WorkflowStatus Status, IReadOnlyList<Guid> Keys, LocalizedText? Message = null)
{
    public bool Succeeded => Status == WorkflowStatus.Success;

    public static TreeResult Refused(WorkflowStatus status, LocalizedText message) => new(status, [], message);
}

/// <summary>
/// The content tree as editors shape it: move, sort, copy, the recycle bin (trash, restore, delete, empty). Each
/// operation is one transaction, checked against the user's permissions and the content types' allowed children,
/// audited, journalled, and followed by a notification (the snapshot, the index and caches follow it).
/// </summary>
public interface IContentTreeService
{
    Task<TreeResult> MoveAsync(Guid key, Guid? newParentKey, BackOfficeUser user, CancellationToken cancellationToken);

    /// <summary>Sets the order of a node's children; the keys must be exactly those children.</summary>
    Task<TreeResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, BackOfficeUser user, CancellationToken cancellationToken);

    /// <summary>Copies a node (and, if asked, its descendants) under a parent as new, unpublished drafts.</summary>
    Task<TreeResult> CopyAsync(Guid key, Guid? newParentKey, bool includeDescendants, BackOfficeUser user, CancellationToken cancellationToken);

    Task<TreeResult> TrashAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken);

    Task<TreeResult> RestoreAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken);

    /// <summary>The items at the top of the recycle bin (their descendants went in with them).</summary>
    Task<IReadOnlyList<ContentNode>> GetRecycleBinAsync(CancellationToken cancellationToken);

    Task<TreeResult> EmptyRecycleBinAsync(BackOfficeUser user, CancellationToken cancellationToken);
}

internal sealed class ContentTreeService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IEventAggregator events,
    TimeProvider clock) : IContentTreeService
{
    /// <summary>Keys per statement where a list of keys becomes parameters (SQLite allows only so many).</summary>
    private const int ChunkSize = 500;

    // Each operation reads the subtree it changes (one recursive query) and the few nodes it needs, never the whole
    // tree: at 50,000 nodes reading every row made each click take seconds.

    public Task<TreeResult> MoveAsync(Guid key, Guid? newParentKey, BackOfficeUser user, CancellationToken cancellationToken) =>
        RunAsync(user, ContentAction.Edit, async (db, now) =>
        {
            var subtree = await LoadSubtreeAsync(db, key, tracked: true, cancellationToken).ConfigureAwait(false);
            var node = subtree.Count > 0 && !subtree[0].Trashed ? subtree[0] : null;
            if (node is null)
            {
                return Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
            }

            if (newParentKey is { } target && subtree.Any(n => n.Key == target))
            {
                return Refused(WorkflowStatus.InvalidTarget, TreeMessages.IntoItself);
            }

            var (parent, problem) = await CheckParentAsync(db, node.ContentTypeAlias, newParentKey, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return Refused(WorkflowStatus.InvalidTarget, problem);
            }

            var levelShift = (parent?.Level ?? 0) + 1 - node.Level;
            node.SortOrder = await NextSortOrderAsync(db, newParentKey, node.Key, cancellationToken).ConfigureAwait(false);
            node.ParentKey = newParentKey;
            foreach (var moved in subtree)
            {
                moved.Level += levelShift;
                moved.UpdateDateUtc = now;
            }

            var keys = subtree.Select(n => n.Key).ToList();
            Journal(db, keys, ChangeJournalKinds.Move, now);
            AuditLog.Add(db, now, user.Id, AuditActions.Move, key, [], newParentKey?.ToString() ?? "root");
            return Done(keys, new ContentMovedNotification(keys));
        }, cancellationToken);

    public Task<TreeResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderedKeys);
        return RunAsync(user, ContentAction.Edit, async (db, now) =>
        {
            var children = await db.Nodes.Where(n => n.ParentKey == parentKey && !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (orderedKeys.Count != children.Count || orderedKeys.Distinct().Count() != orderedKeys.Count || !children.All(c => orderedKeys.Contains(c.Key)))
            {
                return Refused(WorkflowStatus.InvalidTarget, TreeMessages.SortSet);
            }

            for (var i = 0; i < orderedKeys.Count; i++)
            {
                var child = children.First(c => c.Key == orderedKeys[i]);
                if (child.SortOrder != i)
                {
                    child.SortOrder = i;
                    child.UpdateDateUtc = now;
                }
            }

            Journal(db, orderedKeys, ChangeJournalKinds.Sort, now);
            AuditLog.Add(db, now, user.Id, AuditActions.Sort, parentKey, []);
            return Done(orderedKeys, new ContentMovedNotification(orderedKeys));
        }, cancellationToken);
    }

    public Task<TreeResult> CopyAsync(Guid key, Guid? newParentKey, bool includeDescendants, BackOfficeUser user, CancellationToken cancellationToken) =>
        RunAsync(user, ContentAction.Create, async (db, now) =>
        {
            var loaded = includeDescendants
                ? await LoadSubtreeAsync(db, key, tracked: false, cancellationToken).ConfigureAwait(false)
                : await db.Nodes.AsNoTracking().Where(n => n.Key == key).ToListAsync(cancellationToken).ConfigureAwait(false);
            var source = loaded.Count > 0 && !loaded[0].Trashed ? loaded[0] : null;
            if (source is null)
            {
                return Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
            }

            var (parent, problem) = await CheckParentAsync(db, source.ContentTypeAlias, newParentKey, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return Refused(WorkflowStatus.InvalidTarget, problem);
            }

            var nodes = loaded.Where(n => !n.Trashed).ToList();
            var versionIds = nodes.Select(n => n.CurrentVersionId).ToList();
            var data = await db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
                .ToDictionaryAsync(v => v.Id, v => ContentMapping.DeserializeData(v.DataJson), cancellationToken).ConfigureAwait(false);
            var newKeys = nodes.ToDictionary(n => n.Key, _ => Guid.NewGuid());
            var levelShift = (parent?.Level ?? 0) + 1 - source.Level;
            var sortOrder = await NextSortOrderAsync(db, newParentKey, null, cancellationToken).ConfigureAwait(false);
            var versions = new List<ContentVersionRecord>(nodes.Count);
            foreach (var node in nodes)
            {
                var copyData = data[node.CurrentVersionId];
                if (node == source && newParentKey == source.ParentKey)
                {
                    // Beside the original: a new name and no URL-name override, so the copy gets its own URL.
                    copyData = new ContentData(
                        copyData.Names.ToDictionary(n => n.Key, n => n.Value + " (1)"),
                        [.. copyData.Values.Where(v => v.Alias != Publishing.UrlSegments.UrlNameAlias)]);
                }

                versions.Add(new ContentVersionRecord
                {
                    NodeKey = newKeys[node.Key], Number = 1, CreatedAtUtc = now, CreatedBy = user.Id, DataJson = ContentMapping.Serialize(copyData),
                });
            }

            // One save for the versions (the nodes need their ids), the nodes go with the commit.
            db.Versions.AddRange(versions);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                db.Nodes.Add(new ContentNodeRecord
                {
                    Key = newKeys[node.Key],
                    ParentKey = node == source ? newParentKey : newKeys[node.ParentKey!.Value],
                    ContentTypeAlias = node.ContentTypeAlias,
                    SortOrder = node == source ? sortOrder : node.SortOrder,
                    Level = node.Level + levelShift,
                    CreateDateUtc = now,
                    UpdateDateUtc = now,
                    CurrentVersionId = versions[i].Id,
                });
            }

            AuditLog.Add(db, now, user.Id, AuditActions.Copy, key, [], $"to {newKeys[key]}");
            return Done([.. nodes.Select(n => newKeys[n.Key])]);
        }, cancellationToken);

    public Task<TreeResult> TrashAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken) =>
        RunAsync(user, ContentAction.Delete, async (db, now) =>
        {
            var loaded = await LoadSubtreeAsync(db, key, tracked: true, cancellationToken).ConfigureAwait(false);
            if (loaded.Count == 0 || loaded[0].Trashed)
            {
                return Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
            }

            // The parent is kept, so a restore puts the item back where it was; published cultures are taken down.
            var subtree = loaded.Where(n => !n.Trashed).ToList();
            var keys = subtree.Select(n => n.Key).ToList();
            foreach (var trashed in subtree)
            {
                trashed.Trashed = true;
                trashed.UpdateDateUtc = now;
            }

            foreach (var chunk in keys.Chunk(ChunkSize))
            {
                await db.PublishedCultures.Where(p => chunk.Contains(p.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            Journal(db, keys, ChangeJournalKinds.Trash, now);
            AuditLog.Add(db, now, user.Id, AuditActions.Trash, key, [], $"{keys.Count} items");
            return Done(keys, new ContentTrashedNotification(keys));
        }, cancellationToken);

    public Task<TreeResult> RestoreAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken) =>
        RunAsync(user, ContentAction.Delete, async (db, now) =>
        {
            var loaded = await LoadSubtreeAsync(db, key, tracked: true, cancellationToken).ConfigureAwait(false);
            var node = loaded.Count > 0 && loaded[0].Trashed ? loaded[0] : null;
            if (node is null)
            {
                return Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
            }

            if (node.ParentKey is { } parentKey
                && !await db.Nodes.AnyAsync(n => n.Key == parentKey && !n.Trashed, cancellationToken).ConfigureAwait(false))
            {
                return Refused(WorkflowStatus.InvalidTarget, TreeMessages.ParentGone);
            }

            var subtree = loaded.Where(n => n.Trashed).ToList();
            var keys = subtree.Select(n => n.Key).ToList();
            foreach (var restored in subtree)
            {
                restored.Trashed = false;
                restored.UpdateDateUtc = now;
            }

            Journal(db, keys, ChangeJournalKinds.Restore, now);
            AuditLog.Add(db, now, user.Id, AuditActions.Restore, key, [], $"{keys.Count} items");
            return Done(keys, new ContentRestoredNotification(keys));
        }, cancellationToken);

    public async Task<IReadOnlyList<ContentNode>> GetRecycleBinAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        // The top of the bin: trashed items whose parent is not (the root, a deleted parent, or one in the tree).
        var tops = await db.Nodes.AsNoTracking()
            .Where(n => n.Trashed && (n.ParentKey == null || !db.Nodes.Any(p => p.Key == n.ParentKey && p.Trashed)))
            .OrderByDescending(n => n.UpdateDateUtc).ThenBy(n => n.Key)
            .Select(n => n.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ContentNode>(tops.Count);
        foreach (var top in tops)
        {
            items.Add((await ContentService.LoadAsync(db, top, cancellationToken).ConfigureAwait(false))!);
        }

        return items;
    }

    public Task<TreeResult> EmptyRecycleBinAsync(BackOfficeUser user, CancellationToken cancellationToken) =>
        RunAsync(user, ContentAction.Delete, async (db, now) =>
        {
            var keys = await db.Nodes.Where(n => n.Trashed).Select(n => n.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in keys.Chunk(ChunkSize))
            {
                await db.ScheduledActions.Where(a => chunk.Contains(a.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.Reviews.Where(r => chunk.Contains(r.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.PublicAccess.Where(r => chunk.Contains(r.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.PublishedCultures.Where(p => chunk.Contains(p.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.Nodes.Where(n => chunk.Contains(n.Key)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.Versions.Where(v => chunk.Contains(v.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            Journal(db, keys, ChangeJournalKinds.Delete, now);
            AuditLog.Add(db, now, user.Id, AuditActions.EmptyRecycleBin, null, [], $"{keys.Count} items deleted");
            return Done(keys, new ContentDeletedNotification(keys));
        }, cancellationToken);

    /// <summary>What an operation did, and the notification to raise once it is committed.</summary>
    private sealed record TreeChange(TreeResult Result, Func<IEventAggregator, CancellationToken, Task>? Notify);

    private static TreeChange Refused(WorkflowStatus status, LocalizedText message) => new(TreeResult.Refused(status, message), null);

    private static TreeChange Done(IReadOnlyList<Guid> keys) => new(new TreeResult(WorkflowStatus.Success, keys), null);

    private static TreeChange Done<TNotification>(IReadOnlyList<Guid> keys, TNotification notification)
        where TNotification : INotification =>
        new(new TreeResult(WorkflowStatus.Success, keys), (events, cancellationToken) => events.PublishAsync(notification, cancellationToken));

    /// <summary>
    /// What every operation shares: the permission check, one context and transaction, saved and committed only when
    /// the operation succeeds (a refusal writes nothing), and the notification raised after the commit, so the
    /// snapshot reads what was committed.
    /// </summary>
    private async Task<TreeResult> RunAsync(BackOfficeUser user, ContentAction action, Func<SiteDbContext, DateTime, Task<TreeChange>> operation, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, action, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        TreeChange change;
        await using (var db = dbFactory.Create())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            change = await operation(db, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
            if (!change.Result.Succeeded)
            {
                return change.Result;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (change.Notify is not null)
        {
            await change.Notify(events, cancellationToken).ConfigureAwait(false);
        }

        return change.Result;
    }

    /// <summary>
    /// A node and every descendant (trashed or not), the node first and each parent before its children; empty when
    /// the node does not exist. One recursive query, which SQLite and PostgreSQL both run; UNION (not UNION ALL)
    /// so that a cycle in the rows ends the recursion instead of looping.
    /// </summary>
    private static async Task<List<ContentNodeRecord>> LoadSubtreeAsync(SiteDbContext db, Guid key, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Nodes.FromSql($"""
            WITH RECURSIVE subtree AS (
                SELECT * FROM content_nodes WHERE "Key" = {key}
                UNION
                SELECT c.* FROM content_nodes c JOIN subtree s ON c."ParentKey" = s."Key")
            SELECT * FROM subtree
            """);
        var rows = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var root = rows.FirstOrDefault(n => n.Key == key);
        return root is null ? [] : Subtree(rows, root);
    }

    /// <summary>Whether a node of the given type may go under the parent; the parent's row (null for the root) when it may.</summary>
    private async Task<(ContentNodeRecord? Parent, LocalizedText? Problem)> CheckParentAsync(SiteDbContext db, string typeAlias, Guid? parentKey, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var type = schema.FindContentType(typeAlias);
        if (type is null)
        {
            return (null, Messages.UnknownContentType.Format(typeAlias));
        }

        if (parentKey is null)
        {
            return (null, type.CanBeRoot ? null : Messages.NotAllowedAtRoot.Format(type.Name));
        }

        var parent = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == parentKey && !n.Trashed, cancellationToken).ConfigureAwait(false);
        if (parent is null)
        {
            return (null, Messages.UnknownParent);
        }

        var parentType = schema.FindContentType(parent.ContentTypeAlias);
        return ContentSchema.AllowsChild(parentType, type)
            ? (parent, null)
            : (null, Messages.NotAllowedUnder.Format(type.Name, parentType?.Name ?? parent.ContentTypeAlias));
    }

    /// <summary>The loaded rows under <paramref name="root"/>, parents before children.</summary>
    private static List<ContentNodeRecord> Subtree(List<ContentNodeRecord> rows, ContentNodeRecord root)
    {
        // Pushed last to first, so children come out in their sort order.
        var children = rows.OrderByDescending(n => n.SortOrder).ToLookup(n => n.ParentKey);
        var result = new List<ContentNodeRecord>();
        var seen = new HashSet<Guid>();
        var stack = new Stack<ContentNodeRecord>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node.Key))
            {
                continue;
            }

            result.Add(node);
            foreach (var child in children[node.Key])
            {
                stack.Push(child);
            }
        }

        return result;
    }

    /// <summary>After the last of the parent's children (trashed ones included, as they may come back).</summary>
    private static async Task<int> NextSortOrderAsync(SiteDbContext db, Guid? parentKey, Guid? except, CancellationToken cancellationToken) =>
        1 + (await db.Nodes.Where(n => n.ParentKey == parentKey && n.Key != except).MaxAsync(n => (int?)n.SortOrder, cancellationToken).ConfigureAwait(false) ?? -1);

    private static void Journal(SiteDbContext db, IEnumerable<Guid> keys, string kind, DateTime now)
    {
        foreach (var key in keys)
        {
            db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = kind, Cultures = string.Empty, AtUtc = now });
        }
    }
}

internal static class TreeMessages
{
    public static readonly LocalizedText IntoItself = LocalizedText.Of("An item cannot move under itself or one of its descendants.");
    public static readonly LocalizedText SortSet = LocalizedText.Of("Give every child of the parent exactly once.");
    public static readonly LocalizedText ParentGone = LocalizedText.Of("The item's parent is in the recycle bin or was deleted: restore the parent first, or move the item elsewhere.");
}
