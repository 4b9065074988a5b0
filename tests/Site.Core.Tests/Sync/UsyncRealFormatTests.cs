using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Storage;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Sync;

/// <summary>
/// Folders in uSync's own format (tests/Fixtures: written for these tests from uSync's serializers and Umbraco's
/// editors, sample content only): a two-language v14+ site with every core editor, and a small Umbraco 13 one.
/// </summary>
public sealed class UsyncRealFormatTests
{
    private const string English = "en-US";
    private const string Danish = "da";
    private static readonly Guid Home = Guid.Parse("5a000000-0000-4000-8000-000000000190");
    private static readonly Guid Article = Guid.Parse("5a000000-0000-4000-8000-000000000191");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string V16 => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "uSync-v16");

    public static string V13 => Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "uSync-v9");

    [Fact]
    public async Task The_v16_fixture_imports_with_no_problems()
    {
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, V16, import: false);

        var result = await engine.Importer.ImportAsync(V16, "uSync", Ct);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(2, result.NodeCount);
        var schema = await engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct);
        Assert.Equal([Danish, English], schema.Languages.All.Select(l => l.IsoCode).Order(StringComparer.Ordinal));
        Assert.Equal(English, schema.Languages.Default!.IsoCode);
        Assert.Equal("Danish", schema.Languages.Find(Danish)!.Name);
        Assert.Equal(English, schema.Languages.Find(Danish)!.FallbackIsoCode);
        Assert.Equal(30, schema.DataTypes.Count);
        var landing = schema.FindContentType("landing")!;
        Assert.NotNull(landing.FindProperty("metaTitle")); // from the composition
        Assert.Equal(PropertyEditors.BlockGrid, landing.FindProperty("grid")!.EditorAlias);
    }

    [Fact]
    public void Languages_are_read_as_uSync_writes_them_and_as_this_site_wrote_them()
    {
        var (fixture, _) = UsyncReader.Read(V16);
        var (own, _) = UsyncReader.Read(RepositoryPaths.UsyncFolder);

        Assert.Contains(fixture!.Languages, l => l is { IsoCode: English, Name: "English (United States)", IsDefault: true, IsMandatory: true });
        Assert.Contains(own!.Languages, l => l is { IsoCode: "zh-CN", IsDefault: true, IsMandatory: true });
        Assert.Contains(own.Languages, l => l is { IsoCode: English, FallbackIsoCode: "zh-CN" });
    }

    [Fact]
    public void Data_types_keep_the_editor_UI_their_folder_names_and_a_uSync_13_folder_gets_the_core_one()
    {
        var (v16, _) = UsyncReader.Read(V16);
        var (v13, _) = UsyncReader.Read(V13);

        Assert.Equal("Umb.PropertyEditorUi.Slider", v16!.DataTypes.Single(d => d.Alias == "Slider").EditorUiAlias);
        Assert.Equal("Umb.PropertyEditorUi.Tiptap", v16.DataTypes.Single(d => d.EditorAlias == PropertyEditors.RichText).EditorUiAlias);
        // uSync 13 wrote <DatabaseType> and no UI: the editor's core one, TinyMCE's rich text as today's.
        Assert.Equal("Umb.PropertyEditorUi.TextBox", v13!.DataTypes.Single(d => d.Alias == "Textstring").EditorUiAlias);
        Assert.Equal("Umb.PropertyEditorUi.Tiptap", v13.DataTypes.Single(d => d.EditorAlias == PropertyEditors.RichText).EditorUiAlias);
        Assert.Equal("Umb.PropertyEditorUi.Toggle", v13.DataTypes.Single(d => d.EditorAlias == PropertyEditors.TrueFalse).EditorUiAlias);
    }

    [Fact]
    public void Dictionary_items_nested_under_a_parent_keep_their_translations()
    {
        var (package, problems) = UsyncReader.Read(V16);

        Assert.Empty(problems);
        var readMore = package!.Dictionary.Single(d => d.Alias == "Site.ReadMore");
        Assert.Equal("Læs mere", readMore.Translations[Danish]);
        Assert.Equal("Read more", readMore.Translations[English]);
        Assert.False(package.Dictionary.Single(d => d.Alias == "Site.Empty").Translations.ContainsKey(Danish));
    }

    [Fact]
    public void Dictionary_items_keep_the_parent_their_file_names_by_alias()
    {
        var (package, problems) = UsyncReader.Read(V16);

        Assert.Empty(problems);
        var byAlias = package!.Dictionary.ToDictionary(d => d.Alias);
        Assert.Null(byAlias["Site"].ParentKey);
        Assert.Equal(byAlias["Site"].Key, byAlias["Site.ReadMore"].ParentKey);
        Assert.Equal(byAlias["Site"].Key, byAlias["Site.Empty"].ParentKey);
        Assert.Equal(byAlias["Site.ReadMore"].Key, byAlias["Site.ReadMore.Short"].ParentKey);
    }

    [Fact]
    public void A_dictionary_item_whose_parent_is_missing_stays_at_the_top_and_a_loop_of_parents_is_a_problem()
    {
        var folder = TempFolders.NewPath("usync-dictionary");
        try
        {
            Copy(V16, folder);
            File.Delete(Path.Combine(folder, "Dictionary", "site.config"));

            var missing = UsyncReader.Read(folder, UsyncImportOptions.AllOrNothing);

            Assert.Empty(missing.Problems);
            Assert.Null(missing.Package!.Dictionary.Single(d => d.Alias == "Site.ReadMore").ParentKey);
            Assert.Contains(missing.Skipped, s => s.File == "Dictionary/site.readmore.config" && s.Problem.Contains("not in Dictionary", StringComparison.Ordinal));

            var readMore = Path.Combine(folder, "Dictionary", "site.readmore.config");
            File.WriteAllText(readMore, File.ReadAllText(readMore).Replace("<Parent>Site</Parent>", "<Parent>Site.ReadMore.Short</Parent>", StringComparison.Ordinal));

            var loop = UsyncReader.Read(folder, UsyncImportOptions.AllOrNothing);

            Assert.Null(loop.Package);
            Assert.Contains(loop.Problems, p => p.File == "Dictionary/site.readmore.config" && p.Problem.Contains("nested under itself", StringComparison.Ordinal));

            // Two items with one key are refused, not left to the database.
            File.WriteAllText(readMore, File.ReadAllText(readMore).Replace("<Parent>Site.ReadMore.Short</Parent>", string.Empty, StringComparison.Ordinal));
            var empty = Path.Combine(folder, "Dictionary", "site.empty.config");
            File.WriteAllText(empty, File.ReadAllText(empty).Replace("00000000000c", "00000000000b", StringComparison.Ordinal));

            var twice = UsyncReader.Read(folder, UsyncImportOptions.AllOrNothing);

            Assert.Null(twice.Package);
            Assert.Contains(twice.Problems, p => p.Problem.Contains("dictionary key", StringComparison.Ordinal));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Empty_markers_are_never_problems_rename_is_noted_and_delete_and_clean_trash_what_the_folder_no_longer_holds()
    {
        var folder = TempFolders.NewPath("usync-markers");
        try
        {
            Copy(V16, folder);
            var deleted = Guid.Parse("5a000000-0000-4000-8000-0000000001a0");
            var cleaned = Guid.Parse("5a000000-0000-4000-8000-0000000001a1");
            var article = File.ReadAllText(Path.Combine(folder, "Content", "getting-there.config"));
            File.WriteAllText(Path.Combine(folder, "Content", "deleted.config"), article.Replace(Article.ToString(), deleted.ToString(), StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "Content", "cleaned.config"), article.Replace(Article.ToString(), cleaned.ToString(), StringComparison.Ordinal));
            await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, folder, import: false);
            Assert.True((await engine.Importer.ImportAsync(folder, "uSync", Ct)).Succeeded);

            // As the next export writes it: one node deleted (a marker), one gone without one (the clean marker of its parent covers it).
            File.WriteAllText(Path.Combine(folder, "Content", "deleted.config"), $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Empty Key=\"{deleted}\" Alias=\"Deleted\" Change=\"Delete\" />\n");
            File.Delete(Path.Combine(folder, "Content", "cleaned.config"));

            var result = await engine.Importer.ImportAsync(folder, "uSync", Ct);

            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
            Assert.Contains(result.Skipped, s => s.File == "Content/moved-page.config" && s.Problem.Contains("renamed", StringComparison.Ordinal));
            Assert.Contains(result.Skipped, s => s.File == "Templates/landing.config" && s.Problem.Contains("Razor templates are not run", StringComparison.Ordinal));
            Assert.True((await engine.GetRequiredAsync(deleted)).Trashed);
            Assert.True((await engine.GetRequiredAsync(cleaned)).Trashed);
            Assert.Empty((await engine.GetRequiredAsync(cleaned)).PublishedCultures);
            Assert.False((await engine.GetRequiredAsync(Article)).Trashed);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task The_umbraco_13_fixture_imports_with_tinymce_as_rich_text_the_legacy_media_picker_and_comma_separated_tags()
    {
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, V13, import: false);

        var result = await engine.Importer.ImportAsync(V13, "uSync", Ct);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(1, result.NodeCount);
        var schema = await engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct);
        var page = schema.FindContentType("textPage")!;
        Assert.Equal(PropertyEditors.RichText, page.FindProperty("bodyText")!.EditorAlias);
        Assert.Equal(PropertyEditors.LegacyMediaPicker, page.FindProperty("photo")!.EditorAlias);
        Assert.Equal(80, schema.MaxChars(page.FindProperty("title")!));
        var node = await engine.GetRequiredAsync(Guid.Parse("5b000000-0000-4000-8000-000000000190"));
        Assert.Equal("""["sample","legacy"]""", node.CurrentVersion.Data.GetValue("keywords", null));
        Assert.Equal(["ar", English], node.PublishedCultures.Select(p => p.Culture));
        Assert.Contains(result.Skipped, s => s.File == "Templates/textpage.config");
        Assert.Contains(result.Skipped, s => s.File == "Domains" && s.Problem.Contains("not imported", StringComparison.Ordinal));
        var block = Assert.Single(EditorValues.Blocks(schema, node.CurrentVersion.Data.GetValue("blocks", null), English));
        Assert.Equal("A sample quote in an Umbraco 13 block.", block.Content.Value("quote"));
        Assert.Contains("\"contentElementTypeKey\"", schema.DataTypes.Values.Single(d => d.EditorAlias == PropertyEditors.BlockList).ConfigJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_with_an_unsupported_editor_is_refused_whole_by_default_and_imported_without_it_in_partial_mode()
    {
        var folder = TempFolders.NewPath("usync-partial");
        try
        {
            Copy(V16, folder);
            AddGridPage(folder);
            await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, folder, import: false);

            var refused = await engine.Importer.ImportAsync(folder, "uSync", Ct);

            Assert.False(refused.Succeeded);
            Assert.Contains(refused.Problems, p => p.File == "DataTypes/grid.config" && p.Problem.Contains("\"Umbraco.Grid\" is not supported", StringComparison.Ordinal));
            Assert.Contains(refused.Problems, p => p.File == "ContentTypes/gridpage.config");
            Assert.Equal(0, (await engine.CountRowsAsync()).Nodes);

            var partial = await engine.Importer.ImportAsync(folder, "uSync", new UsyncImportOptions(Partial: true), Ct);

            Assert.True(partial.Succeeded, string.Join(Environment.NewLine, partial.Problems));
            Assert.Equal(2, partial.NodeCount);
            Assert.Contains(partial.Skipped, p => p.File == "DataTypes/grid.config" && p.Problem.Contains("not supported", StringComparison.Ordinal));
            Assert.Contains(partial.Skipped, p => p.File == "ContentTypes/gridpage.config");
            Assert.Contains(partial.Skipped, p => p.File == "Content/grid-page.config" && p.Problem.Contains("gridPage", StringComparison.Ordinal));
            Assert.Null(await engine.Content.GetAsync(Guid.Parse("5a000000-0000-4000-8000-0000000001b0"), Ct));
            Assert.False((await engine.GetRequiredAsync(Home)).Trashed);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    /// <summary>A data type of Umbraco's old grid (gone since Umbraco 14), a type using it and a node of that type.</summary>
    private static void AddGridPage(string folder)
    {
        var grid = Guid.Parse("5a000000-0000-4000-8000-0000000001b1");
        File.WriteAllText(Path.Combine(folder, "DataTypes", "grid.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <DataType Key="{grid}" Alias="Grid" Level="1">
              <Info>
                <Name>Grid</Name>
                <EditorAlias>Umbraco.Grid</EditorAlias>
                <DatabaseType>Ntext</DatabaseType>
              </Info>
              <Config><![CDATA[{"items": 1}]]></Config>
            </DataType>
            """);
        var richText = Guid.Parse("5a000000-0000-4000-8000-000000000068");
        var type = File.ReadAllText(Path.Combine(folder, "ContentTypes", "article.config"))
            .Replace("Alias=\"article\"", "Alias=\"gridPage\"", StringComparison.Ordinal)
            .Replace("5a000000-0000-4000-8000-00000000012f", "5a000000-0000-4000-8000-0000000001b2", StringComparison.Ordinal)
            .Replace(richText.ToString(), grid.ToString(), StringComparison.Ordinal)
            .Replace("Umbraco.RichText", "Umbraco.Grid", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "ContentTypes", "gridpage.config"), type);
        var node = File.ReadAllText(Path.Combine(folder, "Content", "getting-there.config"))
            .Replace(Article.ToString(), "5a000000-0000-4000-8000-0000000001b0", StringComparison.Ordinal)
            .Replace("<ContentType>article</ContentType>", "<ContentType>gridPage</ContentType>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "Content", "grid-page.config"), node);
    }

    [Fact]
    public void Umbraco_14_blocks_are_read_in_umbraco_15s_shape()
    {
        var (package, _) = UsyncReader.Read(V16);
        var types = package!.ContentTypes.ToDictionary(t => t.Key);
        var element = Guid.Parse("5a000000-0000-4000-8000-0000000000c8");
        var key = Guid.Parse("5a000000-0000-4000-8000-0000000001c0");
        var v14 = $$"""
            {"layout": {"Umbraco.BlockList": [{"contentUdi": "umb://element/{{key:N}}", "settingsUdi": null}]},
             "contentData": [{"contentTypeKey": "{{element}}", "udi": "umb://element/{{key:N}}", "text": "Sample text in a v14 block."}],
             "settingsData": []}
            """;
        var richText = $$"""{"markup": "<p>x</p><umb-rte-block data-content-udi=\"umb://element/{{key:N}}\"></umb-rte-block>", "blocks": {{v14.Replace("Umbraco.BlockList", "Umbraco.TinyMCE", StringComparison.Ordinal)}}}""";

        var list = UsyncValues.UpgradeBlocks(v14, PropertyEditors.BlockList, types.GetValueOrDefault, null);
        var text = UsyncValues.UpgradeBlocks(richText, PropertyEditors.RichText, types.GetValueOrDefault, null);

        var schema = new ContentSchema(new Languages.LanguageSet(package.Languages), package.DataTypes, package.Dictionary, package.ContentTypes);
        var block = Assert.Single(EditorValues.Blocks(schema, list, English));
        Assert.Equal(key, block.Content.Key);
        Assert.Equal("Sample text in a v14 block.", block.Content.Value("text"));
        var rich = EditorValues.RichText(schema, text, English)!;
        Assert.Contains($"data-content-key=\"{key}\"", rich.Markup, StringComparison.Ordinal);
        Assert.Equal("Sample text in a v14 block.", Assert.Single(rich.Blocks).Content.Value("text"));
    }

    internal static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
