using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Tests.TestSupport;

/// <summary>Shortcuts for tests: reading nodes, saving edits, creating pages, and counting rows in the database.</summary>
internal static class TestEngineExtensions
{
    public const string Editor = "test-editor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ContentNode> GetRequiredAsync(this TestEngine engine, Guid key) =>
        await engine.Content.GetAsync(key, Ct) ?? throw new InvalidOperationException($"node {key} not found");

    public static Task<SaveResult> SaveAsync(this TestEngine engine, ContentEdit edit) =>
        engine.Content.SaveAsync(edit, Editor, Ct);

    /// <summary>Saves a new version of an existing node with its data changed by <paramref name="change"/>.</summary>
    public static async Task<SaveResult> EditAsync(this TestEngine engine, Guid key, Func<ContentData, ContentData> change, int? expectedVersion = null)
    {
        var node = await engine.GetRequiredAsync(key);
        return await engine.SaveAsync(new ContentEdit(node.Key, node.ParentKey, node.ContentTypeAlias, change(node.CurrentVersion.Data), null, expectedVersion));
    }

    /// <summary>Saves (does not publish) a new "page" with the given names, optional URL segment override and sort order.</summary>
    public static async Task<ContentNode> CreatePageAsync(
        this TestEngine engine,
        Guid parentKey,
        string chineseName,
        string englishName,
        string? urlName = null,
        int? sortOrder = null)
    {
        var values = new List<(string, string?, string)>
        {
            ("title", KnownContent.Chinese, chineseName),
            ("title", KnownContent.English, englishName),
        };
        if (urlName is not null)
        {
            values.Add(("umbracoUrlName", KnownContent.Chinese, urlName));
            values.Add(("umbracoUrlName", KnownContent.English, urlName));
        }

        var data = ContentDataExtensions.Create([(KnownContent.Chinese, chineseName), (KnownContent.English, englishName)], [.. values]);
        var result = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), parentKey, "page", data, sortOrder));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.ToString())));
        return result.Node!;
    }

    /// <summary>The Markdown data type of the repository's uSync folder (no type uses it since the move to rich text).</summary>
    public static readonly Guid MarkdownDataType = Guid.Parse("f844e142-fae9-5d9f-934c-c8973776311c");

    /// <summary>
    /// Makes a property Markdown again, as a database made before the move to rich text had it; its stored values are
    /// replaced by <paramref name="markdown"/> (every version), so that no value of the wrong shape is left behind.
    /// </summary>
    public static async Task UseMarkdownAsync(this TestEngine engine, string typeAlias, string propertyAlias, string markdown = "Text in *Markdown*.")
    {
        await using (var db = engine.CreateDbContext())
        {
            var record = await db.ContentTypes.SingleAsync(t => t.Alias == typeAlias, Ct);
            var type = ContentMapping.DeserializeType(record.DefinitionJson);
            record.DefinitionJson = ContentMapping.Serialize(type with
            {
                Properties = [.. type.Properties.Select(p => p.Alias == propertyAlias
                    ? p with { EditorAlias = PropertyEditors.Markdown, DataTypeKey = MarkdownDataType }
                    : p)],
            });
            var nodes = await db.Nodes.Where(n => n.ContentTypeAlias == typeAlias).Select(n => n.Key).ToListAsync(Ct);
            foreach (var version in await db.Versions.Where(v => nodes.Contains(v.NodeKey)).ToListAsync(Ct))
            {
                var data = ContentMapping.DeserializeData(version.DataJson);
                version.DataJson = ContentMapping.Serialize(data with
                {
                    Values = [.. data.Values.Select(v => v.Alias == propertyAlias && v.Value.Length > 0 ? v with { Value = markdown } : v)],
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        engine.Services.GetRequiredService<IContentSchemaStore>().Invalidate();
        await engine.Snapshots.RebuildAsync(Ct);
    }

    public static SiteDbContext CreateDbContext(this TestEngine engine) =>
        engine.Services.GetRequiredService<ISiteDbContextFactory>().Create();

    /// <summary>How many rows each table holds: to prove that a refused operation wrote nothing.</summary>
    public static async Task<DatabaseCounts> CountRowsAsync(this TestEngine engine)
    {
        await using var db = engine.CreateDbContext();
        return new DatabaseCounts(
            await db.Languages.CountAsync(Ct),
            await db.DataTypes.CountAsync(Ct),
            await db.DictionaryItems.CountAsync(Ct),
            await db.ContentTypes.CountAsync(Ct),
            await db.Nodes.CountAsync(Ct),
            await db.Versions.CountAsync(Ct),
            await db.PublishedCultures.CountAsync(Ct),
            await db.ChangeJournal.CountAsync(Ct),
            await db.Audit.CountAsync(Ct));
    }
}

internal sealed record DatabaseCounts(
    int Languages, int DataTypes, int DictionaryItems, int ContentTypes, int Nodes, int Versions, int PublishedCultures, int ChangeJournal, int Audit);
