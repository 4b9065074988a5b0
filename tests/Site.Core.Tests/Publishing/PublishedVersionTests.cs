using System.Runtime.CompilerServices;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Tests.Publishing;

public sealed class PublishedVersionTests
{
    private static ContentData Article(int n) => new(
        new Dictionary<string, string> { ["zh-CN"] = $"第{n}篇", ["en-US"] = $"Article {n}" },
        [
            new PropertyValue("bodyText", "en-US", string.Concat(Enumerable.Repeat($"Principals from Jiangsu and Turku, article {n}. ", 60))),
            new PropertyValue("bodyText", "zh-CN", string.Concat(Enumerable.Repeat($"江苏与图尔库的校长，第{n}篇。", 60))),
            new PropertyValue("year", null, "2017"),
        ]);

    [Fact]
    public void A_large_version_is_not_kept_and_reads_back_the_same_from_its_source_after_it_was_let_go()
    {
        var source = new Source();
        var json = source.Store(1, Article(1));
        var version = PublishedVersion.FromJson(1, json, source);
        Assert.False(version.IsKept);

        // Held decoded until let go (the search index reads every new version right after a build).
        var heldRead = ReadAndForget(version);
        ReadManyOthers(source);
        AssertStillHeld(heldRead, version);
        Assert.Equal(0, source.ReadsOf(1));

        version.LetGo();
        ReadManyOthers(source);
        Assert.False(heldRead.TryGetTarget(out _));
        var again = version.Data;
        Assert.Equal(1, source.ReadsOf(1));
        Assert.Equal(Article(1).Values, again.Values);
        Assert.Equal(Article(1).Names, again.Names);
        Assert.Same(again, version.Data); // read and decoded once, then held while read
        Assert.Equal(1, source.ReadsOf(1));
    }

    [Fact]
    public void A_small_version_is_kept_as_it_is()
    {
        var source = new Source();
        var version = PublishedVersion.FromJson(7, """{"names":{"en-US":"About"},"values":[{"alias":"year","value":"2005"}]}""", source);
        version.LetGo();

        Assert.True(version.IsKept);
        Assert.Same(version.Data, version.Data);
        Assert.Equal("2005", version.Data.GetValue("year", null));
        Assert.Equal(0, source.ReadsOf(7));
    }

    [Fact]
    public void A_version_whose_row_is_gone_reads_as_empty_not_as_an_error()
    {
        var source = new Source();
        var version = PublishedVersion.FromJson(3, source.Store(3, Article(3)), source);
        source.Remove(3); // emptied from the recycle bin while an older snapshot is still read
        version.LetGo();
        ReadManyOthers(source);

        Assert.Empty(version.Data.Values);
        Assert.Equal(1, source.ReadsOf(3));
    }

    [Fact]
    public void Holding_all_reads_the_versions_not_in_memory_in_one_go_and_keeps_them_until_let_go()
    {
        var source = new Source();
        var versions = Enumerable.Range(1, 40).Select(i => PublishedVersion.FromJson(i, source.Store(i, Article(i)), source)).ToList();
        foreach (var version in versions)
        {
            version.LetGo();
        }

        ReadManyOthers(source);
        source.Remove(40);

        var held = PublishedVersion.HoldAll(versions.Append(versions[0]));

        Assert.Equal(40, held.Count);
        Assert.Equal(1, source.ManyReads);
        ReadManyOthers(source);
        Assert.All(versions.Take(39), v => Assert.Equal(Article(versions.IndexOf(v) + 1).Values, v.Data.Values));
        Assert.Empty(versions[39].Data.Values);
        Assert.All(Enumerable.Range(1, 40), i => Assert.Equal(0, source.ReadsOf(i))); // none read again one by one
        Assert.Empty(PublishedVersion.HoldAll(versions)); // already held: nothing to read
        Assert.Equal(1, source.ManyReads);
    }

    /// <summary>More versions read than the ring of recently read ones holds, then a collection.</summary>
    private static void ReadManyOthers(Source source)
    {
        for (var i = 0; i < 2_100; i++)
        {
            var id = 1_000 + i;
            var other = PublishedVersion.FromJson(id, source.Store(id, Article(i + 2)), source);
            other.LetGo();
            _ = other.Data;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AssertStillHeld(WeakReference<ContentData> read, PublishedVersion version)
    {
        Assert.True(read.TryGetTarget(out var held));
        Assert.Same(held, version.Data);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<ContentData> ReadAndForget(PublishedVersion version)
    {
        var data = version.Data;
        Assert.Equal(Article(1).Values, data.Values);
        return new WeakReference<ContentData>(data);
    }

    /// <summary>Stored versions, counting how often each is read again.</summary>
    private sealed class Source : IPublishedValueSource
    {
        private readonly Dictionary<long, string> _rows = [];
        private readonly Dictionary<long, int> _reads = [];

        public string Store(long id, ContentData data) => _rows[id] = ContentMapping.Serialize(data);

        public void Remove(long id) => _rows.Remove(id);

        public int ReadsOf(long id) => _reads.GetValueOrDefault(id);

        public int ManyReads { get; private set; }

        public string? ReadJson(long versionId)
        {
            _reads[versionId] = ReadsOf(versionId) + 1;
            return _rows.GetValueOrDefault(versionId);
        }

        public IReadOnlyDictionary<long, string> ReadJson(IReadOnlyCollection<long> versionIds)
        {
            ManyReads++;
            return versionIds.Where(_rows.ContainsKey).ToDictionary(id => id, id => _rows[id]);
        }
    }
}
