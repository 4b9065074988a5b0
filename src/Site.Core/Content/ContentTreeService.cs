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
    public async Task<TreeResult> MoveAsync(Guid key, Guid? newParentKey, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Edit, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Nodes.ToListAsync(cancellationToken).ConfigureAwait(false);
        var node = all.FirstOrDefault(n => n.Key == key && !n.Trashed);
        if (node is null)
        {
            return TreeResult.Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
        }

        var subtree = Subtree(all, node);
        if (newParentKey is { } target && subtree.Any(n => n.Key == target))
        {
            return TreeResult.Refused(WorkflowStatus.InvalidTarget, TreeMessages.IntoItself);
        }

        var problem = await CheckParentAsync(all, node.ContentTypeAlias, newParentKey, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return TreeResult.Refused(WorkflowStatus.InvalidTarget, problem);
        }

        var parentLevel = newParentKey is { } p ? all.First(n => n.Key == p).Level : 0;
        var levelShift = parentLevel + 1 - node.Level;
        node.ParentKey = newParentKey;
        node.SortOrder = NextSortOrder(all, newParentKey, node.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var moved in subtree)
        {
            moved.Level += levelShift;
            moved.UpdateDateUtc = now;
        }

        var keys = subtree.Select(n => n.Key).ToList();
        Journal(db, keys, "move", now);
        AuditLog.Add(db, now, user.Id, "move", key, [], newParentKey?.ToString() ?? "root");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ContentMovedNotification(keys), cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, keys);
    }

    public async Task<TreeResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderedKeys);
        if (!ContentPermissions.Can(user, ContentAction.Edit, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        var children = await db.Nodes.Where(n => n.ParentKey == parentKey && !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (orderedKeys.Count != children.Count || orderedKeys.Distinct().Count() != orderedKeys.Count || !children.All(c => orderedKeys.Contains(c.Key)))
        {
            return TreeResult.Refused(WorkflowStatus.InvalidTarget, TreeMessages.SortSet);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < orderedKeys.Count; i++)
        {
            var child = children.First(c => c.Key == orderedKeys[i]);
            if (child.SortOrder != i)
            {
                child.SortOrder = i;
                child.UpdateDateUtc = now;
            }
        }

        Journal(db, orderedKeys, "sort", now);
        AuditLog.Add(db, now, user.Id, "sort", parentKey, []);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ContentMovedNotification(orderedKeys), cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, orderedKeys);
    }

    public async Task<TreeResult> CopyAsync(Guid key, Guid? newParentKey, bool includeDescendants, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Create, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Nodes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var source = all.FirstOrDefault(n => n.Key == key && !n.Trashed);
        if (source is null)
        {
            return TreeResult.Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
        }

        var problem = await CheckParentAsync(all, source.ContentTypeAlias, newParentKey, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return TreeResult.Refused(WorkflowStatus.InvalidTarget, problem);
        }

        var nodes = includeDescendants ? Subtree(all, source).Where(n => !n.Trashed).ToList() : [source];
        var versionIds = nodes.Select(n => n.CurrentVersionId).ToList();
        var data = await db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => ContentMapping.DeserializeData(v.DataJson), cancellationToken).ConfigureAwait(false);
        var newKeys = nodes.ToDictionary(n => n.Key, _ => Guid.NewGuid());
        var parentLevel = newParentKey is { } p ? all.First(n => n.Key == p).Level : 0;
        var levelShift = parentLevel + 1 - source.Level;
        var now = clock.GetUtcNow().UtcDateTime;
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

            var version = new ContentVersionRecord
            {
                NodeKey = newKeys[node.Key], Number = 1, CreatedAtUtc = now, CreatedBy = user.Id, DataJson = ContentMapping.Serialize(copyData),
            };
            db.Versions.Add(version);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.Nodes.Add(new ContentNodeRecord
            {
                Key = newKeys[node.Key],
                ParentKey = node == source ? newParentKey : newKeys[node.ParentKey!.Value],
                ContentTypeAlias = node.ContentTypeAlias,
                SortOrder = node == source ? NextSortOrder(all, newParentKey, null) : node.SortOrder,
                Level = node.Level + levelShift,
                CreateDateUtc = now,
                UpdateDateUtc = now,
                CurrentVersionId = version.Id,
            });
        }

        AuditLog.Add(db, now, user.Id, "copy", key, [], $"to {newKeys[key]}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, [.. nodes.Select(n => newKeys[n.Key])]);
    }

    public async Task<TreeResult> TrashAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Delete, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Nodes.ToListAsync(cancellationToken).ConfigureAwait(false);
        var node = all.FirstOrDefault(n => n.Key == key && !n.Trashed);
        if (node is null)
        {
            return TreeResult.Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
        }

        // The parent is kept, so a restore puts the item back where it was; published cultures are taken down.
        var subtree = Subtree(all, node).Where(n => !n.Trashed).ToList();
        var keys = subtree.Select(n => n.Key).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var trashed in subtree)
        {
            trashed.Trashed = true;
            trashed.UpdateDateUtc = now;
        }

        db.PublishedCultures.RemoveRange(await db.PublishedCultures.Where(p => keys.Contains(p.NodeKey)).ToListAsync(cancellationToken).ConfigureAwait(false));
        Journal(db, keys, "trash", now);
        AuditLog.Add(db, now, user.Id, "trash", key, [], $"{keys.Count} items");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ContentTrashedNotification(keys), cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, keys);
    }

    public async Task<TreeResult> RestoreAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Delete, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Nodes.ToListAsync(cancellationToken).ConfigureAwait(false);
        var node = all.FirstOrDefault(n => n.Key == key && n.Trashed);
        if (node is null)
        {
            return TreeResult.Refused(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
        }

        if (node.ParentKey is { } parentKey && all.FirstOrDefault(n => n.Key == parentKey) is not { Trashed: false })
        {
            return TreeResult.Refused(WorkflowStatus.InvalidTarget, TreeMessages.ParentGone);
        }

        var subtree = Subtree(all, node).Where(n => n.Trashed).ToList();
        var keys = subtree.Select(n => n.Key).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var restored in subtree)
        {
            restored.Trashed = false;
            restored.UpdateDateUtc = now;
        }

        Journal(db, keys, "restore", now);
        AuditLog.Add(db, now, user.Id, "restore", key, [], $"{keys.Count} items");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ContentRestoredNotification(keys), cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, keys);
    }

    public async Task<IReadOnlyList<ContentNode>> GetRecycleBinAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var all = await db.Nodes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = all.ToDictionary(n => n.Key);
        var tops = all.Where(n => n.Trashed && (n.ParentKey is null || !byKey.TryGetValue(n.ParentKey.Value, out var parent) || !parent.Trashed))
            .OrderByDescending(n => n.UpdateDateUtc)
            .ToList();
        var items = new List<ContentNode>(tops.Count);
        foreach (var top in tops)
        {
            items.Add((await ContentService.LoadAsync(db, top.Key, cancellationToken).ConfigureAwait(false))!);
        }

        return items;
    }

    public async Task<TreeResult> EmptyRecycleBinAsync(BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Delete, null))
        {
            return TreeResult.Refused(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await db.Nodes.Where(n => n.Trashed).Select(n => n.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in keys.Chunk(500))
        {
            await db.ScheduledActions.Where(a => chunk.Contains(a.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Reviews.Where(r => chunk.Contains(r.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.PublicAccess.Where(r => chunk.Contains(r.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.PublishedCultures.Where(p => chunk.Contains(p.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Nodes.Where(n => chunk.Contains(n.Key)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Versions.Where(v => chunk.Contains(v.NodeKey)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Journal(db, keys, "delete", now);
        AuditLog.Add(db, now, user.Id, "empty-recycle-bin", null, [], $"{keys.Count} items deleted");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ContentDeletedNotification(keys), cancellationToken).ConfigureAwait(false);
        return new TreeResult(WorkflowStatus.Success, keys);
    }

    private async Task<LocalizedText?> CheckParentAsync(List<ContentNodeRecord> all, string typeAlias, Guid? parentKey, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var type = schema.FindContentType(typeAlias);
        if (type is null)
        {
            return Messages.UnknownContentType.Format(typeAlias);
        }

        if (parentKey is null)
        {
            return type.AllowAtRoot ? null : Messages.NotAllowedAtRoot.Format(type.Name);
        }

        var parent = all.FirstOrDefault(n => n.Key == parentKey && !n.Trashed);
        if (parent is null)
        {
            return Messages.UnknownParent;
        }

        var parentType = schema.FindContentType(parent.ContentTypeAlias);
        return parentType is not null && parentType.AllowedChildAliases.Contains(type.Alias, StringComparer.Ordinal)
            ? null
            : Messages.NotAllowedUnder.Format(type.Name, parentType?.Name ?? parent.ContentTypeAlias);
    }

    private static List<ContentNodeRecord> Subtree(List<ContentNodeRecord> all, ContentNodeRecord root)
    {
        var children = all.ToLookup(n => n.ParentKey);
        var result = new List<ContentNodeRecord>();
        var stack = new Stack<ContentNodeRecord>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            result.Add(node);
            foreach (var child in children[node.Key])
            {
                stack.Push(child);
            }
        }

        return result;
    }

    private static int NextSortOrder(List<ContentNodeRecord> all, Guid? parentKey, Guid? except) =>
        1 + (all.Where(n => n.ParentKey == parentKey && n.Key != except).Select(n => (int?)n.SortOrder).Max() ?? -1);

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
