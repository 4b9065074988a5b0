using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Notifications;
using Site.Core.Storage;

namespace Site.Core.Content;

/// <summary>What an editor sends to save: the whole version (names and values of every culture).</summary>
/// <param name="ExpectedVersionNumber">The version the editor started from; a newer saved version is a conflict, never overwritten.</param>
public sealed record ContentEdit(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    ContentData Data,
    int? SortOrder = null,
    int? ExpectedVersionNumber = null);

/// <summary>Reads and saves the content tree. Every save is a new version; nothing public changes until publishing.</summary>
public interface IContentService
{
    Task<ContentNode?> GetAsync(Guid key, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContentNode>> GetChildrenAsync(Guid? parentKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContentVersion>> GetVersionsAsync(Guid key, CancellationToken cancellationToken);

    /// <summary>Which of these nodes have children outside the recycle bin: for the tree's expand buttons.</summary>
    Task<IReadOnlySet<Guid>> WithChildrenAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken);

    /// <summary>Items (not in the recycle bin) whose name in some culture contains the text, drafts included; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ContentNode>> FindByNameAsync(string text, int take, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="FindByNameAsync(string, int, CancellationToken)"/>, of these content types only (a picker's filter);
    /// with no text, the first items of those types in tree order, so a picker lists what it can pick before a word is typed.
    /// </summary>
    Task<IReadOnlyList<ContentNode>> FindByNameAsync(string text, int take, IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken);

    Task<SaveResult> SaveAsync(ContentEdit edit, string user, CancellationToken cancellationToken);
}

internal sealed class ContentService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IEventAggregator events,
    TimeProvider clock,
    Media.IMediaLibrary media) : IContentService
{
    public async Task<ContentNode?> GetAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await LoadAsync(db, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ContentNode>> GetChildrenAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var keys = await db.Nodes.AsNoTracking()
            .Where(n => n.ParentKey == parentKey && !n.Trashed)
            .OrderBy(n => n.SortOrder)
            .Select(n => n.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var nodes = new List<ContentNode>(keys.Count);
        foreach (var key in keys)
        {
            if (await LoadAsync(db, key, cancellationToken).ConfigureAwait(false) is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }

    public Task<IReadOnlyList<ContentNode>> FindByNameAsync(string text, int take, CancellationToken cancellationToken) =>
        FindByNameAsync(text, take, [], cancellationToken);

    public async Task<IReadOnlyList<ContentNode>> FindByNameAsync(string text, int take, IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(contentTypes);
        text = text.Trim();
        if ((text.Length == 0 && contentTypes.Count == 0) || take <= 0)
        {
            return [];
        }

        // The versions' JSON holds names as the serializer escapes them (\u4E2D for 中): look for that form, in lower
        // case on both sides, then keep the rows whose names (not just some value) contain the text.
        var escaped = System.Text.Json.JsonSerializer.Serialize(text)[1..^1].ToLowerInvariant();
        await using var db = dbFactory.Create();
        var nodes = db.Nodes.AsNoTracking().Where(n => !n.Trashed);
        if (contentTypes.Count > 0)
        {
            var types = contentTypes.ToList();
            nodes = nodes.Where(n => types.Contains(n.ContentTypeAlias));
        }

        var rows = nodes.Join(db.Versions.AsNoTracking(), n => n.CurrentVersionId, v => v.Id, (n, v) => new { n.Key, n.Level, n.SortOrder, v.DataJson });
        if (text.Length > 0)
        {
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL's lower() and LIKE/strpos: not run in .NET, no culture involved
            rows = rows.Where(r => r.DataJson.ToLower().Contains(escaped));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var candidates = await rows
            .OrderBy(r => r.Level).ThenBy(r => r.SortOrder)
            .Take(take * 10)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ContentNode>();
        foreach (var candidate in candidates)
        {
            var names = ContentMapping.DeserializeData(candidate.DataJson).Names.Values;
            if (names.Any(n => n.Contains(text, StringComparison.OrdinalIgnoreCase))
                && await LoadAsync(db, candidate.Key, cancellationToken).ConfigureAwait(false) is { } node)
            {
                found.Add(node);
                if (found.Count == take)
                {
                    break;
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlySet<Guid>> WithChildrenAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var parents = await db.Nodes.AsNoTracking()
            .Where(n => n.ParentKey != null && keys.Contains(n.ParentKey.Value) && !n.Trashed)
            .Select(n => n.ParentKey!.Value)
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return parents.ToHashSet();
    }

    public async Task<IReadOnlyList<ContentVersion>> GetVersionsAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.NodeKey == key)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. versions.Select(ContentMapping.ToVersion)];
    }

    public async Task<SaveResult> SaveAsync(ContentEdit edit, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(edit, user, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (edit.ExpectedVersionNumber is null && attempt < MaxSaveAttempts)
            {
                // Another save of the node took the same version number first. Without an expected version the
                // editor asked for "save on top of whatever is there", so take the next number: nothing is lost.
            }
            catch (DbUpdateException) when (edit.ExpectedVersionNumber is { } expected)
            {
                // With an expected version, the other save made this one stale: refuse, never overwrite.
                var latest = await CurrentNumberAsync(edit.Key, cancellationToken).ConfigureAwait(false);
                return SaveResult.Refused(SaveStatus.Conflict, new ContentError(null, null, Messages.Conflict.Format(latest, expected)));
            }
        }
    }

    /// <summary>
    /// Media picks of items the library does not have. Only picks new to this save count: an item deleted after it was
    /// picked (pages skip it) must not stop the editor saving anything else.
    /// </summary>
    private static async Task<List<ContentError>> MissingMediaAsync(SiteDbContext db, ContentType type, ContentEdit edit, CancellationToken cancellationToken)
    {
        var errors = new List<ContentError>();
        var pickers = edit.Data.Values
            .Where(v => type.FindProperty(v.Alias)?.EditorAlias == PropertyEditors.MediaPicker && !string.IsNullOrEmpty(v.Value))
            .Select(v => (Value: v, Keys: EditorValues.MediaKeys(v.Value)))
            .Where(p => p.Keys.Count > 0)
            .ToList();
        if (pickers.Count == 0)
        {
            return errors;
        }

        var wanted = pickers.SelectMany(p => p.Keys).Distinct().ToList();
        var known = (await db.Media.Where(m => wanted.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        if (known.Count == wanted.Count)
        {
            return errors;
        }

        var previousJson = await db.Versions.Where(v => v.NodeKey == edit.Key).OrderByDescending(v => v.Number)
            .Select(v => v.DataJson).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var previous = previousJson is null ? null : ContentMapping.DeserializeData(previousJson);
        foreach (var (value, keys) in pickers)
        {
            var before = EditorValues.MediaKeys(previous?.GetValue(value.Alias, value.Culture));
            for (var i = 0; i < keys.Count; i++)
            {
                if (!known.Contains(keys[i]) && !before.Contains(keys[i]))
                {
                    var name = type.FindProperty(value.Alias)!.Name;
                    errors.Add(new ContentError(value.Alias, value.Culture, Messages.MediaItemMissing.Format(name, i + 1)));
                    break;
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Nodes picked by a multi-node tree picker whose data type allows only some types (the agenda's speakers): a node
    /// of another type is refused. A node that no longer exists is let through (readers skip it), as a deleted media
    /// item never blocks other edits.
    /// </summary>
    private static async Task<List<ContentError>> WrongPickedTypesAsync(SiteDbContext db, ContentSchema schema, ContentType type, ContentData data, CancellationToken cancellationToken)
    {
        var picks = PickerFilter.Picks(schema, type, data);
        if (picks.Count == 0)
        {
            return [];
        }

        var keys = picks.Select(p => p.Key).Distinct().ToList();
        var types = await db.Nodes.Where(n => keys.Contains(n.Key)).Select(n => new { n.Key, n.ContentTypeAlias })
            .ToDictionaryAsync(n => n.Key, n => n.ContentTypeAlias, cancellationToken).ConfigureAwait(false);
        return
        [
            .. picks.Where(p => types.TryGetValue(p.Key, out var alias) && !p.Allowed.Contains(alias))
                .DistinctBy(p => (p.Alias, p.Culture, p.PropertyName))
                .Select(p => new ContentError(p.Alias, p.Culture, Messages.WrongPickedType.Format(p.PropertyName, string.Join(", ", p.Allowed.Order(StringComparer.Ordinal)), types[p.Key]))),
        ];
    }

    private const int MaxSaveAttempts = 5;

    private async Task<SaveResult> SaveOnceAsync(ContentEdit edit, string user, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var type = schema.FindContentType(edit.ContentTypeAlias);
        if (type is null)
        {
            return SaveResult.Refused(SaveStatus.InvalidStructure, new ContentError(null, null, Messages.UnknownContentType.Format(edit.ContentTypeAlias)));
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A no-op update takes the node's row lock: concurrent saves of one node queue here instead of racing for
        // the same version number (SQLite's write transaction already serializes; PostgreSQL needs the lock).
        await db.Nodes.Where(n => n.Key == edit.Key)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SortOrder, x => x.SortOrder), cancellationToken).ConfigureAwait(false);
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == edit.Key, cancellationToken).ConfigureAwait(false);

        var structureError = await CheckStructureAsync(db, schema, type, node, edit, cancellationToken).ConfigureAwait(false);
        if (structureError is not null)
        {
            return SaveResult.Refused(SaveStatus.InvalidStructure, structureError);
        }

        // Rich text is stored in one form with its markup sanitized, whatever the editor sent.
        edit = edit with { Data = EditorValues.ForSaving(schema, type, edit.Data) };
        var errors = ContentValidator.ValidateForSave(schema, type, edit.Data);
        errors.AddRange(ImagesWithoutAltText(schema, type, edit.Data));
        if (errors.Count == 0)
        {
            errors = await MissingMediaAsync(db, type, edit, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count == 0)
        {
            errors = await WrongPickedTypesAsync(db, schema, type, edit.Data, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            return new SaveResult(SaveStatus.ValidationFailed, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lastNumber = node is null ? 0
            : await db.Versions.Where(v => v.NodeKey == edit.Key).MaxAsync(v => v.Number, cancellationToken).ConfigureAwait(false);
        if (edit.ExpectedVersionNumber is { } expected && expected != lastNumber)
        {
            return SaveResult.Refused(SaveStatus.Conflict, new ContentError(null, null, Messages.Conflict.Format(lastNumber, expected)));
        }

        var version = new ContentVersionRecord
        {
            NodeKey = edit.Key,
            Number = lastNumber + 1,
            CreatedAtUtc = now,
            CreatedBy = user,
            DataJson = ContentMapping.Serialize(edit.Data),
        };
        db.Versions.Add(version);
        if (node is null)
        {
            var parentLevel = edit.ParentKey is { } parentKey
                ? await db.Nodes.Where(n => n.Key == parentKey).Select(n => n.Level).FirstAsync(cancellationToken).ConfigureAwait(false)
                : 0;
            var sortOrder = edit.SortOrder
                ?? 1 + (await db.Nodes.Where(n => n.ParentKey == edit.ParentKey).MaxAsync(n => (int?)n.SortOrder, cancellationToken).ConfigureAwait(false) ?? -1);
            node = new ContentNodeRecord
            {
                Key = edit.Key,
                ParentKey = edit.ParentKey,
                ContentTypeAlias = type.Alias,
                SortOrder = sortOrder,
                Level = parentLevel + 1,
                CreateDateUtc = now,
                UpdateDateUtc = now,
            };
            db.Nodes.Add(node);
        }
        else
        {
            node.UpdateDateUtc = now;
            if (edit.SortOrder is { } sortOrder)
            {
                node.SortOrder = sortOrder;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        node.CurrentVersionId = version.Id;
        AuditLog.Add(db, now, user, AuditActions.Save, edit.Key, edit.Data.Cultures, $"version {version.Number}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await events.PublishAsync(new ContentSavedNotification(edit.Key, version.Number), cancellationToken).ConfigureAwait(false);
        return new SaveResult(SaveStatus.Success, await LoadAsync(db, edit.Key, cancellationToken).ConfigureAwait(false), []);
    }

    private async Task<int> CurrentNumberAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.Versions.Where(v => v.NodeKey == key).MaxAsync(v => (int?)v.Number, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    private static async Task<ContentError?> CheckStructureAsync(
        SiteDbContext db, ContentSchema schema, ContentType type, ContentNodeRecord? node, ContentEdit edit, CancellationToken cancellationToken)
    {
        if (node is not null)
        {
            if (!string.Equals(node.ContentTypeAlias, type.Alias, StringComparison.Ordinal))
            {
                return new ContentError(null, null, Messages.TypeChanged);
            }

            return node.Trashed ? new ContentError(null, null, Messages.Trashed) : null;
        }

        if (edit.ParentKey is not { } parentKey)
        {
            return type.CanBeRoot ? null : new ContentError(null, null, Messages.NotAllowedAtRoot.Format(type.Name));
        }

        var parentAlias = await db.Nodes.Where(n => n.Key == parentKey && !n.Trashed)
            .Select(n => n.ContentTypeAlias).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (parentAlias is null)
        {
            return new ContentError(null, null, Messages.UnknownParent);
        }

        var parentType = schema.FindContentType(parentAlias);
        return ContentSchema.AllowsChild(parentType, type)
            ? null
            : new ContentError(null, null, Messages.NotAllowedUnder.Format(type.Name, parentType?.Name ?? parentAlias));
    }

    internal static async Task<ContentNode?> LoadAsync(SiteDbContext db, Guid key, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return null;
        }

        var current = await db.Versions.AsNoTracking().FirstAsync(v => v.Id == node.CurrentVersionId, cancellationToken).ConfigureAwait(false);
        var published = await db.PublishedCultures.AsNoTracking().Where(p => p.NodeKey == key).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ContentMapping.ToNode(node, current, published);
    }

    /// <summary>
    /// Every image in rich text needs alt text in each culture it is shown in: in the markup, or on its media item.
    /// Checked on an editor's save only (an import keeps what Umbraco had); an invariant value is shown in every language.
    /// </summary>
    private IEnumerable<ContentError> ImagesWithoutAltText(ContentSchema schema, ContentType type, ContentData data)
    {
        foreach (var value in data.Values)
        {
            if (type.FindProperty(value.Alias) is not { EditorAlias: PropertyEditors.RichText } property
                || EditorValues.RichTextMarkup(value.Value) is not { } markup)
            {
                continue;
            }

            foreach (var culture in value.Culture is { } own ? [own] : schema.Languages.All.Select(l => l.IsoCode))
            {
                if (Rendering.RichTextImages.LacksAltText(markup, culture, media.Find))
                {
                    yield return new ContentError(value.Alias, value.Culture, Messages.ImageWithoutAlt.Format(property.Name, culture));
                    break;
                }
            }
        }
    }
}
