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
    public void A_large_version_is_kept_compressed_and_reads_back_the_same_after_it_was_let_go()
    {
        var json = ContentMapping.Serialize(Article(1));
        var version = PublishedVersion.FromJson(json);
        Assert.InRange(version.PackedBytes!.Value, 1, json.Length / 4);

        // Held decoded until let go (the search index reads every new version right after a build).
        var heldRead = ReadAndForget(version);
        ReadManyOthers();
        AssertStillHeld(heldRead, version);

        version.LetGo();
        ReadManyOthers();
        Assert.False(heldRead.TryGetTarget(out _));
        var again = version.Data;
        Assert.Equal(Article(1).Values, again.Values);
        Assert.Equal(Article(1).Names, again.Names);
        Assert.Same(again, version.Data); // decoded once, then held while read
    }

    [Fact]
    public void A_small_version_is_kept_as_it_is()
    {
        var version = PublishedVersion.FromJson("""{"names":{"en-US":"About"},"values":[{"alias":"year","value":"2005"}]}""");

        Assert.Null(version.PackedBytes);
        Assert.Same(version.Data, version.Data);
        Assert.Equal("2005", version.Data.GetValue("year", null));
    }

    /// <summary>More versions read than the ring of recently read ones holds, then a collection.</summary>
    private static void ReadManyOthers()
    {
        for (var i = 0; i < 2_100; i++)
        {
            var other = PublishedVersion.FromJson(ContentMapping.Serialize(Article(i + 2)));
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
}
