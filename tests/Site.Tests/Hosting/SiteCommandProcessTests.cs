using System.Xml.Linq;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>The command-line verbs (`usync export|import FOLDER`, `content markdown-to-richtext`), run as real processes.</summary>
public sealed class SiteCommandProcessTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "site-usync-command", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do not change the result.
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunSiteAsync(params string[] args) =>
        SiteProcess.RunAsync(Path.Combine(_work, "data"), args);

    [Fact]
    public async Task Export_writes_the_site_in_usync_format()
    {
        var folder = Path.Combine(_work, "export");

        var (exitCode, output, error) = await RunSiteAsync("usync", "export", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Exported", output, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "Languages")).Length);
        Assert.Equal(21, Directory.GetFiles(Path.Combine(folder, "ContentTypes")).Length);
        Assert.Equal(38, Directory.GetFiles(Path.Combine(folder, "Content")).Length);
        var tampere = XDocument.Load(Path.Combine(folder, "Content", "第十三届-2017.config"));
        Assert.Equal("session", tampere.Root!.Element("Info")!.Element("ContentType")!.Value);
        Assert.Contains(tampere.Root.Element("Properties")!.Element("venueCity")!.Elements("Value"), v => v.Value == "Tampere");
    }

    [Fact]
    public async Task Import_of_a_malformed_folder_names_the_file_and_writes_nothing()
    {
        var folder = Path.Combine(_work, "bad");
        Directory.CreateDirectory(Path.Combine(folder, "Languages"));
        await File.WriteAllTextAsync(Path.Combine(folder, "Languages", "zh-cn.config"), "<Language Key=\"not-a-guid\"><Info>");

        var (exitCode, _, error) = await RunSiteAsync("usync", "import", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains("Languages/zh-cn.config", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage()
    {
        var (exitCode, _, error) = await RunSiteAsync("usync", "frobnicate", _work);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: usync export <folder>", error, StringComparison.Ordinal);
        Assert.Contains("content markdown-to-richtext", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_to_rich_text_on_the_repositorys_content_finds_nothing_left_to_move()
    {
        var (exitCode, output, error) = await RunSiteAsync("content", "markdown-to-richtext");

        Assert.True(exitCode == 0, error);
        Assert.Contains("No Markdown property to move", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_to_rich_text_names_what_is_wrong_and_changes_nothing()
    {
        var (badArguments, _, usage) = await RunSiteAsync("content", "markdown-to-richtext", "bodyText");
        var (notMarkdown, _, error) = await RunSiteAsync("content", "markdown-to-richtext", "page.title");

        Assert.Equal(2, badArguments);
        Assert.Contains("content markdown-to-richtext", usage, StringComparison.Ordinal);
        Assert.Equal(1, notMarkdown);
        Assert.Contains("Nothing was changed", error, StringComparison.Ordinal);
        Assert.Contains("page.title", error, StringComparison.Ordinal);
    }
}
