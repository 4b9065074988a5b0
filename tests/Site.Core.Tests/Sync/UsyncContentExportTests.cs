using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Sync;

/// <summary>
/// Content files as uSync 14–16's ContentSerializer writes them, point by point (KevinJump/uSync,
/// uSync.Core/Serialization/Serializers/ContentSerializer.cs and ContentSerializerBase.cs; the file names from
/// uSync.BackOffice's SyncHandlerRoot and Umbraco's ToSafeFileName).
/// </summary>
public sealed class UsyncContentExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static XElement Load(string folder, string file) => XDocument.Load(Path.Combine(folder, "Content", file)).Root!;

    [Fact]
    public async Task Every_property_of_the_type_is_written_by_alias_and_an_empty_one_is_written_empty()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            await engine.Exporter.ExportAsync(folder, Ct);

            var properties = Load(folder, "网站设置.config").Element("Properties")!.Elements().ToList();
            var aliases = properties.Select(p => p.Name.LocalName).ToList();
            var typeAliases = XDocument.Load(Path.Combine(folder, "ContentTypes", "sitesettings.config")).Root!
                .Element("GenericProperties")!.Elements().Select(p => (string)p.Element("Alias")!);
            Assert.Equal(typeAliases.Order(StringComparer.InvariantCulture), aliases);

            // An invariant property without a value: one empty value. A culture-variant one: an empty value per named culture.
            var email = Assert.Single(properties.Single(p => p.Name.LocalName == "email").Elements());
            Assert.Null(email.Attribute("Culture"));
            Assert.Equal(string.Empty, email.Value);
            Assert.IsType<XCData>(email.FirstNode);
            var address = properties.Single(p => p.Name.LocalName == "address").Elements().ToList();
            Assert.Equal([English, Chinese], address.Select(v => (string)v.Attribute("Culture")!));
            Assert.All(address, v => Assert.Equal(string.Empty, v.Value));

            // A type's properties are ordered by alias, not by the type's sort order.
            var about = Load(folder, "会议简介.config").Element("Properties")!.Elements().Select(p => p.Name.LocalName).ToList();
            Assert.Equal(about.Order(StringComparer.InvariantCulture), about);
            Assert.Equal("bodyText", about[0]);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Theory]
    [InlineData("{\"markup\":\"<p>中 & 'x'</p>\",\"blocks\":null}", "{\n  \"markup\": \"\\u003Cp\\u003E\\u4E2D \\u0026 \\u0027x\\u0027\\u003C/p\\u003E\",\n  \"blocks\": null\n}")]
    [InlineData("[1,{\"a\":[]}]", "[\n  1,\n  {\n    \"a\": []\n  }\n]")]
    [InlineData("  [\"x\"]  ", "[\n  \"x\"\n]")]
    [InlineData("plain <b>text</b>", "plain <b>text</b>")]
    [InlineData("{not json}", "{not json}")]
    [InlineData("[1] and [2", "[1] and [2")]
    [InlineData("42", "42")]
    [InlineData("", "")]
    public void A_value_that_is_JSON_is_written_indented_and_escaped_as_uSync_writes_it(string stored, string written)
    {
        Assert.Equal(written, UsyncExporter.ExportValue(stored));
    }

    [Fact]
    public async Task A_rich_text_value_is_written_as_indented_JSON()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            await engine.Exporter.ExportAsync(folder, Ct);

            var body = Load(folder, "会议简介.config").Element("Properties")!.Element("bodyText")!.Elements().First().Value;
            Assert.StartsWith("{\n  \"markup\": \"\\u003Ch2\\u003E", body, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_page_names_its_types_template_by_the_key_the_type_lists_and_a_data_node_names_none()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            await engine.Exporter.ExportAsync(folder, Ct);

            var template = Load(folder, "会议简介.config").Element("Info")!.Element("Template")!;
            var allowed = XDocument.Load(Path.Combine(folder, "ContentTypes", "about.config")).Root!.Element("Info")!.Element("AllowedTemplates")!.Element("Template")!;
            Assert.Equal("about", template.Value);
            Assert.Equal((string?)allowed.Attribute("Key"), (string?)template.Attribute("Key"));

            var none = Load(folder, "网站设置.config").Element("Info")!.Element("Template")!;
            Assert.False(none.HasAttributes);
            Assert.Equal(string.Empty, none.Value);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Invariant_content_names_no_cultures_and_variant_content_is_published_while_any_culture_is()
    {
        var source = TempFolders.NewPath("usync-v16");
        var folder = TempFolders.NewPath("export");
        try
        {
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, UsyncRealFormatTests.V16))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            var article = Load(folder, "getting-there.config").Element("Info")!;
            Assert.Equal("Getting there", (string?)article.Element("NodeName")!.Attribute("Default"));
            Assert.False(article.Element("NodeName")!.HasElements);
            Assert.Equal("true", (string?)article.Element("Published")!.Attribute("Default"));
            Assert.False(article.Element("Published")!.HasElements);
            Assert.All(Load(folder, "getting-there.config").Element("Properties")!.Elements().SelectMany(p => p.Elements()), v => Assert.Null(v.Attribute("Culture")));

            // The default language (en-US, made optional here) is unpublished, Danish is not: Umbraco's document is still published.
            UsyncRealFormatTests.Copy(UsyncRealFormatTests.V16, source);
            var english = Path.Combine(source, "Languages", "en-us.config");
            File.WriteAllText(english, File.ReadAllText(english).Replace("<IsMandatory>true</IsMandatory>", "<IsMandatory>false</IsMandatory>", StringComparison.Ordinal));
            var home = Path.Combine(source, "Content", "home.config");
            File.WriteAllText(home, File.ReadAllText(home).Replace("<Published Culture=\"en-US\">true</Published>", "<Published Culture=\"en-US\">false</Published>", StringComparison.Ordinal));
            File.Delete(Path.Combine(source, "Content", "getting-there.config"));
            TempFolders.Delete(folder);
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, source))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            var landing = Load(folder, "home.config").Element("Info")!;
            Assert.Equal("true", (string?)landing.Element("Published")!.Attribute("Default"));
            Assert.Equal([("da", "true"), ("en-US", "false")], landing.Element("Published")!.Elements().Select(p => ((string)p.Attribute("Culture")!, p.Value)));
            Assert.Equal(["da", "en-US"], landing.Element("NodeName")!.Elements().Select(n => (string)n.Attribute("Culture")!));
        }
        finally
        {
            TempFolders.Delete(source);
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_file_is_named_by_the_nodes_name_and_a_second_node_of_the_same_name_gets_uSyncs_short_key()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            var twin = await engine.CreatePageAsync(Home, "会议简介", "About, again", urlName: "about-again", sortOrder: 50);

            await engine.Exporter.ExportAsync(folder, Ct);

            Assert.Equal(About.ToString(), (string?)Load(folder, "会议简介.config").Attribute("Key"));
            Assert.Equal(twin.Key.ToString(), (string?)Load(folder, $"会议简介_{UmbracoSafeFileName.ShortKey(twin.Key)}.config").Attribute("Key"));
            Assert.Equal(Session13.ToString(), (string?)Load(folder, "第十三届-2017.config").Attribute("Key"));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Theory]
    [InlineData("第十三届 (2017)", "第十三届-2017")]
    [InlineData("第十九届会议在墨尔本、奥卢举行", "第十九届会议在墨尔本-奥卢举行")]
    [InlineData("常州北郊—Diamond Minds", "常州北郊-diamond-minds")]
    [InlineData("Getting there", "getting-there")]
    [InlineData("Dr. Smith", "dr.smith")]
    [InlineData("Q&A: 2+2?", "qa-2plus2")]
    [InlineData("Ærø_island", "æroe_island")]
    [InlineData("—", "")]
    [InlineData("  ", "")]
    public void A_safe_file_name_is_made_as_Umbraco_makes_it(string name, string expected)
    {
        Assert.Equal(expected, UmbracoSafeFileName.From(name));
    }

    [Theory]
    // Keys and file names of real uSync 17 exports (SeoToolkit.Umbraco's site: Content/community_fa0pue2k.config, meetups_fthd5e2w.config).
    [InlineData("13ea3528-c98a-4b0f-bb84-e036408a092a", "fa0pue2k")]
    [InlineData("932fcf2c-0096-4061-b682-83ad4c625b5a", "fthd5e2w")]
    public void A_short_key_is_uSyncs(string key, string expected)
    {
        Assert.Equal(expected, UmbracoSafeFileName.ShortKey(Guid.Parse(key)));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_pending_schedule_is_written_as_uSyncs_content_schedule_and_read_back(TestDatabase database)
    {
        var folder = TempFolders.NewPath("export");
        var second = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync(database);
            var scheduling = engine.Services.GetRequiredService<ISchedulingService>();
            var at = new DateTime(2030, 5, 1, 8, 30, 0, DateTimeKind.Utc);
            Assert.True((await scheduling.ScheduleAsync(Session13, Chinese, ScheduledActionKind.Publish, at, TestUsers.Editor, Ct)).Result.Succeeded);
            Assert.True((await scheduling.ScheduleAsync(Session13, English, ScheduledActionKind.Unpublish, at.AddDays(1), TestUsers.Editor, Ct)).Result.Succeeded);

            await engine.Exporter.ExportAsync(folder, Ct);

            var schedule = Load(folder, "第十三届-2017.config").Element("Info")!.Element("Schedule")!;
            Assert.Equal(
                [(English, "Expire", "2030-05-02T08:30:00"), (Chinese, "Release", "2030-05-01T08:30:00")],
                schedule.Elements("ContentSchedule").Select(s => ((string)s.Element("Culture")!, (string)s.Element("Action")!, (string)s.Element("Date")!)));
            Assert.Equal(["Culture", "Action", "Date"], schedule.Elements().First().Elements().Select(e => e.Name.LocalName));
            Assert.False(Load(folder, "会议简介.config").Element("Info")!.Element("Schedule")!.HasElements);

            // Read back, the schedule is pending again, and a second export writes the same file.
            await using var copy = await TestEngine.StartAsync(database, folder);
            var actions = await copy.Services.GetRequiredService<ISchedulingService>().GetForNodeAsync(Session13, Ct);
            Assert.Equal(
                [(Chinese, ScheduledActionKind.Publish, at), (English, ScheduledActionKind.Unpublish, at.AddDays(1))],
                actions.Where(a => a.RanAtUtc is null).Select(a => (a.Culture, a.Kind, a.DueAtUtc)).OrderBy(a => a.DueAtUtc));
            await copy.Exporter.ExportAsync(second, Ct);
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(folder, "Content", "第十三届-2017.config")),
                File.ReadAllBytes(Path.Combine(second, "Content", "第十三届-2017.config")));
        }
        finally
        {
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Theory]
    [InlineData("<Culture>en-US</Culture><Action>Later</Action><Date>2030-05-01T08:30:00</Date>", "uSync writes Release or Expire")]
    [InlineData("<Culture>en-US</Culture><Action>Release</Action><Date>soon</Date>", "is not a date")]
    [InlineData("<Culture>fr-FR</Culture><Action>Release</Action><Date>2030-05-01T08:30:00</Date>", "scheduled culture \"fr-FR\" is not a language of the site")]
    public async Task A_schedule_uSync_would_not_write_is_a_problem_of_its_file(string entry, string problem)
    {
        var folder = TempFolders.CopyOfRealUsyncFolder();
        try
        {
            var path = Path.Combine(folder, "Content", "会议简介.config");
            File.WriteAllText(path, File.ReadAllText(path).Replace("<Schedule />", $"<Schedule><ContentSchedule>{entry}</ContentSchedule></Schedule>", StringComparison.Ordinal));
            await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, import: false);

            var result = await engine.Importer.ImportAsync(folder, "uSync", Ct);

            Assert.False(result.Succeeded);
            var found = Assert.Single(result.Problems);
            Assert.Equal("Content/会议简介.config", found.File);
            Assert.Contains(problem, found.Problem, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_folders_templates_are_kept_with_the_types_that_allow_them_and_written_back_as_they_were()
    {
        var folder = TempFolders.NewPath("export");
        var second = TempFolders.NewPath("export");
        try
        {
            await using (var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, UsyncRealFormatTests.V16))
            {
                await engine.Exporter.ExportAsync(folder, Ct);
            }

            foreach (var file in Directory.GetFiles(Path.Combine(UsyncRealFormatTests.V16, "Templates")))
            {
                Assert.Equal(File.ReadAllText(file).Trim(), File.ReadAllText(Path.Combine(folder, "Templates", Path.GetFileName(file))).TrimStart('\uFEFF').Trim());
            }

            Assert.Equal(
                Directory.GetFiles(Path.Combine(UsyncRealFormatTests.V16, "Templates")).Select(Path.GetFileName).Order(StringComparer.Ordinal),
                Directory.GetFiles(Path.Combine(folder, "Templates")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var type in new[] { "article.config", "landing.config", "textblock.config" })
            {
                var original = XDocument.Load(Path.Combine(UsyncRealFormatTests.V16, "ContentTypes", type)).Root!.Element("Info")!;
                var exported = XDocument.Load(Path.Combine(folder, "ContentTypes", type)).Root!.Element("Info")!;
                Assert.Equal(original.Element("DefaultTemplate")!.ToString(), exported.Element("DefaultTemplate")!.ToString());
                Assert.Equal(original.Element("AllowedTemplates")!.ToString(), exported.Element("AllowedTemplates")!.ToString());
            }

            // A page of such a type names the template the type allows, by its key.
            var article = Load(folder, "getting-there.config").Element("Info")!.Element("Template")!;
            Assert.Equal("Article", article.Value);
            Assert.Equal("5a000000-0000-4000-8000-000000000385", (string?)article.Attribute("Key"));

            // Export → import → export: the templates and types are written again byte for byte.
            await using (var copy = await TestEngine.StartAsync(TestDatabase.Sqlite, folder))
            {
                await copy.Exporter.ExportAsync(second, Ct);
            }

            foreach (var file in Directory.GetFiles(Path.Combine(folder, "Templates")).Concat(Directory.GetFiles(Path.Combine(folder, "ContentTypes"))))
            {
                var relative = Path.GetRelativePath(folder, file);
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, relative))), $"{relative} differs after export → import → export");
            }
        }
        finally
        {
            TempFolders.Delete(folder);
            TempFolders.Delete(second);
        }
    }

    [Fact]
    public async Task The_sites_own_types_write_no_template_files()
    {
        var folder = TempFolders.NewPath("export");
        try
        {
            await using var engine = await TestEngine.StartAsync();
            await engine.Exporter.ExportAsync(folder, Ct);

            Assert.False(Directory.Exists(Path.Combine(folder, "Templates")));
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }
}
