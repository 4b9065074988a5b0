using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Storage;

namespace Site.Core.Sync;

/// <summary>Imports a uSync folder: everything is read and checked first, then written in one transaction.</summary>
public interface IUsyncImporter
{
    Task<UsyncImportResult> ImportAsync(string folder, string user, CancellationToken cancellationToken);

    /// <summary>As above; with <see cref="UsyncImportOptions.Partial"/> what has problems is left out and listed in <see cref="UsyncImportResult.Skipped"/>.</summary>
    Task<UsyncImportResult> ImportAsync(string folder, string user, UsyncImportOptions options, CancellationToken cancellationToken);
}

internal sealed class UsyncImporter(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IEventAggregator events,
    TimeProvider clock) : IUsyncImporter
{
    public Task<UsyncImportResult> ImportAsync(string folder, string user, CancellationToken cancellationToken) =>
        ImportAsync(folder, user, UsyncImportOptions.AllOrNothing, cancellationToken);

    public async Task<UsyncImportResult> ImportAsync(string folder, string user, UsyncImportOptions options, CancellationToken cancellationToken)
    {
        var read = UsyncReader.Read(folder, options);
        if (read.Package is not { } package)
        {
            return UsyncImportResult.Failed(read.Problems);
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        await WriteSchemaAsync(db, package, cancellationToken).ConfigureAwait(false);
        await WriteContentAsync(db, package, user, now, cancellationToken).ConfigureAwait(false);
        await RemoveAsync(db, package, now, cancellationToken).ConfigureAwait(false);
        AuditLog.Add(db, now, user, AuditActions.Import, null, [], $"{package.Content.Count} nodes from {Path.GetFileName(folder)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        schemaStore.Invalidate();
        await events.PublishAsync(new ContentImportedNotification(package.Content.Count), cancellationToken).ConfigureAwait(false);
        return new UsyncImportResult(true, package.Content.Count, []) { Skipped = read.Skipped };
    }

    /// <summary>
    /// uSync's delete and clean markers: the node (Delete), or the nodes under it that the folder does not hold (Clean),
    /// go to the recycle bin with their descendants and are taken down, as trashing in the back office does; nothing is
    /// deleted for good.
    /// </summary>
    private static async Task RemoveAsync(SiteDbContext db, UsyncPackage package, DateTime now, CancellationToken cancellationToken)
    {
        if (package.Removals.Count == 0)
        {
            return;
        }

        var inFolder = package.Content.Select(c => c.Key).ToHashSet();
        var nodes = await db.Nodes.Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        var children = nodes.ToLookup(n => n.ParentKey ?? Guid.Empty);
        var roots = new List<ContentNodeRecord>();
        foreach (var removal in package.Removals)
        {
            roots.AddRange(removal.ChildrenOnly
                ? children[removal.Key].Where(n => !inFolder.Contains(n.Key))
                : nodes.Where(n => n.Key == removal.Key && !inFolder.Contains(n.Key)));
        }

        var trashed = new HashSet<Guid>();
        var pending = new Queue<ContentNodeRecord>(roots);
        while (pending.TryDequeue(out var node))
        {
            if (!trashed.Add(node.Key))
            {
                continue;
            }

            node.Trashed = true;
            node.UpdateDateUtc = now;
            db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = node.Key, Kind = ChangeJournalKinds.Trash, Cultures = string.Empty, AtUtc = now });
            foreach (var child in children[node.Key])
            {
                pending.Enqueue(child);
            }
        }

        foreach (var chunk in trashed.Chunk(500))
        {
            db.PublishedCultures.RemoveRange(await db.PublishedCultures.Where(p => chunk.Contains(p.NodeKey)).ToListAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task WriteSchemaAsync(SiteDbContext db, UsyncPackage package, CancellationToken cancellationToken)
    {
        // The folder is the source of truth for the schema: it replaces what the database had.
        db.Languages.RemoveRange(await db.Languages.ToListAsync(cancellationToken).ConfigureAwait(false));
        db.DataTypes.RemoveRange(await db.DataTypes.ToListAsync(cancellationToken).ConfigureAwait(false));
        db.DictionaryItems.RemoveRange(await db.DictionaryItems.ToListAsync(cancellationToken).ConfigureAwait(false));
        db.ContentTypes.RemoveRange(await db.ContentTypes.ToListAsync(cancellationToken).ConfigureAwait(false));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        db.Languages.AddRange(package.Languages.Select(l => new LanguageRecord
        {
            IsoCode = l.IsoCode, Name = l.Name, IsDefault = l.IsDefault, IsMandatory = l.IsMandatory, FallbackIsoCode = l.FallbackIsoCode,
        }));
        db.DataTypes.AddRange(package.DataTypes.Select(d => new DataTypeRecord
        {
            Key = d.Key, Alias = d.Alias, EditorAlias = d.EditorAlias, EditorUiAlias = d.EditorUiAlias, ConfigJson = d.ConfigJson,
        }));
        db.DictionaryItems.AddRange(package.Dictionary.Select(d => new DictionaryRecord
        {
            Key = d.Key, ParentKey = d.ParentKey, Alias = d.Alias, TranslationsJson = ContentMapping.Serialize(d.Translations),
        }));
        db.ContentTypes.AddRange(package.ContentTypes.Select(t => new ContentTypeRecord
        {
            Key = t.Key, Alias = t.Alias, DefinitionJson = ContentMapping.Serialize(t),
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteContentAsync(SiteDbContext db, UsyncPackage package, string user, DateTime now, CancellationToken cancellationToken)
    {
        var byKey = package.Content.ToDictionary(c => c.Key);
        var existing = await db.Nodes.ToDictionaryAsync(n => n.Key, cancellationToken).ConfigureAwait(false);
        foreach (var item in package.Content.OrderBy(c => LevelOf(c, byKey)))
        {
            var json = ContentMapping.Serialize(item.Data);
            existing.TryGetValue(item.Key, out var node);
            ContentVersionRecord? version = null;
            if (node is not null)
            {
                version = await db.Versions.FirstAsync(v => v.Id == node.CurrentVersionId, cancellationToken).ConfigureAwait(false);
            }

            if (version is null || version.DataJson != json)
            {
                var number = node is null ? 1 : version!.Number + 1;
                version = new ContentVersionRecord { NodeKey = item.Key, Number = number, CreatedAtUtc = now, CreatedBy = user, DataJson = json };
                db.Versions.Add(version);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            var changed = node is null || node.CurrentVersionId != version.Id;
            if (node is null)
            {
                node = new ContentNodeRecord { Key = item.Key, ContentTypeAlias = item.ContentTypeAlias, CreateDateUtc = item.CreateDateUtc };
                db.Nodes.Add(node);
                existing[item.Key] = node;
            }

            var level = LevelOf(item, byKey);
            changed |= node.ParentKey != item.ParentKey || node.SortOrder != item.SortOrder || node.Level != level || node.Trashed;
            node.ParentKey = item.ParentKey;
            node.ContentTypeAlias = item.ContentTypeAlias;
            node.SortOrder = item.SortOrder;
            node.Level = level;
            node.Trashed = false;
            node.CurrentVersionId = version.Id;
            changed |= await WritePublishedAsync(db, node, item, version.Id, now, cancellationToken).ConfigureAwait(false);
            await WriteSchedulesAsync(db, item, user, now, cancellationToken).ConfigureAwait(false);

            // An unchanged node keeps its dates: Last-Modified and feeds must not move on a re-import.
            if (changed)
            {
                node.UpdateDateUtc = now;
                db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = item.Key, Kind = ChangeJournalKinds.Import, Cultures = string.Join(',', item.PublishedCultures), AtUtc = now });
            }
        }
    }

    /// <summary>Makes the published cultures those of the file; true when anything changed.</summary>
    private static async Task<bool> WritePublishedAsync(
        SiteDbContext db, ContentNodeRecord node, UsyncContentItem item, long versionId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedCultures.Where(p => p.NodeKey == item.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = rows.Where(r => !item.PublishedCultures.Contains(r.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
        db.PublishedCultures.RemoveRange(removed);
        var changed = removed.Count > 0;
        foreach (var culture in item.PublishedCultures)
        {
            var row = rows.FirstOrDefault(r => string.Equals(r.Culture, culture, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                db.PublishedCultures.Add(new PublishedCultureRecord { NodeKey = item.Key, Culture = culture, VersionId = versionId, PublishedAtUtc = now });
                changed = true;
            }
            else if (row.VersionId != versionId)
            {
                row.VersionId = versionId;
                row.PublishedAtUtc = now;
                changed = true;
            }
        }

        if (item.PublishedCultures.Count > 0 && node.InvariantPublishedVersionId != versionId)
        {
            node.InvariantPublishedVersionId = versionId;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Makes the node's pending schedule that of the file (as its published cultures are): entries the file no longer
    /// holds are dropped, new ones added; what already ran stays as history.
    /// </summary>
    private static async Task WriteSchedulesAsync(SiteDbContext db, UsyncContentItem item, string user, DateTime now, CancellationToken cancellationToken)
    {
        var pending = await db.ScheduledActions.Where(a => a.NodeKey == item.Key && a.ClaimedAtUtc == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        var wanted = item.Schedules.Select(s => (Culture: s.Culture.ToUpperInvariant(), Action: s.Kind.ToString(), s.DueAtUtc)).ToList();
        db.ScheduledActions.RemoveRange(pending.Where(a => !wanted.Remove((a.Culture.ToUpperInvariant(), a.Action, ContentMapping.AsUtc(a.DueAtUtc)))));
        foreach (var schedule in item.Schedules.Where(s => wanted.Contains((s.Culture.ToUpperInvariant(), s.Kind.ToString(), s.DueAtUtc))))
        {
            db.ScheduledActions.Add(new ScheduledActionRecord
            {
                NodeKey = item.Key, Culture = schedule.Culture, Action = schedule.Kind.ToString(), DueAtUtc = schedule.DueAtUtc, CreatedBy = user, CreatedAtUtc = now,
            });
        }
    }

    private static int LevelOf(UsyncContentItem item, Dictionary<Guid, UsyncContentItem> byKey)
    {
        var level = 1;
        for (var parent = item.ParentKey; parent is { } key && byKey.TryGetValue(key, out var next); parent = next.ParentKey)
        {
            level++;
        }

        return level;
    }
}
