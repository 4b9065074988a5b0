using Microsoft.EntityFrameworkCore;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Core.Content;

public enum TranslationState
{
    /// <summary>The culture has no version of the item yet.</summary>
    Missing,

    /// <summary>Another culture changed after this one was last updated.</summary>
    Stale,
}

/// <summary>An item whose translation into a culture is missing or out of date, for the translators' dashboard.</summary>
public sealed record TranslationStatus(Guid Key, string ContentTypeAlias, string Name, string Culture, TranslationState State, DateTime? CultureUpdatedUtc, DateTime OtherUpdatedUtc);

/// <summary>What needs translating, and a head start: a new draft of a culture begun from another culture's text.</summary>
public interface ITranslationService
{
    Task<IReadOnlyList<TranslationStatus>> GetOutstandingAsync(CancellationToken cancellationToken);

    /// <summary>Copies the source culture's name and values into the target culture where the target has none, as a new draft.</summary>
    Task<SaveResult> StartFromAsync(Guid key, string sourceCulture, string targetCulture, BackOfficeUser user, CancellationToken cancellationToken);
}

internal sealed class TranslationService(ISiteDbContextFactory dbFactory, IContentSchemaStore schemaStore, IContentService content) : ITranslationService
{
    public async Task<IReadOnlyList<TranslationStatus>> GetOutstandingAsync(CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var cultures = schema.Languages.All.Select(l => l.IsoCode).ToList();
        await using var db = dbFactory.Create();
        var nodes = await db.Nodes.AsNoTracking().Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        var versions = (await db.Versions.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(v => v.NodeKey);
        var result = new List<TranslationStatus>();
        foreach (var node in nodes)
        {
            var history = versions[node.Key].OrderBy(v => v.Number).Select(v => (v.CreatedAtUtc, Data: ContentMapping.DeserializeData(v.DataJson))).ToList();
            if (history.Count == 0)
            {
                continue;
            }

            // When each culture last changed: the newest version whose name or values in that culture differ from the one before.
            var lastChanged = cultures.ToDictionary(c => c, c => LastChange(history, c), StringComparer.OrdinalIgnoreCase);
            var current = history[^1].Data;
            var name = current.GetName(schema.Languages.Default?.IsoCode ?? cultures[0]) ?? current.Names.Values.FirstOrDefault() ?? node.Key.ToString();
            foreach (var culture in cultures)
            {
                var others = cultures.Where(c => c != culture && lastChanged[c] is not null).Select(c => lastChanged[c]!.Value).ToList();
                if (others.Count == 0)
                {
                    continue;
                }

                var newestOther = others.Max();
                if (current.GetName(culture) is null)
                {
                    result.Add(new TranslationStatus(node.Key, node.ContentTypeAlias, name, culture, TranslationState.Missing, null, ContentMapping.AsUtc(newestOther)));
                }
                else if (lastChanged[culture] is { } mine && mine < newestOther)
                {
                    result.Add(new TranslationStatus(node.Key, node.ContentTypeAlias, name, culture, TranslationState.Stale, ContentMapping.AsUtc(mine), ContentMapping.AsUtc(newestOther)));
                }
            }
        }

        return [.. result.OrderBy(r => r.Culture, StringComparer.Ordinal).ThenByDescending(r => r.OtherUpdatedUtc)];
    }

    public async Task<SaveResult> StartFromAsync(Guid key, string sourceCulture, string targetCulture, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ContentPermissions.Can(user, ContentAction.Edit, targetCulture))
        {
            return SaveResult.Refused(SaveStatus.Forbidden, new ContentError(null, targetCulture, WorkflowMessages.Forbidden));
        }

        var node = await content.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return SaveResult.Refused(SaveStatus.NotFound, new ContentError(null, null, Messages.NodeNotFound));
        }

        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var source = schema.Languages.Find(sourceCulture);
        var target = schema.Languages.Find(targetCulture);
        if (source is null || target is null || source == target)
        {
            return SaveResult.Refused(SaveStatus.InvalidStructure, new ContentError(null, targetCulture, Messages.UnknownCulture.Format(target is null ? targetCulture : sourceCulture)));
        }

        var data = node.CurrentVersion.Data;
        var names = new Dictionary<string, string>(data.Names, StringComparer.OrdinalIgnoreCase);
        if (data.GetName(target.IsoCode) is null && data.GetName(source.IsoCode) is { } sourceName)
        {
            names[target.IsoCode] = sourceName;
        }

        var values = data.Values.ToList();
        foreach (var value in data.Values.Where(v => string.Equals(v.Culture, source.IsoCode, StringComparison.OrdinalIgnoreCase)))
        {
            if (data.GetValue(value.Alias, target.IsoCode) is null)
            {
                values.RemoveAll(v => v.Alias == value.Alias && string.Equals(v.Culture, target.IsoCode, StringComparison.OrdinalIgnoreCase));
                values.Add(value with { Culture = target.IsoCode });
            }
        }

        return await content.SaveAsync(
            new ContentEdit(key, node.ParentKey, node.ContentTypeAlias, new ContentData(names, values), ExpectedVersionNumber: node.CurrentVersion.Number),
            user.Id,
            cancellationToken).ConfigureAwait(false);
    }

    private static DateTime? LastChange(List<(DateTime CreatedAtUtc, ContentData Data)> history, string culture)
    {
        DateTime? last = null;
        for (var i = 0; i < history.Count; i++)
        {
            var now = Snapshot(history[i].Data, culture);
            var before = i == 0 ? string.Empty : Snapshot(history[i - 1].Data, culture);
            if (!string.Equals(now, before, StringComparison.Ordinal))
            {
                last = history[i].CreatedAtUtc;
            }
        }

        return last;
    }

    private static string Snapshot(ContentData data, string culture) =>
        (data.GetName(culture) ?? string.Empty) + "\u0001" + string.Join("\u0001",
            data.Values.Where(v => string.Equals(v.Culture, culture, StringComparison.OrdinalIgnoreCase))
                .OrderBy(v => v.Alias, StringComparer.Ordinal)
                .Select(v => v.Alias + "=" + v.Value));
}
