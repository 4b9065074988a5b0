using Site.Core.Members;
using Site.Core.Search;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>The index follows the published snapshot: changes are searchable within a second (polled, not timed).</summary>
public sealed class IndexMaintenanceTests
{
    // A bound for "the index followed", not a measure of how fast: that is the benchmark's job
    // (tests/Site.Benchmarks/Search, publish-to-searchable), and a loaded CI machine must not fail a correct index.
    private static readonly TimeSpan FollowBound = TimeSpan.FromSeconds(20);

    private static bool Finds(SnapshotSearch search, string query, string culture, Guid key) =>
        search.Find(query, culture).Items.Any(i => i.Key == key);

    [Fact]
    public async Task An_unpublished_node_disappears()
    {
        await using var search = await SnapshotSearch.StartAsync();
        Assert.True(Finds(search, "Tampere", KnownContent.English, KnownContent.Session13));

        await search.PublishAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13 ? i with { PublishedCultures = [] } : i));

        Assert.True(await SearchTestEngine.EventuallyAsync(() => !Finds(search, "Tampere", KnownContent.English, KnownContent.Session13), FollowBound));
    }

    [Fact]
    public async Task An_unpublished_culture_is_no_longer_shown_but_the_other_one_is()
    {
        await using var search = await SnapshotSearch.StartAsync();

        await search.PublishAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13 ? i with { PublishedCultures = [KnownContent.Chinese] } : i));

        Assert.True(await SearchTestEngine.EventuallyAsync(
            () => search.Find("坦佩雷", KnownContent.English).Items.FirstOrDefault(i => i.Key == KnownContent.Session13) is { Culture: KnownContent.Chinese },
            FollowBound));
        var hit = search.Find("坦佩雷", KnownContent.English).Items.First(i => i.Key == KnownContent.Session13);
        Assert.Equal(KnownContent.Session13ChineseUrl, hit.Url);
    }

    [Fact]
    public async Task A_new_node_is_found()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var template = UsyncSnapshots.Item(KnownContent.NewsSuzhou2025);
        var key = Guid.NewGuid();
        var data = ContentDataExtensions.Create(
            [(KnownContent.Chinese, "罗瓦涅米会议"), (KnownContent.English, "Rovaniemi meeting")],
            ("title", KnownContent.Chinese, "罗瓦涅米会议"),
            ("title", KnownContent.English, "Rovaniemi meeting"),
            ("bodyText", KnownContent.Chinese, "在罗瓦涅米举行。"),
            ("bodyText", KnownContent.English, "Held in Rovaniemi, Lapland."),
            ("publishDate", null, "2026-01-15"),
            ("umbracoUrlName", KnownContent.Chinese, "rovaniemi"),
            ("umbracoUrlName", KnownContent.English, "rovaniemi"));
        var item = template with { Key = key, Data = data, File = "rovaniemi.config" };

        await search.PublishAsync(UsyncSnapshots.Build(2, extra: [item]));

        Assert.True(await SearchTestEngine.EventuallyAsync(() => Finds(search, "Lapland", KnownContent.English, key), FollowBound));
        Assert.Equal("/en/news/rovaniemi", search.Find("Lapland", KnownContent.English).Items.Single().Url);
    }

    [Fact]
    public async Task A_moved_or_renamed_node_is_found_at_its_new_url()
    {
        await using var search = await SnapshotSearch.StartAsync();

        await search.PublishAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Sessions
            ? i with { Data = i.Data.WithValue("umbracoUrlName", KnownContent.English, "archive") }
            : i));

        Assert.True(await SearchTestEngine.EventuallyAsync(
            () => search.Find("Tampere", KnownContent.English).Items.Any(i => i.Url == "/en/archive/13th-forum-2017"), FollowBound));
    }

    [Fact]
    public async Task Only_changed_documents_are_rewritten()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var before = search.Status.DocumentCount;

        await search.SwapAsync(UsyncSnapshots.Build(1));
        await search.SwapAsync(UsyncSnapshots.Build(3, i => i.Key == KnownContent.Session13 ? null : i));

        Assert.Equal(before - 1, search.Status.DocumentCount);
        Assert.Equal(3, search.Status.IndexedGeneration);
    }

    [Fact]
    public async Task A_rebuilt_index_is_one_segment_and_publishes_do_not_pile_segments_up()
    {
        await using var search = await SnapshotSearch.StartAsync();
        Assert.Equal(1, search.SegmentCount);

        for (var i = 0; i < 3 * SearchIndexer.MaxSegments; i++)
        {
            var city = $"Rovaniemi{i}";
            await search.SwapAsync(UsyncSnapshots.Build(2 + i, item => item.Key == KnownContent.Session13
                ? item with { Data = item.Data.WithValue("venueCity", KnownContent.English, city) }
                : item));
            Assert.True(Finds(search, city, KnownContent.English, KnownContent.Session13));
        }

        Assert.True(await SearchTestEngine.EventuallyAsync(() => search.SegmentCount <= SearchIndexer.MaxSegments, FollowBound));
        Assert.True(Finds(search, "Tampere", KnownContent.English, KnownContent.Session13)); // what the merges kept
        Assert.False(Finds(search, "Rovaniemi0", KnownContent.English, KnownContent.Session13));
    }

    [Fact]
    public async Task A_large_rebuild_is_merged_into_one_segment_after_it_is_committed()
    {
        // Over a thousand nodes are indexed on every core, each thread writing its own segment.
        var session = UsyncSnapshots.Item(KnownContent.Session13);
        var copies = Enumerable.Range(0, 1_100).Select(i => session with { Key = Guid.NewGuid(), File = $"copy-{i}.config" }).ToList();
        var dataPath = TempFolders.NewPath("search-merge");
        try
        {
            var search = new SnapshotSearch(SearchIndexStorage.Disk, dataPath);
            await search.SwapAsync(UsyncSnapshots.Build(1, extra: copies));

            Assert.True(await SearchTestEngine.EventuallyAsync(() => search.SegmentCount == 1, FollowBound));
            Assert.True(search.Find("Tampere", KnownContent.English).Total > 1_100); // the copies and the real pages naming it
            await search.DisposeIndexOnlyAsync();

            // The merged index was committed with its stamp: a restart keeps it, as one segment.
            await using var again = new SnapshotSearch(SearchIndexStorage.Disk, dataPath);
            await again.SwapAsync(UsyncSnapshots.Build(1, extra: copies));
            Assert.Null(again.Status.LastRebuildReason);
            Assert.Equal(1, again.SegmentCount);
        }
        finally
        {
            TempFolders.Delete(dataPath);
        }
    }

    [Fact]
    public async Task Protected_content_is_found_only_by_members_allowed_to_see_it()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var rule = new PublicAccessRule(KnownContent.Session13, ["finland-partners"]);

        await search.SwapAsync(UsyncSnapshots.Build(2, rules: [rule]));

        Assert.False(Finds(search, "Tampere", KnownContent.English, KnownContent.Session13));
        Assert.DoesNotContain(search.Service.Suggest("Tampe", KnownContent.English, null), s => s.Url.Contains("13th", StringComparison.Ordinal));
        var outsider = new MemberIdentity("m1", new HashSet<string>(["other"]));
        Assert.DoesNotContain(search.Find("Tampere", KnownContent.English, outsider).Items, i => i.Key == KnownContent.Session13);
        var partner = new MemberIdentity("m2", new HashSet<string>(["finland-partners"]));
        Assert.Contains(search.Find("Tampere", KnownContent.English, partner).Items, i => i.Key == KnownContent.Session13);
        Assert.DoesNotContain(search.Find("Tampere", KnownContent.English).Facets[SearchFacets.ContentType], f => f.Value == "session");
    }

    [Fact]
    public async Task Protecting_a_section_hides_its_descendants_and_lifting_it_shows_them_again()
    {
        await using var search = await SnapshotSearch.StartAsync();

        await search.SwapAsync(UsyncSnapshots.Build(2, rules: [new PublicAccessRule(KnownContent.Sessions, [])]));
        Assert.False(Finds(search, "Tampere", KnownContent.English, KnownContent.Session13));
        Assert.Contains(search.Find("Tampere", KnownContent.English, new MemberIdentity("m", new HashSet<string>())).Items, i => i.Key == KnownContent.Session13);

        await search.SwapAsync(UsyncSnapshots.Build(3));
        Assert.True(Finds(search, "Tampere", KnownContent.English, KnownContent.Session13));
    }
}

