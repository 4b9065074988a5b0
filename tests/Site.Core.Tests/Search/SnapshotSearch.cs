using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Search;
using Site.Core.Storage;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>A snapshot accessor whose snapshot a test sets, as the engine's snapshot service would swap it.</summary>
internal sealed class TestSnapshots : IPublishedSnapshotAccessor
{
    public PublishedSnapshot Current { get; set; } = PublishedSnapshot.Empty;
}

/// <summary>
/// The repository's uSync content as a published snapshot, built without a database (the same builder the engine
/// uses), and changed copies of it: a node gone, a culture unpublished, a node protected.
/// </summary>
internal static class UsyncSnapshots
{
    private static readonly Lazy<UsyncPackage> Package = new(() =>
    {
        var (package, problems) = UsyncReader.Read(RepositoryPaths.UsyncFolder);
        return package ?? throw new InvalidOperationException(string.Join("; ", problems));
    });

    private static readonly MarkdownRenderer Markdown = new();

    public static PublishedSnapshot Build(
        long generation,
        Func<UsyncContentItem, UsyncContentItem?>? change = null,
        IReadOnlyList<PublicAccessRule>? rules = null,
        IEnumerable<UsyncContentItem>? extra = null)
    {
        var package = Package.Value;
        var schema = new ContentSchema(new LanguageSet(package.Languages), package.DataTypes, package.Dictionary, package.ContentTypes);
        var items = package.Content.Select(i => change is null ? i : change(i)).OfType<UsyncContentItem>().Concat(extra ?? []).ToList();
        var byKey = items.ToDictionary(i => i.Key);
        var nodes = new List<ContentNodeRecord>();
        var published = new List<PublishedCultureRecord>();
        var versions = new Dictionary<long, ContentData>();
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(generation);
        long id = 0;
        foreach (var item in items)
        {
            id++;
            versions[id] = item.Data;
            nodes.Add(new ContentNodeRecord
            {
                Key = item.Key,
                ParentKey = item.ParentKey,
                ContentTypeAlias = item.ContentTypeAlias,
                SortOrder = item.SortOrder,
                Level = Level(item, byKey),
                CreateDateUtc = item.CreateDateUtc,
                UpdateDateUtc = time,
                CurrentVersionId = id,
                InvariantPublishedVersionId = item.PublishedCultures.Count > 0 ? id : null,
            });
            published.AddRange(item.PublishedCultures.Select(c => new PublishedCultureRecord { NodeKey = item.Key, Culture = c, VersionId = id, PublishedAtUtc = time }));
        }

        return PublishedSnapshotBuilder.Build(generation, time, schema, nodes, published, versions, rules ?? [], new SnapshotBuildCache(Markdown.ToSafeHtml));
    }

    public static UsyncContentItem Item(Guid key) => Package.Value.Content.Single(c => c.Key == key);

    private static int Level(UsyncContentItem item, Dictionary<Guid, UsyncContentItem> byKey)
    {
        var level = 1;
        for (var parent = item.ParentKey; parent is { } key && byKey.TryGetValue(key, out var next); parent = next.ParentKey)
        {
            level++;
        }

        return level;
    }
}

/// <summary>An indexer and a search service over snapshots a test swaps in, with the index in memory or on disk.</summary>
internal sealed class SnapshotSearch : IAsyncDisposable
{
    private readonly SearchIndexer _indexer;

    public SnapshotSearch(SearchIndexStorage storage = SearchIndexStorage.Memory, string? dataPath = null, SearchOptions? options = null, IRichTextRenderer? richText = null)
    {
        DataPath = dataPath ?? TempFolders.NewPath("search-index");
        var searchOptions = options ?? new SearchOptions();
        searchOptions.Storage = storage;
        _indexer = new SearchIndexer(
            Snapshots,
            new SearchDocumentFactory(new MarkdownRenderer(), richText ?? RichTextRenderer.WithoutMedia),
            Options.Create(new SiteCoreOptions { DataPath = DataPath }),
            Options.Create(searchOptions),
            NullLogger<SearchIndexer>.Instance);
        Service = new SearchService(_indexer, Snapshots, Options.Create(searchOptions));
    }

    public TestSnapshots Snapshots { get; } = new();

    public ISearchService Service { get; }

    public ISearchIndexStatus Status => _indexer;

    public IIndexRebuilder Rebuilder => _indexer;

    public string DataPath { get; }

    public string IndexPath => _indexer.IndexPath;

    public TermBridge Bridge => _indexer.Bridge;

    public int SegmentCount => _indexer.SegmentCount;

    /// <summary>Starts with the repository's content and waits until it is indexed.</summary>
    public static async Task<SnapshotSearch> StartAsync(
        SearchIndexStorage storage = SearchIndexStorage.Memory, string? dataPath = null, SearchOptions? options = null, IRichTextRenderer? richText = null)
    {
        var search = new SnapshotSearch(storage, dataPath, options, richText);
        await search.SwapAsync(UsyncSnapshots.Build(1));
        return search;
    }

    /// <summary>Makes a snapshot live and raises the notification, as the engine does after every change; does not wait.</summary>
    public Task PublishAsync(PublishedSnapshot snapshot)
    {
        Snapshots.Current = snapshot;
        return _indexer.HandleAsync(new PublishedSnapshotChangedNotification(snapshot.Generation), CancellationToken.None);
    }

    /// <summary>Makes a snapshot live and waits (at most ten seconds) until the index reflects it.</summary>
    public async Task SwapAsync(PublishedSnapshot snapshot)
    {
        await PublishAsync(snapshot);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _indexer.WaitForGenerationAsync(snapshot.Generation, timeout.Token);
    }

    public SearchResults Find(string text, string culture = KnownContent.English, MemberIdentity? member = null) =>
        Service.Search(new SearchQuery(text, culture, member));

    public async ValueTask DisposeAsync()
    {
        await _indexer.DisposeAsync();
        TempFolders.Delete(DataPath);
    }

    /// <summary>Closes the index and leaves its files, as a stopping site does.</summary>
    public ValueTask DisposeIndexOnlyAsync() => _indexer.DisposeAsync();
}

/// <summary>One index of the repository's content for the tests of a class that only read.</summary>
public sealed class RealContentSearchFixture : IAsyncLifetime
{
    internal SnapshotSearch Search { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Search = await SnapshotSearch.StartAsync();

    public async ValueTask DisposeAsync() => await Search.DisposeAsync();
}
