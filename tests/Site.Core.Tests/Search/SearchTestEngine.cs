using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Core.DependencyInjection;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// The engine with the repository's content on SQLite in a temporary folder, and search on it: the index in memory
/// (or on disk under the data folder, for the tests of what happens to the files).
/// </summary>
public sealed class SearchTestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SearchTestEngine(ServiceProvider services, string dataPath)
    {
        _services = services;
        DataPath = dataPath;
    }

    public IServiceProvider Services => _services;

    public string DataPath { get; }

    public ISearchService Search => _services.GetRequiredService<ISearchService>();

    public ISearchIndexStatus Status => _services.GetRequiredService<ISearchIndexStatus>();

    public IIndexRebuilder Rebuilder => _services.GetRequiredService<IIndexRebuilder>();

    public IPublishedSnapshotService Snapshots => _services.GetRequiredService<IPublishedSnapshotService>();

    public IPublishingService Publishing => _services.GetRequiredService<IPublishingService>();

    public IPublicAccessService PublicAccess => _services.GetRequiredService<IPublicAccessService>();

    public static async Task<SearchTestEngine> StartAsync(
        SearchIndexStorage storage = SearchIndexStorage.Memory, string? dataPath = null, Action<IServiceCollection>? configure = null)
    {
        dataPath ??= TempFolders.NewPath("search");
        Directory.CreateDirectory(dataPath);
        var services = new ServiceCollection().AddLogging().AddSiteCore();
        configure?.Invoke(services);
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = dataPath,
            Sync = new SyncOptions { Folder = RepositoryPaths.UsyncFolder },
        }));
        services.AddSingleton<IOptions<SearchOptions>>(Options.Create(new SearchOptions { Storage = storage }));
        var provider = services.BuildServiceProvider();
        var engine = new SearchTestEngine(provider, dataPath);
        await provider.GetRequiredService<ISiteInitializer>().InitializeAsync(RepositoryPaths.UsyncFolder, CancellationToken.None);
        await engine.WaitUntilCurrentAsync();
        return engine;
    }

    /// <summary>Waits (at most ten seconds) until the index reflects the snapshot that is live now.</summary>
    public async Task WaitUntilCurrentAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Status.WaitForGenerationAsync(Snapshots.Current.Generation, timeout.Token);
    }

    public SearchResults Find(string text, string culture = KnownContent.English, MemberIdentity? member = null) =>
        Search.Search(new SearchQuery(text, culture, member));

    /// <summary>
    /// Polls the search until <paramref name="condition"/> holds, for at most <paramref name="timeout"/>: how the tests
    /// assert "within a second" without timing anything themselves.
    /// </summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolders.Delete(DataPath);
    }
}

/// <summary>One engine for the tests of a class that only read.</summary>
public sealed class SearchEngineFixture : IAsyncLifetime
{
    public SearchTestEngine Engine { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Engine = await SearchTestEngine.StartAsync();

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}