/// <summary>On start, a missing, corrupt or old-version index on disk is rebuilt from the snapshot; a good one is kept.</summary>
public sealed class IndexRebuildTests
{
    [Fact]
    public async Task A_missing_index_is_built_on_disk_under_the_data_folder()
    {
        await using var search = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk);

        Assert.Equal("missing", search.Status.LastRebuildReason);
        Assert.StartsWith(search.DataPath, search.IndexPath, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(search.IndexPath, "segments_*"));
        Assert.True(Finds(search));
    }

    [Fact]
    public async Task A_good_index_is_kept_on_restart()
    {
        var dataPath = TempFolders.NewPath("search-restart");
        try
        {
            await (await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath)).DisposeIndexOnlyAsync();
            await using var again = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath);

            Assert.Null(again.Status.LastRebuildReason);
            Assert.True(Finds(again));
        }
        finally
        {
            TempFolders.Delete(dataPath);
        }
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt()
    {
        var dataPath = TempFolders.NewPath("search-corrupt");
        try
        {
            var first = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath);
            var indexPath = first.IndexPath;
            await first.DisposeIndexOnlyAsync();
            foreach (var file in Directory.GetFiles(indexPath))
            {
                var bytes = File.ReadAllBytes(file);
                Array.Fill(bytes, (byte)0x5A, bytes.Length / 3, Math.Max(1, bytes.Length / 3));
                File.WriteAllBytes(file, bytes);
            }

            await using var again = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath);

            Assert.Equal("corrupt", again.Status.LastRebuildReason);
            Assert.True(Finds(again));
        }
        finally
        {
            TempFolders.Delete(dataPath);
        }
    }

    [Fact]
    public async Task An_index_of_an_older_version_is_rebuilt()
    {
        var dataPath = TempFolders.NewPath("search-version");
        try
        {
            var first = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath);
            var indexPath = first.IndexPath;
            await first.DisposeIndexOnlyAsync();
            using (var directory = Lucene.Net.Store.FSDirectory.Open(indexPath))
            using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, SearchAnalyzers.PerField)))
            {
                writer.SetCommitData(new Dictionary<string, string> { [SearchFields.VersionKey] = "site-search-0" });
                writer.Commit();
            }

            await using var again = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk, dataPath);

            Assert.Equal("version", again.Status.LastRebuildReason);
            Assert.True(Finds(again));
        }
        finally
        {
            TempFolders.Delete(dataPath);
        }
    }

    [Fact]
    public async Task A_rebuild_reports_its_progress_and_keeps_every_document()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var reports = new List<IndexRebuildProgress>();

        var count = await search.Rebuilder.RebuildAsync(new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(search.Status.DocumentCount, count);
        Assert.Equal(new IndexRebuildProgress(0, count), reports[0]);
        Assert.Equal(new IndexRebuildProgress(count, count), reports[^1]);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(Finds(search));
    }

    [Fact]
    public async Task A_cancelled_rebuild_leaves_the_old_index_whole()
    {
        await using var search = await SnapshotSearch.StartAsync(SearchIndexStorage.Disk);
        using var cancelled = new CancellationTokenSource();

        // Cancelled once the rebuild has started (its first report comes before any document is written).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.Rebuilder.RebuildAsync(new SynchronousProgress(_ => cancelled.Cancel()), cancelled.Token));

        Assert.True(Finds(search));
        await search.SwapAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13 ? null : i));
        Assert.False(Finds(search));
    }

    private static bool Finds(SnapshotSearch search) =>
        search.Find("Tampere", KnownContent.English).Items.Any(i => i.Key == KnownContent.Session13);

    private sealed class SynchronousProgress(Action<IndexRebuildProgress> report) : IProgress<IndexRebuildProgress>
    {
        public void Report(IndexRebuildProgress value) => report(value);
    }
}
