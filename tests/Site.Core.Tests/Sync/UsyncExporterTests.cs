using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Sync;

/// <summary>UsyncExporter: the export is what the importer reads, and export → import → export is byte-identical.</summary>
public sealed class UsyncExporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Export_import_export_is_byte_identical_and_the_sites_match(TestDatabase database)
    {
        var folderA = TempFolders.NewPath("export-a");
        var folderB = TempFolders.NewPath("export-b");
        try
        {
            await using var original = await TestEngine.StartAsync(database);
            var written = await original.Exporter.ExportAsync(folderA, Ct);

            await using var copy = await TestEngine.StartAsync(database, folderA);
            await copy.Exporter.ExportAsync(folderB, Ct);

            var a = TempFolders.ReadAll(folderA);
            var b = TempFolders.ReadAll(folderB);
            Assert.Equal(written, a.Count);
            Assert.Equal(a.Keys, b.Keys);
            foreach (var (path, bytes) in a)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs after export → import → export");
            }

            AssertSameSite(original.Snapshots.Current, copy.Snapshots.Current);
        }
        finally
        {
            TempFolders.Delete(folderA);
            TempFolders.Delete(folderB);
        }
    }

    [Fact]
    public async Task Exporting_the_imported_repository_folder_writes_its_files_byte_for_byte()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();

            await engine.Exporter.ExportAsync(folder, Ct);

            var exported = TempFolders.ReadAll(folder);
            var repository = TempFolders.ReadAll(RepositoryPaths.UsyncFolder);
            Assert.Equal(repository.Keys, exported.Keys);
            foreach (var (path, bytes) in repository)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(exported[path]), $"uSync/v14/{path} is not what an export writes: re-export the folder");
            }
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Files_are_written_as_uSync_saves_them()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();

            await engine.Exporter.ExportAsync(folder, Ct);

            var language = await File.ReadAllBytesAsync(Path.Combine(folder, "Languages", "en-us.config"), Ct);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, language[..3]);
            Assert.Equal((byte)'>', language[^1]);
            var root = XDocument.Parse(Encoding.UTF8.GetString(language.AsSpan(3))).Root!;
            Assert.Null(root.Element("Info"));
            Assert.Equal(["Name", "IsoCode", "IsMandatory", "IsDefault", "Fallback"], root.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("zh-CN", (string?)root.Element("Fallback"));

            var dataType = XDocument.Load(Path.Combine(folder, "DataTypes", "blocklist.config")).Root!;
            var config = dataType.Element("Config")!.Value;
            Assert.StartsWith("{\n  \"blocks\": [\n    {\n", config, StringComparison.Ordinal);

            var session = XDocument.Load(Path.Combine(folder, "Content", "第十三届-2017.config")).Root!;
            Assert.Equal("///", (string?)session.Element("Info")!.Element("Path"));
            var story = XDocument.Load(Path.Combine(folder, "Content", "苏州-皮尔.config")).Root!;
            Assert.Equal("第十三届 (2017)", (string?)session.Attribute("Alias"));
            Assert.StartsWith("/", (string?)story.Element("Info")!.Element("Path"), StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_data_type_names_its_editor_UI_as_uSync_14_writes_it_and_keeps_the_one_its_folder_named()
    {
        var source = TempFolders.NewPath("usync-v16");
        var folder = TempFolders.NewPath("export");
        var second = TempFolders.NewPath("export");
        try
        {
            UsyncRealFormatTests.Copy(UsyncRealFormatTests.V16, source);
            var slider = Path.Combine(source, "DataTypes", "slider.config");
            File.WriteAllText(slider, File.ReadAllText(slider).Replace("Umb.PropertyEditorUi.Slider", "Acme.PropertyEditorUi.Range", StringComparison.Ordinal));
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, source))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            var info = XDocument.Load(Path.Combine(folder, "DataTypes", "slider.config")).Root!.Element("Info")!;
            Assert.Equal(["Name", "EditorAlias", "EditorUIAlias"], info.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("Acme.PropertyEditorUi.Range", (string?)info.Element("EditorUIAlias"));
            var textBox = XDocument.Load(Path.Combine(folder, "DataTypes", "textstring.config")).Root!.Element("Info")!;
            Assert.Equal("Umb.PropertyEditorUi.TextBox", (string?)textBox.Element("EditorUIAlias"));

            await using (var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder))
            {
                await copy.Exporter.ExportAsync(second, Ct);
            }

            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "DataTypes")))
            {
                Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(Path.Combine(second, "DataTypes", Path.GetFileName(file)), Ct));
            }
        }
        finally
        {
            TempFolders.Delete(source);
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Fact]
    public async Task A_content_type_info_holds_uSync_14s_elements_in_its_order()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();

            await engine.Exporter.ExportAsync(folder, Ct);

            var home = XDocument.Load(Path.Combine(folder, "ContentTypes", "home.config")).Root!.Element("Info")!;
            Assert.Equal(
                ["Name", "Icon", "Thumbnail", "Description", "AllowAtRoot", "ListView", "Variations", "IsElement", "HistoryCleanup", "Compositions", "DefaultTemplate", "AllowedTemplates"],
                home.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("True", (string?)home.Element("AllowAtRoot"));
            Assert.Equal(Guid.Empty.ToString(), (string?)home.Element("ListView"));
            Assert.Equal(
                [("PreventCleanup", "False"), ("KeepAllVersionsNewerThanDays", string.Empty), ("KeepLatestVersionPerDayForDays", string.Empty)],
                home.Element("HistoryCleanup")!.Elements().Select(e => (e.Name.LocalName, e.Value)));
            Assert.Equal("home", (string?)home.Element("DefaultTemplate"));
            var allowed = Assert.Single(home.Element("AllowedTemplates")!.Elements("Template"));
            Assert.Equal("home", allowed.Value);
            Assert.True(Guid.TryParse((string?)allowed.Attribute("Key"), out _));

            // Its own properties by alias and its tabs by key, as uSync orders them.
            var type = XDocument.Load(Path.Combine(folder, "ContentTypes", "home.config")).Root!;
            var aliases = type.Element("GenericProperties")!.Elements().Select(p => (string)p.Element("Alias")!).ToList();
            Assert.True(aliases.Count > 1);
            Assert.Equal(aliases.Order(StringComparer.InvariantCulture), aliases);
            var tabs = type.Element("Tabs")!.Elements().Select(t => Guid.Parse((string)t.Element("Key")!)).ToList();
            Assert.Equal(tabs.Order(), tabs);

            // An element type and a data-only type name no template.
            foreach (var file in new[] { "quoteblock.config", "sitesettings.config" })
            {
                var info = XDocument.Load(Path.Combine(folder, "ContentTypes", file)).Root!.Element("Info")!;
                Assert.Equal(string.Empty, (string?)info.Element("DefaultTemplate"));
                Assert.Empty(info.Element("AllowedTemplates")!.Elements());
            }
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_composed_type_names_its_compositions_and_writes_only_its_own_properties_and_tabs()
    {
        var folder = TempFolders.NewPath("export");
        var second = TempFolders.NewPath("export");
        try
        {
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, UsyncRealFormatTests.V16))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            var landing = XDocument.Load(Path.Combine(folder, "ContentTypes", "landing.config")).Root!;
            var composition = Assert.Single(landing.Element("Info")!.Element("Compositions")!.Elements("Composition"));
            Assert.Equal("seoComposition", composition.Value);
            Assert.Equal("5a000000-0000-4000-8000-00000000012d", (string?)composition.Attribute("Key"));
            var own = landing.Element("GenericProperties")!.Elements().Select(p => (string)p.Element("Alias")!).ToList();
            Assert.DoesNotContain("metaTitle", own);
            Assert.NotEmpty(own);

            // Read back, the composition's properties are the type's again, and a second export is the same, byte for byte.
            await using (var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder))
            {
                Assert.NotNull(copy.Snapshots.Current.Schema.FindContentType("landing")!.FindProperty("metaTitle"));
                await copy.Exporter.ExportAsync(second, Ct);
            }

            var a = TempFolders.ReadAll(folder);
            var b = TempFolders.ReadAll(second);
            Assert.Equal(a.Keys, b.Keys);
            foreach (var (path, bytes) in a)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs after export → import → export of the uSync 16 fixture");
            }
        }
        finally
        {
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Fact]
    public async Task Nested_dictionary_items_are_written_with_their_level_and_parent_as_uSync_writes_them()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, UsyncRealFormatTests.V16))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            var top = XDocument.Load(Path.Combine(folder, "Dictionary", "site.config")).Root!;
            Assert.Equal("0", (string?)top.Attribute("Level"));
            Assert.Empty(top.Element("Info")!.Elements());
            var child = XDocument.Load(Path.Combine(folder, "Dictionary", "site.readmore.config")).Root!;
            Assert.Equal("1", (string?)child.Attribute("Level"));
            Assert.Equal("Site", (string?)child.Element("Info")!.Element("Parent"));
            var grandchild = XDocument.Load(Path.Combine(folder, "Dictionary", "site.readmore.short.config")).Root!;
            Assert.Equal("2", (string?)grandchild.Attribute("Level"));
            Assert.Equal("Site.ReadMore", (string?)grandchild.Element("Info")!.Element("Parent"));
            Assert.Equal(["Parent"], grandchild.Element("Info")!.Elements().Select(e => e.Name.LocalName));

            // The repository's items are not nested: all at the top, with an empty <Info />.
            var flat = XDocument.Load(Path.Combine(RepositoryPaths.UsyncFolder, "Dictionary", "validation.year.config")).Root!;
            Assert.Equal("0", (string?)flat.Attribute("Level"));
            Assert.Empty(flat.Element("Info")!.Elements());
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Theory]
    [InlineData("Simple Homepage", "SimpleHomepage")]
    [InlineData("Wuxi ByCirklen", "WuxiByCirklen")]
    [InlineData("13th Forum (2017)", "thForum2017")]
    [InlineData("第十三届 (2017)", "")]
    [InlineData("Block list", "BlockList")]
    [InlineData("第十三届论坛", "")]
    [InlineData("第十三届 Forum", "Forum")]
    [InlineData("苏州 Suzhou 2025", "Suzhou2025")]
    [InlineData("2025 苏州", "")]
    [InlineData("１２３ＡＢＣ", "ABC")]
    [InlineData("_hidden value", "hiddenValue")]
    [InlineData("A 1b", "AB")]
    [InlineData("Don't stop", "DontStop")]
    [InlineData("index.html", "indexhtml")]
    [InlineData("C++ & C#", "CplusplusC")]
    [InlineData("Café Straße", "CafeStrasse")]
    [InlineData("Øresund Brücke", "OresundBruecke")]
    [InlineData("🎉 Party time", "PartyTime")]
    [InlineData("camelCase and ABC", "camelCaseAndABC")]
    public void A_path_segment_is_the_name_made_a_safe_alias_as_Umbraco_does(string name, string expected) =>
        Assert.Equal(expected, Site.Core.Sync.UsyncExporter.SafeAlias(name));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_export_holds_every_language_data_type_dictionary_item_content_type_and_node(TestDatabase database)
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync(database);

            var written = await engine.Exporter.ExportAsync(folder, Ct);

            var files = TempFolders.ReadAll(folder).Keys.ToList();
            Assert.Equal(2 + 20 + 228 + 21 + KnownContent.NodeCount, written);
            Assert.Equal(written, files.Count);
            Assert.Equal(["Languages/en-us.config", "Languages/zh-cn.config"], files.Where(f => f.StartsWith("Languages/", StringComparison.Ordinal)));
            Assert.Equal(KnownContent.NodeCount, files.Count(f => f.StartsWith("Content/", StringComparison.Ordinal)));
            Assert.Contains("Content/首页.config", files);
            Assert.Contains("Content/第十三届-2017.config", files);
            Assert.Contains("ContentTypes/session.config", files);
            Assert.Contains("Dictionary/validation.year.config", files);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_content_file_says_what_is_published_and_holds_every_value()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            await engine.Publishing.UnpublishAsync(Session13, English, TestEngineExtensions.Editor, Ct);
            await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "a draft value"));

            await engine.Exporter.ExportAsync(folder, Ct);

            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "Content", "第十三届-2017.config"), Ct);
            var text = Encoding.UTF8.GetString(bytes);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Content Key=\"66a338ba-9ad1-55e3-ae79-5f26d1274594\"", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            var root = XDocument.Parse(text.TrimStart('\uFEFF')).Root!;
            var info = root.Element("Info")!;
            Assert.Equal("e4eebe0c-1d1b-58b7-b468-71765707bd64", (string?)info.Element("Parent")!.Attribute("Key"));
            Assert.Equal("session", (string?)info.Element("ContentType"));
            Assert.Equal("2026-11-28T00:00:00", (string?)info.Element("CreateDate"));
            Assert.Equal("13", (string?)info.Element("SortOrder"));
            var published = info.Element("Published")!.Elements("Published").ToDictionary(p => (string)p.Attribute("Culture")!, p => p.Value, StringComparer.Ordinal);
            Assert.Equal("false", published[English]);
            Assert.Equal("true", published[Chinese]);
            var properties = root.Element("Properties")!;
            Assert.Equal("13", properties.Element("sessionNumber")!.Element("Value")!.Value);
            Assert.Equal("a draft value", properties.Element("attendees")!.Elements("Value").Single(v => (string?)v.Attribute("Culture") == English).Value);
            Assert.Equal(["en-US", "zh-CN"], properties.Element("title")!.Elements("Value").Select(v => (string)v.Attribute("Culture")!));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Drafts_and_unpublished_cultures_survive_a_round_trip()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var original = await TestEngine.StartAsync();
            await original.Publishing.UnpublishAsync(About, English, TestEngineExtensions.Editor, Ct);
            var draft = await original.CreatePageAsync(Home, "草稿", "Draft", urlName: "draft", sortOrder: 9);
            await original.Exporter.ExportAsync(folder, Ct);

            await using var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder);

            var snapshot = copy.Snapshots.Current;
            Assert.Null(snapshot.GetByRoute("/en/about"));
            Assert.NotNull(snapshot.GetByRoute("/zh/about"));
            Assert.Null(snapshot.GetByKey(draft.Key));
            var imported = await copy.GetRequiredAsync(draft.Key);
            Assert.False(imported.IsPublishedInAnyCulture);
            Assert.Equal("Draft", imported.CurrentVersion.Data.GetName(English));
            Assert.Equal(9, imported.SortOrder);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Values_with_markup_quotes_and_CDATA_terminators_survive_a_round_trip()
    {
        var folder = TempFolders.NewPath("export");
        const string Tricky = "Line one\nLine <two> & \"three\" ]]> four\n\n- item\n";
        try
        {
            await using var original = await TestEngine.StartAsync();
            Assert.True((await original.EditAsync(NewsSuzhou2025, d => d.WithValue("summary", English, Tricky))).Succeeded);
            await original.Publishing.PublishAsync(NewsSuzhou2025, [English], TestEngineExtensions.Editor, Ct);
            await original.Exporter.ExportAsync(folder, Ct);

            await using var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder);

            Assert.Equal(Tricky, copy.Snapshots.Current.GetByKey(NewsSuzhou2025)!.Value("summary", English));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_rich_text_value_survives_a_round_trip_as_it_was_stored()
    {
        var folder = TempFolders.NewPath("export");
        const string Rich = """{"markup":"<h2>Tampere</h2><p>A <a href=\"https://example.org/?a=1&amp;b=2\">link</a> &amp; \"quotes\"</p><p>第二段</p><umb-rte-block data-content-key=\"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11\"></umb-rte-block>","blocks":{"layout":{"Umbraco.RichText":[{"contentKey":"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11"}]},"contentData":[{"key":"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11","contentTypeKey":"d99729f8-c7c2-5d0f-8ed4-ba1e81f117a6","values":[{"editorAlias":"Umbraco.TextArea","culture":null,"segment":null,"alias":"quote","value":"a ]]> b <script>"}]}],"settingsData":[],"expose":[]}}""";
        var second = TempFolders.NewPath("export");
        try
        {
            await using var original = await TestEngine.StartAsync();
            var page = await original.CreatePageAsync(Home, "富文本", "Rich text", urlName: "rich-text");
            Assert.True((await original.EditAsync(page.Key, d => d.WithValue("bodyText", English, Rich))).Succeeded);
            await original.Exporter.ExportAsync(folder, Ct);

            await using var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder);
            Assert.Equal(Rich, (await copy.GetRequiredAsync(page.Key)).CurrentVersion.Data.GetValue("bodyText", English));

            await copy.Exporter.ExportAsync(second, Ct);
            var file = Directory.EnumerateFiles(Path.Combine(folder, "Content")).Single(f => File.ReadAllText(f).Contains($"Key=\"{page.Key}\"", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(Path.Combine(second, "Content", Path.GetFileName(file)), Ct));
        }
        finally
        {
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Fact]
    public async Task A_media_picker_value_with_crops_and_focal_points_and_its_data_type_survive_a_round_trip()
    {
        var folder = TempFolders.NewPath("export");
        var second = TempFolders.NewPath("export");
        try
        {
            await using var original = await TestEngine.StartAsync();
            var media = await original.Services.GetRequiredService<Site.Core.Media.IMediaService>().UploadAsync(
                new MemoryStream(TestImages.Png(800, 600)), "gallery.png", new Dictionary<string, string> { [Chinese] = "会场", [English] = "Hall" },
                null, TestUsers.Editor, Ct);
            var gallery = $$$"""[{"key":"0c6f3a1e-5d2b-4c8e-9f71-2a4b6c8d0e12","mediaKey":"{{{media.Item!.Key}}}","mediaTypeAlias":"Image","crops":[{"alias":"thumbnail","width":480,"height":360,"coordinates":{"x1":0.125,"y1":0,"x2":0.0625,"y2":0.1}}],"focalPoint":{"left":0.3333,"top":0.75}},{"key":"7d2e9b40-1f3a-4c5d-8e6f-a0b1c2d3e4f5","mediaKey":"{{{media.Item.Key}}}","mediaTypeAlias":"Image","crops":[],"focalPoint":null}]""";
            Assert.True((await original.EditAsync(Session13, d => d.WithValue("gallery", null, gallery))).Succeeded);
            await original.Exporter.ExportAsync(folder, Ct);

            await using var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder);
            Assert.Equal(gallery, (await copy.GetRequiredAsync(Session13)).CurrentVersion.Data.GetValue("gallery", null));
            var schema = await copy.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct);
            var configuration = MediaPickerConfiguration.Parse(schema.DataTypes[schema.FindContentType("session")!.FindProperty("gallery")!.DataTypeKey].ConfigJson);
            Assert.Equal((true, (int?)24, true), (configuration.Multiple, configuration.MaxItems, configuration.EnableLocalFocalPoint));
            Assert.Equal(new MediaCropDefinition("thumbnail", "Thumbnail", 480, 360), Assert.Single(configuration.Crops));

            await copy.Exporter.ExportAsync(second, Ct);
            foreach (var file in Directory.EnumerateFiles(folder, "*.config", SearchOption.AllDirectories)
                .Where(f => File.ReadAllText(f).Contains("Umbraco.MediaPicker3", StringComparison.Ordinal) || File.ReadAllText(f).Contains(media.Item.Key.ToString(), StringComparison.Ordinal)))
            {
                Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(Path.Combine(second, Path.GetRelativePath(folder, file)), Ct));
            }
        }
        finally
        {
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Fact]
    public async Task Element_types_and_a_block_list_value_survive_a_round_trip_as_they_were_stored()
    {
        var folder = TempFolders.NewPath("export");
        var blocks = BlockJson.List(
            BlockJson.WithSettings(BlockJson.Quote(Guid.NewGuid(), (Chinese, "引语 ]]> <b>", "示例"), (English, "A quote", "Sample")), Guid.NewGuid(), highlight: true),
            BlockJson.Element(Guid.NewGuid(), BlockJson.TextImageRowType,
                [("text", English, "\"Umbraco.RichText\"", """{"markup":"<p>Row</p>","blocks":null}"""), ("imageSide", null, "\"Umbraco.TextBox\"", "\"left\"")], [English]));
        try
        {
            await using var original = await TestEngine.StartAsync();
            var page = await original.CreatePageAsync(Home, "块", "Blocks", urlName: "blocks-round-trip");
            var saved = await original.EditAsync(page.Key, d => d.WithValue("blocks", null, blocks));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
            await original.Exporter.ExportAsync(folder, Ct);
            Assert.Contains("<IsElement>true</IsElement>", File.ReadAllText(Path.Combine(folder, "ContentTypes", "quoteblock.config")), StringComparison.Ordinal);

            await using var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder);

            Assert.Equal(blocks, (await copy.GetRequiredAsync(page.Key)).CurrentVersion.Data.GetValue("blocks", null));
            Assert.True(copy.Snapshots.Current.Schema.FindContentType("quoteBlock")!.IsElement);
            // The settings element type and the data type naming it as the quote's settings come back as they were.
            var copied = copy.Snapshots.Current.Schema;
            Assert.True(copied.FindContentType("blockSettings")!.IsElement);
            var quoteBlock = BlockConfiguration.Of(copied.DataTypes.Values.Single(d => d.EditorAlias == "Umbraco.BlockList" && d.Alias == "Block list")).Find(BlockJson.QuoteType)!;
            Assert.Equal(BlockJson.SettingsType, quoteBlock.SettingsElementTypeKey);
            Assert.Equal("1", EditorValues.Blocks(copied, blocks, English)[0].Settings!.Value("highlight"));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    private static void AssertSameSite(PublishedSnapshot expected, PublishedSnapshot actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Languages.All.Select(l => (l.IsoCode, l.IsDefault, l.IsMandatory)), actual.Languages.All.Select(l => (l.IsoCode, l.IsDefault, l.IsMandatory)));
        foreach (var node in expected.All)
        {
            var other = actual.GetByKey(node.Key);
            Assert.NotNull(other);
            Assert.Equal(node.ContentTypeAlias, other.ContentTypeAlias);
            Assert.Equal(node.Parent?.Key, other.Parent?.Key);
            Assert.Equal(node.SortOrder, other.SortOrder);
            Assert.Equal(node.Cultures.Keys.Order(StringComparer.Ordinal), other.Cultures.Keys.Order(StringComparer.Ordinal));
            foreach (var culture in node.Cultures.Keys)
            {
                Assert.Equal(node.Name(culture), other.Name(culture));
                Assert.Equal(node.Url(culture), other.Url(culture));
                Assert.Same(other, actual.GetByRoute(node.Url(culture)!));
                foreach (var property in node.ContentType.Properties)
                {
                    Assert.True(
                        string.Equals(node.Value(property.Alias, culture), other.Value(property.Alias, culture), StringComparison.Ordinal),
                        $"{node.Url(culture)}: {property.Alias} differs");
                }
            }
        }
    }
}
