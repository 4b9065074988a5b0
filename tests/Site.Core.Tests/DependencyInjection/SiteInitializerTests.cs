using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Site.Core.DependencyInjection;
using Site.Core.Storage;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.DependencyInjection;

/// <summary>SiteInitializer: imports into an empty site only, and refuses to start on a broken folder.</summary>
public sealed class SiteInitializerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_initializer_does_not_import_into_a_site_that_has_content(TestDatabase database)
    {
        var changed = TempFolders.CopyOfRealUsyncFolder();
        try
        {
            await using var engine = await TestEngine.StartAsync(database);
            await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "an editor's draft"));
            var path = Path.Combine(changed, "Content", "会议简介.config");
            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path, Ct)).Replace(">About</Name>", ">Changed</Name>", StringComparison.Ordinal), Ct);
            var counts = await engine.CountRowsAsync();

            await engine.Services.GetRequiredService<ISiteInitializer>().InitializeAsync(changed, Ct);

            Assert.Equal(counts, await engine.CountRowsAsync());
            var session = await engine.GetRequiredAsync(Session13);
            Assert.Equal(2, session.CurrentVersion.Number);
            Assert.Equal("an editor's draft", session.CurrentVersion.Data.GetValue("attendees", English));
            Assert.Equal("About", engine.Snapshots.Current.GetByKey(About)!.Name(English));
        }
        finally
        {
            TempFolders.Delete(changed);
        }
    }

    [Fact]
    public async Task The_initializer_does_not_even_read_the_folder_of_a_site_that_has_content()
    {
        await using var engine = await TestEngine.StartAsync();
        var generation = engine.Snapshots.Current.Generation;

        await engine.Services.GetRequiredService<ISiteInitializer>().InitializeAsync(TempFolders.NewPath("missing"), Ct);

        Assert.Equal(KnownContent.NodeCount, engine.Snapshots.Current.Count);
        Assert.True(engine.Snapshots.Current.Generation > generation);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_broken_folder_stops_the_first_start_and_writes_nothing(TestDatabase database)
    {
        using var folder = MiniUsyncFolder.Create();
        folder.Write("Content/first.config", "<Content");
        await using var engine = await TestEngine.StartAsync(database, folder.Root, import: false);
        var initializer = new SiteInitializer(
            engine.Services.GetRequiredService<ISiteDbContextFactory>(),
            engine.Importer,
            engine.Snapshots,
            engine.Services.GetRequiredService<Site.Core.Media.IMediaLibrary>(),
            engine.Services.GetRequiredService<Site.Core.Media.IMediaService>(),
            Options.Create(new SiteCoreOptions { Sync = new SyncOptions { Folder = folder.Root, ImportOnFirstBoot = true } }),
            NullLogger<SiteInitializer>.Instance);

        var exception = await Assert.ThrowsAsync<UsyncImportException>(() => initializer.InitializeAsync(folder.Root, Ct));

        Assert.Equal("Content/first.config", Assert.Single(exception.Problems).File);
        Assert.Contains("Content/first.config", exception.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", exception.Message, StringComparison.Ordinal);
        var counts = await engine.CountRowsAsync();
        Assert.Equal(0, counts.Nodes);
        Assert.Equal(0, counts.Languages);
    }

    [Fact]
    public async Task An_empty_site_without_import_on_first_boot_starts_empty()
    {
        await using var engine = await TestEngine.StartAsync(import: false);

        Assert.Equal(0, engine.Snapshots.Current.Count);
        Assert.Null(engine.Snapshots.Current.Home);
        Assert.Equal(0, (await engine.CountRowsAsync()).Nodes);
    }
}
