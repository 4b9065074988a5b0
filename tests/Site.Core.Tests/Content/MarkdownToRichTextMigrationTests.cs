using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Storage;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// The Markdown → rich text migration on a database made before the move: the property takes the rich text data
/// type, every version (history included) becomes rich text that shows what the Markdown showed, and a site started
/// on the database afterwards serves it; a wrong request changes nothing.
/// </summary>
public sealed class MarkdownToRichTextMigrationTests
{
    /// <summary>The site has two rich text data types (the short one beside a photo): the migration is told which.</summary>
    private const string RichTextType = "Rich text";

    private const string Published = """
        ## Where it was held

        The 13th session was held in [Nanjing](https://example.org/nanjing) ([S7]), with **two** days of *visits*.

        - keynotes
        - school visits

        | City | Schools |
        | --- | --- |
        | Nanjing | 12 |

        > Learning from one another.
        """;

    private const string Draft = "A draft written after publishing, with a [link](/en/sessions/).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Every_version_becomes_rich_text_that_shows_what_the_Markdown_showed(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.UseMarkdownAsync("page", "bodyText");
        var page = await engine.CreatePageAsync(About, "迁移", "Migration");
        Assert.True((await engine.EditAsync(page.Key, d => d.WithValue("bodyText", English, Published).WithValue("bodyText", Chinese, "## 地点\n\n在南京举行。"))).Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(page.Key, [Chinese, English], TestEngineExtensions.Editor, Ct)).Succeeded);
        Assert.True((await engine.EditAsync(page.Key, d => d.WithValue("bodyText", English, Draft))).Succeeded);
        var markdownHtml = engine.Services.GetRequiredService<IMarkdownRenderer>().ToSafeHtml(Published);
        var valuesBefore = await CountBodyValuesAsync(engine);

        var result = await Migration(engine).RunAsync(["page.bodyText"], RichTextType, "test", Ct);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal(["page.bodyText"], result.Properties);
        Assert.Equal(valuesBefore, result.ValuesConverted);
        var schema = await engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct);
        var property = schema.FindContentType("page")!.FindProperty("bodyText")!;
        Assert.Equal(PropertyEditors.RichText, property.EditorAlias);
        Assert.Equal(PropertyEditors.RichText, schema.DataTypes[property.DataTypeKey].EditorAlias);

        // History too: no version of the page keeps Markdown.
        await using (var db = engine.CreateDbContext())
        {
            var versions = await db.Versions.AsNoTracking().Where(v => v.NodeKey == page.Key).ToListAsync(Ct);
            Assert.True(versions.Count >= 3);
            foreach (var value in versions.SelectMany(v => ContentMapping.DeserializeData(v.DataJson).Values).Where(v => v.Alias == "bodyText"))
            {
                using var json = JsonDocument.Parse(value.Value);
                Assert.Equal(["markup", "blocks"], json.RootElement.EnumerateObject().Select(p => p.Name));
            }

            Assert.Contains(await db.Audit.AsNoTracking().ToListAsync(Ct), a => a.Action == AuditActions.Migrate && a.Detail!.Contains("page.bodyText", StringComparison.Ordinal));
        }

        // A site started afterwards shows the same structure, words and links; the draft stays a draft.
        await using var restarted = await engine.StartSecondInstanceAsync();
        var live = restarted.GetRequiredService<IPublishedSnapshotService>().Current.GetByKey(page.Key)!;
        var html = live.HtmlValue("bodyText", English)!;
        Assert.Equal(Outline(markdownHtml), Outline(html));
        Assert.Contains("href=\"https://example.org/nanjing\"", html, StringComparison.Ordinal);
        Assert.Contains("[S7]", html, StringComparison.Ordinal);
        Assert.Contains("<h2>地点</h2>", live.HtmlValue("bodyText", Chinese)!, StringComparison.Ordinal);
        var draft = EditorValues.RichTextMarkup((await engine.GetRequiredAsync(page.Key)).CurrentVersion.Data.GetValue("bodyText", English));
        Assert.Equal("<p>A draft written after publishing, with a <a href=\"/en/sessions/\">link</a>.</p>", draft);
    }

    [Fact]
    public async Task A_property_that_is_not_Markdown_or_an_unknown_data_type_changes_nothing()
    {
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite);
        await engine.UseMarkdownAsync("page", "bodyText");
        var before = await SnapshotOfDatabaseAsync(engine);

        var notMarkdown = await Migration(engine).RunAsync(["page.title", "page.bodyText"], RichTextType, "test", Ct);
        var unknownType = await Migration(engine).RunAsync([], "noSuchType", "test", Ct);
        var unnamed = await Migration(engine).RunAsync([], null, "test", Ct);

        Assert.False(notMarkdown.Succeeded);
        Assert.Contains("page.title", notMarkdown.Problem!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("page.bodyText", notMarkdown.Problem!.ToString(), StringComparison.Ordinal);
        Assert.False(unknownType.Succeeded);
        Assert.Contains("noSuchType", unknownType.Problem!.ToString(), StringComparison.Ordinal);
        Assert.False(unnamed.Succeeded);
        Assert.Contains("Rich text, Rich text (short)", unnamed.Problem!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotOfDatabaseAsync(engine));
    }

    [Fact]
    public async Task The_repositorys_content_has_no_Markdown_left_to_move()
    {
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite);

        // Nothing to move: no data type needs naming, though the site has two rich text types.
        var result = await Migration(engine).RunAsync([], null, "test", Ct);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Empty(result.Properties);
        Assert.Equal(0, result.ValuesConverted);
    }

    private static IMarkdownToRichTextMigration Migration(TestEngine engine) =>
        engine.Services.GetRequiredService<IMarkdownToRichTextMigration>();

    private static async Task<int> CountBodyValuesAsync(TestEngine engine)
    {
        await using var db = engine.CreateDbContext();
        var pages = await db.Nodes.Where(n => n.ContentTypeAlias == "page").Select(n => n.Key).ToListAsync(Ct);
        var versions = await db.Versions.AsNoTracking().Where(v => pages.Contains(v.NodeKey)).Select(v => v.DataJson).ToListAsync(Ct);
        return versions.Sum(json => ContentMapping.DeserializeData(json).Values.Count(v => v.Alias == "bodyText" && !string.IsNullOrWhiteSpace(v.Value)));
    }

    private static async Task<string> SnapshotOfDatabaseAsync(TestEngine engine)
    {
        await using var db = engine.CreateDbContext();
        var types = await db.ContentTypes.AsNoTracking().OrderBy(t => t.Alias).Select(t => t.DefinitionJson).ToListAsync(Ct);
        var versions = await db.Versions.AsNoTracking().OrderBy(v => v.Id).Select(v => v.DataJson).ToListAsync(Ct);
        var audit = await db.Audit.CountAsync(Ct);
        return string.Join('\n', types.Concat(versions).Append(audit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Each element's name and own words, in order: what a reader sees, whatever the attributes.</summary>
    private static List<string> Outline(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        return [.. document.Body!.QuerySelectorAll("*").Select(e => $"{e.LocalName}: {e.TextContent.Trim()}")];
    }
}
