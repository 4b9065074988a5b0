using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Sync;

/// <summary>UsyncImporter with well-formed folders: what the real content gives, and that importing again changes nothing.</summary>
public sealed class UsyncImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_real_folder_gives_38_nodes_2_languages_and_12_document_types_and_9_element_types(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database, import: false);

        var result = await engine.Importer.ImportAsync(RepositoryPaths.UsyncFolder, "uSync", Ct);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(KnownContent.NodeCount, result.NodeCount);
        var counts = await engine.CountRowsAsync();
        Assert.Equal(KnownContent.NodeCount, counts.Nodes);
        Assert.Equal(KnownContent.NodeCount, counts.Versions);
        Assert.Equal(KnownContent.NodeCount * 2, counts.PublishedCultures);
        Assert.Equal(2, counts.Languages);
        Assert.Equal(20, counts.DataTypes);
        Assert.Equal(228, counts.DictionaryItems);
        Assert.Equal(21, counts.ContentTypes);

        var schema = await engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct);
        Assert.Equal(9, schema.ContentTypes.Values.Count(t => t.IsElement));
        var chinese = schema.Languages.Default!;
        Assert.Equal(Chinese, chinese.IsoCode);
        Assert.True(chinese.IsMandatory);
        Assert.Equal([Chinese], schema.Languages.Mandatory.Select(l => l.IsoCode));
        Assert.False(schema.Languages.Find(English)!.IsDefault);
        Assert.Equal(Chinese, schema.Languages.Find(English)!.FallbackIsoCode);
        Assert.Equal(
            ["about", "home", "newsArticle", "newsIndex", "page", "partnerIndex", "partnerStory", "session", "sessionArchive", "siteSettings", "speaker", "speakerIndex"],
            schema.ContentTypes.Values.Where(t => !t.IsElement).Select(t => t.Alias).Order(StringComparer.Ordinal));
        // Every document type names its template except the settings, which hold data only.
        Assert.Equal(["siteSettings"], schema.ContentTypes.Values.Where(t => !t.IsElement && !t.HasTemplate).Select(t => t.Alias));
        Assert.Equal(200, schema.MaxChars(schema.FindContentType("session")!.FindProperty("title")!));

        var snapshot = engine.Snapshots.Current;
        Assert.Equal(KnownContent.NodeCount, snapshot.Count);
        Assert.Equal(20, snapshot.OfType("session").Count());
        Assert.Equal(6, snapshot.OfType("partnerStory").Count());
        Assert.Equal(4, snapshot.OfType("newsArticle").Count());
        Assert.Equal(["about", "sessionArchive", "partnerIndex", "newsIndex", "page", "speakerIndex"], snapshot.Home!.AllChildren.Select(c => c.ContentTypeAlias));
        Assert.Equal([KnownContent.Home, KnownContent.SiteSettings], snapshot.Roots.Select(r => r.Key));
        Assert.False(snapshot.GetByKey(KnownContent.SiteSettings)!.IsPage);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Imported_nodes_keep_their_keys_levels_sort_orders_and_create_dates(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var session = await engine.GetRequiredAsync(Session13);

        Assert.Equal(Sessions, session.ParentKey);
        Assert.Equal("session", session.ContentTypeAlias);
        Assert.Equal(3, session.Level);
        Assert.Equal(13, session.SortOrder);
        Assert.Equal(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), session.CreateDateUtc);
        Assert.Equal(DateTimeKind.Utc, session.CreateDateUtc.Kind);
        Assert.Equal("第十三届 (2017)", session.CurrentVersion.Data.GetName(Chinese));
        Assert.Equal("uSync", session.CurrentVersion.CreatedBy);
        Assert.Equal([English, Chinese], session.PublishedCultures.Select(p => p.Culture));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Importing_the_same_folder_again_makes_no_new_versions(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var before = await engine.CountRowsAsync();
        var session = await engine.GetRequiredAsync(Session13);

        var result = await engine.Importer.ImportAsync(RepositoryPaths.UsyncFolder, "uSync", Ct);

        Assert.True(result.Succeeded);
        var after = await engine.CountRowsAsync();
        Assert.Equal(before with { Audit = after.Audit }, after);
        var again = await engine.GetRequiredAsync(Session13);
        Assert.Equal(session.CurrentVersion, again.CurrentVersion with { Data = session.CurrentVersion.Data });
        Assert.Equal(ContentJson(session.CurrentVersion.Data), ContentJson(again.CurrentVersion.Data));
        Assert.Equal(session.PublishedCultures, again.PublishedCultures);
        Assert.Equal(session.InvariantPublishedVersionId, again.InvariantPublishedVersionId);
        Assert.Equal(KnownContent.NodeCount, engine.Snapshots.Current.Count);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Importing_the_same_folder_again_leaves_the_update_dates_alone(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var lastUpdated = engine.Snapshots.Current.LastUpdatedUtc;
        var updated = (await engine.GetRequiredAsync(Session13)).UpdateDateUtc;

        await engine.Importer.ImportAsync(RepositoryPaths.UsyncFolder, "uSync", Ct);

        Assert.Equal(updated, (await engine.GetRequiredAsync(Session13)).UpdateDateUtc);
        Assert.Equal(lastUpdated, engine.Snapshots.Current.LastUpdatedUtc);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Importing_over_an_edited_node_adds_a_version_and_publishes_the_folder_state(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "a draft"));

        var result = await engine.Importer.ImportAsync(RepositoryPaths.UsyncFolder, "uSync", Ct);

        Assert.True(result.Succeeded);
        var node = await engine.GetRequiredAsync(Session13);
        Assert.Equal(3, node.CurrentVersion.Number);
        Assert.Null(node.CurrentVersion.Data.GetValue("attendees", English));
        Assert.All(node.PublishedCultures, p => Assert.Equal(node.CurrentVersion.Id, p.VersionId));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_small_folder_imports_its_published_cultures_only(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(database, folder.Root);

        var snapshot = engine.Snapshots.Current;
        Assert.Equal(3, snapshot.Count);
        Assert.Equal("/en/first-article", snapshot.GetByKey(MiniUsyncFolder.FirstKey)!.Url(English));
        Assert.Equal("/zh/第二篇", snapshot.GetByKey(MiniUsyncFolder.SecondKey)!.Url(Chinese));
        Assert.Null(snapshot.GetByKey(MiniUsyncFolder.SecondKey)!.Url(English));
        Assert.Equal(2, (await engine.CountRowsAsync()).ContentTypes);
        await using var db = engine.CreateDbContext();
        Assert.Equal(5, await db.PublishedCultures.CountAsync(Ct));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_node_published_in_no_culture_is_imported_as_a_draft(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("second", MiniUsyncFolder.Second() with { PublishedCultures = [] });
        await using var engine = await TestEngine.StartAsync(database, folder.Root);

        var node = await engine.GetRequiredAsync(MiniUsyncFolder.SecondKey);

        Assert.False(node.IsPublishedInAnyCulture);
        Assert.Null(node.InvariantPublishedVersionId);
        Assert.Null(engine.Snapshots.Current.GetByKey(MiniUsyncFolder.SecondKey));
        Assert.Equal(2, engine.Snapshots.Current.Count);
    }

    private static string ContentJson(ContentData data) => System.Text.Json.JsonSerializer.Serialize(data);
}
