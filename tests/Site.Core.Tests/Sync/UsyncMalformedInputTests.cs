using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Sync;

/// <summary>
/// UsyncReader and UsyncPackageChecker: each malformed input gives a problem naming its file (relative to the uSync
/// root) and what is wrong, and the import writes nothing at all.
/// </summary>
public sealed class UsyncMalformedInputTests
{
    private static readonly DatabaseCounts Nothing = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Imports the broken folder into an empty database and checks the refusal; returns the problems.</summary>
    private static async Task<IReadOnlyList<SyncProblem>> ImportFailsAsync(TestDatabase database, MiniUsyncFolder folder, string file, string problem)
    {
        await using var engine = await TestEngine.StartAsync(database, folder.Root, import: false);

        var result = await engine.Importer.ImportAsync(folder.Root, "uSync", Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.NodeCount);
        Assert.Contains(result.Problems, p => p.File == file && p.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.False(Path.IsPathRooted(p.File), $"{p.File} is not relative to the uSync root"));
        Assert.Equal(Nothing, await engine.CountRowsAsync());
        Assert.Equal(0, engine.Snapshots.Current.Count);
        return result.Problems;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_small_folder_is_valid_as_written(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(database, folder.Root, import: false);

        var result = await engine.Importer.ImportAsync(folder.Root, "uSync", Ct);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(3, result.NodeCount);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Content_that_is_not_well_formed_XML(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/first.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Content Key=\"30000000-0000-0000-0000-000000000002\">\n  <Info>\n</Content>\n");

        await ImportFailsAsync(database, folder, "Content/first.config", "not well-formed XML");
    }

    /// <summary>Found by fuzzing: building the tree of a deep file costs the square of its depth (200,000 levels: minutes).</summary>
    [Fact]
    public async Task A_file_nested_deeper_than_uSync_ever_nests_is_refused_before_its_tree_is_built()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/deep.config", "<Content>" + string.Concat(Enumerable.Repeat("<d>", 200_000)) + string.Concat(Enumerable.Repeat("</d>", 200_000)) + "</Content>");

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/deep.config", "nested more than 64 levels deep (line 1)");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_unread()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/huge.config", "<Content>" + new string(' ', UsyncReader.MaxFileBytes) + "</Content>");

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/huge.config", "the file is larger than 16 MB");
    }

    /// <summary>Found by fuzzing: a DTD was parsed and its entities expanded (a billion laughs made a 10 MB value before the reader gave up).</summary>
    [Theory]
    [InlineData("<!DOCTYPE Content [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;\">]><Content>&b;</Content>")]
    [InlineData("<!DOCTYPE Content [<!ENTITY x SYSTEM \"/etc/hostname\">]><Content>&x;</Content>")]
    [InlineData("<!DOCTYPE Content SYSTEM \"http://127.0.0.1:9/d.dtd\"><Content/>")]
    public async Task A_file_with_a_DTD_is_refused_naming_it(string xml)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/dtd.config", xml);

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/dtd.config", "the file has a DTD");
    }

    [Fact]
    public async Task A_file_in_a_subfolder_is_named_by_its_path_from_the_root()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/archive/old.config", "<Content");

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/archive/old.config", "not well-formed XML");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Content_of_an_unknown_content_type(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("first", MiniUsyncFolder.First() with { ContentType = "blogPost" });

        await ImportFailsAsync(database, folder, "Content/first.config", "content type \"blogPost\" is not in ContentTypes");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Content_whose_parent_is_missing(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        var parent = Guid.Parse("99999999-0000-0000-0000-000000000000");
        folder.WriteContent("first", MiniUsyncFolder.First() with { ParentKey = parent });

        await ImportFailsAsync(database, folder, "Content/first.config", $"the parent {parent} is not in Content");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Content_with_the_wrong_root_element(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        var text = File.ReadAllText(Path.Combine(folder.Root, "Content", "first.config"))
            .Replace("<Content ", "<Document ", StringComparison.Ordinal)
            .Replace("</Content>", "</Document>", StringComparison.Ordinal);
        folder.Write("Content/first.config", text);

        await ImportFailsAsync(database, folder, "Content/first.config", "expected a <Content> element but found <Document>");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_data_type_with_an_unknown_editor(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("DataTypes/blocks.config", MiniUsyncFolder.DataType(Guid.NewGuid(), "Blocks", "Umbraco.Grid", "{}"));

        await ImportFailsAsync(database, folder, "DataTypes/blocks.config", "the editor \"Umbraco.Grid\" is not supported");
    }

    [Fact]
    public async Task A_property_with_an_unknown_editor()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("ContentTypes/article.config", MiniUsyncFolder.ContentType(MiniUsyncFolder.ArticleTypeKey, "article", "Article", false, [],
            MiniUsyncFolder.Property("title", "Title", MiniUsyncFolder.TextstringKey, "Umbraco.Grid", culture: true, mandatory: true, sortOrder: 0)));

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "ContentTypes/article.config", "property \"title\": the editor \"Umbraco.Grid\" is not supported");
    }

    [Fact]
    public async Task An_element_type_allowed_at_the_root_or_as_a_child_is_refused()
    {
        using var folder = MiniUsyncFolder.Create();
        var article = File.ReadAllText(Path.Combine(folder.Root, "ContentTypes", "article.config"))
            .Replace("<IsElement>false</IsElement>", "<IsElement>true</IsElement>", StringComparison.Ordinal)
            .Replace("<AllowAtRoot>False</AllowAtRoot>", "<AllowAtRoot>True</AllowAtRoot>", StringComparison.Ordinal);
        Assert.Contains("<IsElement>true</IsElement>", article, StringComparison.Ordinal);
        folder.Write("ContentTypes/article.config", article);

        var problems = await ImportFailsAsync(TestDatabase.Sqlite, folder, "ContentTypes/article.config", "an element type cannot be allowed at the root");

        Assert.Contains(problems, p => p.Problem.Contains("is an element type, which cannot be a content node", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Content_with_a_bad_GUID(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        var text = File.ReadAllText(Path.Combine(folder.Root, "Content", "first.config"))
            .Replace("Key=\"30000000-0000-0000-0000-000000000002\"", "Key=\"not-a-guid\"", StringComparison.Ordinal);
        folder.Write("Content/first.config", text);

        await ImportFailsAsync(database, folder, "Content/first.config", "Key \"not-a-guid\" is not a GUID");
    }

    [Fact]
    public async Task A_property_pointing_at_a_bad_data_type_GUID()
    {
        using var folder = MiniUsyncFolder.Create();
        var text = File.ReadAllText(Path.Combine(folder.Root, "ContentTypes", "site.config"))
            .Replace($"<Definition>{MiniUsyncFolder.TextstringKey}</Definition>", "<Definition>textstring</Definition>", StringComparison.Ordinal);
        folder.Write("ContentTypes/site.config", text);

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "ContentTypes/site.config", "property \"title\" Definition \"textstring\" is not a GUID");
    }

    [Fact]
    public async Task A_property_pointing_at_a_missing_data_type()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Delete("DataTypes/tags.config");

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "ContentTypes/article.config", $"property \"keywords\" uses the data type {MiniUsyncFolder.TagsKey}, which is not in DataTypes");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_published_node_without_the_mandatory_culture(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("first", MiniUsyncFolder.First() with { PublishedCultures = ["en-US"] });

        await ImportFailsAsync(database, folder, "Content/first.config", "published without the mandatory language zh-CN");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_value_failing_its_pattern(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        var first = MiniUsyncFolder.First();
        folder.WriteContent("first", first with { Values = [.. first.Values.Where(v => v.Alias != "code"), new("code", null, "abc")] });

        await ImportFailsAsync(database, folder, "Content/first.config", "code: " + MiniUsyncFolder.CodeMessageEnglish);
    }

    [Fact]
    public async Task A_value_failing_its_pattern_in_the_real_content_names_the_file_and_the_dictionary_message()
    {
        var copy = TempFolders.CopyOfRealUsyncFolder();
        try
        {
            var path = Path.Combine(copy, "Content", "第十三届-2017.config");
            File.WriteAllText(path, File.ReadAllText(path).Replace("<![CDATA[abroad]]>", "<![CDATA[overseas]]>", StringComparison.Ordinal));
            await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, copy, import: false);

            var result = await engine.Importer.ImportAsync(copy, "uSync", Ct);

            Assert.False(result.Succeeded);
            var problem = Assert.Single(result.Problems);
            Assert.Equal("Content/第十三届-2017.config", problem.File);
            Assert.Equal("location: Enter \"home\" (held in Jiangsu) or \"abroad\" (held outside China), or leave it empty if it is not recorded.", problem.Problem);
            Assert.Equal(Nothing, await engine.CountRowsAsync());
        }
        finally
        {
            TempFolders.Delete(copy);
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_child_type_not_allowed_under_its_parent(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("second", MiniUsyncFolder.Second() with { ParentKey = MiniUsyncFolder.FirstKey });

        await ImportFailsAsync(database, folder, "Content/second.config", "\"article\" is not allowed under \"article\"");
    }

    [Fact]
    public async Task A_type_not_allowed_at_the_root()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("first", MiniUsyncFolder.First() with { ParentKey = null });

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "\"article\" is not allowed at the root");
    }

    [Fact]
    public async Task A_published_child_of_a_parent_not_published_in_that_culture()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("site", MiniUsyncFolder.Site() with { PublishedCultures = ["zh-CN"] });

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "published in en-US but its parent (Content/site.config) is not");
    }

    [Fact]
    public async Task A_published_culture_missing_its_mandatory_title()
    {
        using var folder = MiniUsyncFolder.Create();
        var first = MiniUsyncFolder.First();
        folder.WriteContent("first", first with { Values = [.. first.Values.Where(v => !(v.Alias == "title" && v.Culture == "en-US"))] });

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "title [en-US]: Title is required.");
    }

    [Fact]
    public async Task A_value_for_an_unknown_property()
    {
        using var folder = MiniUsyncFolder.Create();
        var first = MiniUsyncFolder.First();
        folder.WriteContent("first", first with { Values = [.. first.Values, new("subtitle", "en-US", "x")] });

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "subtitle [en-US]: \"subtitle\" is not a property of this content type.");
    }

    [Fact]
    public async Task Two_files_with_the_same_content_key()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("zz-copy", MiniUsyncFolder.First());

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/zz-copy.config", "duplicate content key");
    }

    [Fact]
    public async Task A_node_that_is_its_own_ancestor()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.WriteContent("first", MiniUsyncFolder.First() with { ParentKey = MiniUsyncFolder.SecondKey });
        folder.WriteContent("second", MiniUsyncFolder.Second() with { ParentKey = MiniUsyncFolder.FirstKey });

        var problems = await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "the node is its own ancestor");
        Assert.Contains(problems, p => p.File == "Content/second.config");
    }

    [Fact]
    public async Task No_default_language()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Languages/zh-cn.config", MiniUsyncFolder.Language("zh-CN", "Chinese", isDefault: false, isMandatory: true));

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Languages", "exactly one language must be the default");
    }

    [Fact]
    public async Task An_unknown_language_code()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Languages/xx.config", MiniUsyncFolder.Language("xx-Nowhere", "Nowhere", isDefault: false, isMandatory: false));

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "Languages/xx.config", "\"xx-Nowhere\" is not a known culture");
    }

    [Fact]
    public async Task Two_languages_sharing_a_URL_prefix_are_a_problem_not_a_crash()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Languages/zh-tw.config", MiniUsyncFolder.Language("zh-TW", "Chinese (Traditional, Taiwan)", isDefault: false, isMandatory: false));
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, folder.Root, import: false);

        var result = await engine.Importer.ImportAsync(folder.Root, "uSync", Ct);

        // zh-CN and zh-TW would both be served under /zh/: the folder must be refused with a problem naming the file.
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.File.StartsWith("Languages", StringComparison.Ordinal));
        Assert.Equal(Nothing, await engine.CountRowsAsync());
    }

    [Fact]
    public async Task Config_that_is_not_JSON()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("DataTypes/textstring.config", MiniUsyncFolder.DataType(MiniUsyncFolder.TextstringKey, "Textstring", "Umbraco.TextBox", "{maxChars: 20"));

        await ImportFailsAsync(TestDatabase.Sqlite, folder, "DataTypes/textstring.config", "<Config> is not valid JSON");
    }

    [Fact]
    public async Task Every_broken_file_is_reported_at_once()
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/first.config", "not xml at all");
        folder.Write("DataTypes/blocks.config", MiniUsyncFolder.DataType(Guid.NewGuid(), "Blocks", "Umbraco.Grid", "{}"));

        var problems = await ImportFailsAsync(TestDatabase.Sqlite, folder, "Content/first.config", "not well-formed XML");

        Assert.Contains(problems, p => p.File == "DataTypes/blocks.config");
    }

    [Fact]
    public async Task A_missing_folder()
    {
        await using var engine = await TestEngine.StartAsync(import: false);
        var missing = Path.Combine(Path.GetTempPath(), "site-tests", "no-such-folder-" + Guid.NewGuid().ToString("N"));

        var result = await engine.Importer.ImportAsync(missing, "uSync", Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("does not exist", Assert.Single(result.Problems).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_failed_import_into_a_site_with_content_changes_nothing(TestDatabase database)
    {
        var copy = TempFolders.CopyOfRealUsyncFolder();
        try
        {
            await using var engine = await TestEngine.StartAsync(database);
            var before = await engine.CountRowsAsync();
            var snapshot = engine.Snapshots.Current;
            var path = Path.Combine(copy, "Content", "会议简介.config");
            File.WriteAllText(path, File.ReadAllText(path).Replace(">About</Name>", ">Changed</Name>", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(copy, "Content", "broken.config"), "<Content>");

            var result = await engine.Importer.ImportAsync(copy, "uSync", Ct);

            Assert.False(result.Succeeded);
            Assert.Equal("Content/broken.config", Assert.Single(result.Problems).File);
            Assert.Equal(before, await engine.CountRowsAsync());
            Assert.Same(snapshot, engine.Snapshots.Current);
            Assert.Equal(1, (await engine.GetRequiredAsync(KnownContent.About)).CurrentVersion.Number);
        }
        finally
        {
            TempFolders.Delete(copy);
        }
    }
}
