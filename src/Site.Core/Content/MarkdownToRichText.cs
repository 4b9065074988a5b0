using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Rendering;
using Site.Core.Storage;

namespace Site.Core.Content;

/// <summary>What a Markdown → rich text migration changed, or why it changed nothing.</summary>
public sealed record MarkdownMigrationResult(
    IReadOnlyList<string> Properties, int VersionsChanged, int ValuesConverted, LocalizedText? Problem)
{
    public bool Succeeded => Problem is null;

    internal static MarkdownMigrationResult Failed(LocalizedText problem) => new([], 0, 0, problem);
}

/// <summary>
/// Moves properties written in Markdown (Umbraco.MarkdownEditor) to rich text (Umbraco.RichText): the content type's
/// property takes a rich text data type, and every version's values become rich text that shows the same: the
/// HTML the page showed for the Markdown, sanitized and stored in Umbraco's <c>{markup, blocks}</c> form. Links, and
/// so the sources cited in the text, stay as they were. Run with the site stopped (see remarks).
/// </summary>
public interface IMarkdownToRichTextMigration
{
    /// <param name="properties">"contentType.property" names to move; empty for every Markdown property.</param>
    /// <param name="dataTypeAlias">The rich text data type to use; null when the site has exactly one.</param>
    Task<MarkdownMigrationResult> RunAsync(
        IReadOnlyCollection<string> properties, string? dataTypeAlias, string user, CancellationToken cancellationToken);
}

/// <remarks>
/// Every version is rewritten in place, history included, so a rollback or a comparison of versions never meets
/// Markdown in a rich text property. Published versions are cached by every running instance on the promise that a
/// version never changes, which this breaks once: the site's instances must be stopped while it runs (it is a
/// command-line verb for that reason) and start again on the new values. All or nothing: one transaction.
/// </remarks>
internal sealed class MarkdownToRichTextMigration(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IMarkdownRenderer markdown,
    TimeProvider clock) : IMarkdownToRichTextMigration
{
    private const int ChunkSize = 500;

    public async Task<MarkdownMigrationResult> RunAsync(
        IReadOnlyCollection<string> properties, string? dataTypeAlias, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var targets = schema.ContentTypes.Values
            .SelectMany(t => t.Properties.Where(p => p.EditorAlias == PropertyEditors.Markdown).Select(p => (Type: t.Alias, Property: p.Alias)))
            .Where(t => properties.Count == 0 || properties.Contains($"{t.Type}.{t.Property}", StringComparer.Ordinal))
            .ToList();
        var unmatched = properties.Where(name => !targets.Any(t => $"{t.Type}.{t.Property}" == name)).ToList();
        if (unmatched.Count > 0)
        {
            return MarkdownMigrationResult.Failed(MigrationMessages.NotMarkdownProperty.Format(string.Join(", ", unmatched)));
        }

        // Nothing to move needs no data type (a site with several rich text types need not name one then), and writes nothing.
        if (targets.Count == 0)
        {
            return new MarkdownMigrationResult([], 0, 0, null);
        }

        if (FindRichTextType(schema, dataTypeAlias) is not { } richText)
        {
            var known = string.Join(", ", schema.DataTypes.Values.Where(d => d.EditorAlias == PropertyEditors.RichText).Select(d => d.Alias).Order(StringComparer.Ordinal));
            return MarkdownMigrationResult.Failed(dataTypeAlias is null
                ? MigrationMessages.ChooseRichTextType.Format(known.Length == 0 ? "-" : known)
                : MigrationMessages.UnknownRichTextType.Format(dataTypeAlias, known.Length == 0 ? "-" : known));
        }

        var byType = targets.GroupBy(t => t.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Property).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        foreach (var record in await db.ContentTypes.Where(t => byType.Keys.Contains(t.Alias)).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            var type = ContentMapping.DeserializeType(record.DefinitionJson);
            var moving = byType[type.Alias];
            record.DefinitionJson = ContentMapping.Serialize(type with
            {
                Properties = [.. type.Properties.Select(p => moving.Contains(p.Alias) ? p with { DataTypeKey = richText.Key, EditorAlias = PropertyEditors.RichText } : p)],
            });
        }

        var (versions, values) = await ConvertVersionsAsync(db, byType, cancellationToken).ConfigureAwait(false);
        var names = targets.Select(t => $"{t.Type}.{t.Property}").Order(StringComparer.Ordinal).ToList();
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, user, AuditActions.Migrate, null, [],
            $"Markdown to rich text ({richText.Alias}): {string.Join(", ", names)}; {values} values in {versions} versions");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        schemaStore.Invalidate();
        return new MarkdownMigrationResult(names, versions, values, null);
    }

    private static DataType? FindRichTextType(ContentSchema schema, string? alias)
    {
        var candidates = schema.DataTypes.Values.Where(d => d.EditorAlias == PropertyEditors.RichText).ToList();
        return alias is null
            ? candidates.Count == 1 ? candidates[0] : null
            : candidates.FirstOrDefault(d => string.Equals(d.Alias, alias, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Converts the values of every version of every node of the types, a chunk of versions at a time.</summary>
    private async Task<(int Versions, int Values)> ConvertVersionsAsync(
        SiteDbContext db, Dictionary<string, HashSet<string>> byType, CancellationToken cancellationToken)
    {
        var nodeTypes = await db.Nodes.AsNoTracking()
            .Where(n => byType.Keys.Contains(n.ContentTypeAlias))
            .Select(n => new { n.Key, n.ContentTypeAlias })
            .ToDictionaryAsync(n => n.Key, n => n.ContentTypeAlias, cancellationToken).ConfigureAwait(false);
        var nodeKeys = nodeTypes.Keys.ToList();
        var (versions, values) = (0, 0);
        for (var start = 0; start < nodeKeys.Count; start += ChunkSize)
        {
            var chunk = nodeKeys.GetRange(start, Math.Min(ChunkSize, nodeKeys.Count - start));
            foreach (var version in await db.Versions.Where(v => chunk.Contains(v.NodeKey)).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                var data = ContentMapping.DeserializeData(version.DataJson);
                var moving = byType[nodeTypes[version.NodeKey]];
                var converted = 0;
                var newValues = data.Values.Select(v =>
                {
                    if (!moving.Contains(v.Alias) || string.IsNullOrWhiteSpace(v.Value))
                    {
                        return v;
                    }

                    converted++;
                    return v with { Value = ToRichText(v.Value) };
                }).ToList();
                if (converted > 0)
                {
                    version.DataJson = ContentMapping.Serialize(data with { Values = newValues });
                    versions++;
                    values += converted;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return (versions, values);
    }

    /// <summary>The Markdown as the rich text value that shows what the page showed for it.</summary>
    internal string ToRichText(string markdownText) =>
        EditorValues.NormalizeRichText(markdown.ToSafeHtml(markdownText).Trim());
}

internal static class MigrationMessages
{
    public static readonly LocalizedText ChooseRichTextType = LocalizedText.Of("Name the rich text data type to use; this site has: {0}.");
    public static readonly LocalizedText UnknownRichTextType = LocalizedText.Of("\"{0}\" is not a rich text data type; this site has: {1}.");
    public static readonly LocalizedText NotMarkdownProperty = LocalizedText.Of("Not a Markdown property (give contentType.property): {0}.");
}
