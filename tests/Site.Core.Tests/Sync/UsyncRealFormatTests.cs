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
