using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// The term bridge learns a publish from the nodes it changed: after any change, learnt node by node, it is the bridge
/// a full learn of the new content gives — a new city is taught, and a pair is forgotten when no node teaches it any more.
/// </summary>
public sealed class TermBridgeLearningTests
{
    private static IEnumerable<PublishedContent> Nodes(PublishedSnapshot snapshot) => snapshot.All.Where(n => n.Cultures.Count > 0);

    private static Func<Site.Core.Sync.UsyncContentItem, Site.Core.Sync.UsyncContentItem?> CityOfSession13(string english, string chinese) =>
        item => item.Key != KnownContent.Session13 ? item : item with
        {
            Data = item.Data with
            {
                Values = [.. item.Data.Values.Where(v => v.Alias != "venueCity"), new PropertyValue("venueCity", "en-US", english), new PropertyValue("venueCity", "zh-CN", chinese)],
            },
        };

    /// <summary>The shipped content and a second page naming Tampere in both languages, learnt node by node.</summary>
    private static (PublishedSnapshot Snapshot, TermBridgeLearning Learning) LearntWithTwin(Guid twin)
    {
        var snapshot = UsyncSnapshots.Build(1, extra: [UsyncSnapshots.Item(KnownContent.Session13) with { Key = twin, File = "twin.config" }]);
        var learning = new TermBridgeLearning();
        foreach (var node in Nodes(snapshot))
        {
            learning.Learn(node);
        }

        return (snapshot, learning);
    }

    [Fact]
    public void Learning_the_changed_node_only_gives_the_bridge_of_a_full_learn()
    {
        var before = UsyncSnapshots.Build(1);
        var learning = new TermBridgeLearning();
        foreach (var node in Nodes(before))
        {
            learning.Learn(node);
        }

        Assert.Equal(TermBridge.Build(Nodes(before)).Learnt, learning.Bridge(Glossary.Empty).Learnt);
        Assert.Contains(("zh-CN", "坦佩雷"), learning.Bridge(Glossary.Empty).Translate("Tampere"));

        var moved = UsyncSnapshots.Build(2, CityOfSession13("Turku", "图尔库"));
        Assert.True(learning.Learn(moved.GetByKey(KnownContent.Session13)!));

        var bridge = learning.Bridge(Glossary.Empty);
        Assert.Equal(TermBridge.Build(Nodes(moved)).Learnt, bridge.Learnt);
        Assert.Contains(("zh-CN", "图尔库"), bridge.Translate("Turku"));
        // Learning it again as it is changes nothing, and the bridge is the same object.
        Assert.False(learning.Learn(moved.GetByKey(KnownContent.Session13)!));
        Assert.Same(bridge, learning.Bridge(Glossary.Empty));
    }

    [Fact]
    public void A_node_no_longer_published_is_forgotten_and_what_two_nodes_teach_stays_while_one_does()
    {
        var twin = Guid.NewGuid();
        var (_, learning) = LearntWithTwin(twin);

        Assert.True(learning.Forget(KnownContent.Session13));
        Assert.False(learning.Forget(KnownContent.Session13));
        Assert.Contains(("zh-CN", "坦佩雷"), learning.Bridge(Glossary.Empty).Translate("Tampere"));

        Assert.True(learning.Forget(twin));
        var gone = UsyncSnapshots.Build(2, item => item.Key == KnownContent.Session13 ? null : item);
        Assert.Equal(TermBridge.Build(Nodes(gone)).Learnt, learning.Bridge(Glossary.Empty).Learnt);
        Assert.DoesNotContain(("zh-CN", "坦佩雷"), learning.Bridge(Glossary.Empty).Translate("Tampere"));
    }

    [Fact]
    public void Nodes_that_teach_the_same_share_one_list_and_lists_no_node_teaches_are_dropped()
    {
        var twin = Guid.NewGuid();
        var (snapshot, learning) = LearntWithTwin(twin);

        Assert.NotNull(learning.TaughtBy(twin));
        Assert.Same(learning.TaughtBy(KnownContent.Session13), learning.TaughtBy(twin));

        // The 13th session moves through more cities than the pool keeps spare lists for.
        var session13 = snapshot.GetByKey(KnownContent.Session13)!;
        var cities = UsyncSnapshots.Build(2, CityOfSession13("Turku", "图尔库")).GetByKey(KnownContent.Session13)!;
        for (var i = 0; i < 1_200; i++)
        {
            learning.Learn(i % 2 == 0 ? cities : session13);
            learning.Learn(UsyncSnapshots.Build(3 + i, CityOfSession13($"City {i}", $"城市{i}")).GetByKey(KnownContent.Session13)!);
        }

        Assert.InRange(learning.KeptLists, 1, (2 * learning.Nodes.Count) + 1_025);
        var last = UsyncSnapshots.Build(5_000, CityOfSession13("City 1199", "城市1199"), extra: [UsyncSnapshots.Item(KnownContent.Session13) with { Key = twin, File = "twin.config" }]);
        Assert.Equal(TermBridge.Build(Nodes(last)).Learnt, learning.Bridge(Glossary.Empty).Learnt);
    }

    [Fact]
    public async Task The_indexer_learns_a_publish_without_learning_every_node_again_and_searches_with_it()
    {
        await using var search = await SnapshotSearch.StartAsync();

        var moved = UsyncSnapshots.Build(2, CityOfSession13("Turku", "图尔库"));
        await search.SwapAsync(moved);

        Assert.Equal(TermBridge.Build(Nodes(moved)).Learnt, search.Bridge.Learnt);
        // Asked in Chinese, the English page is found by the city it names in English.
        var found = search.Service.Search(new SearchQuery("图尔库", KnownContent.English), TestContext.Current.CancellationToken);
        Assert.Contains(found.Items, h => h.Key == KnownContent.Session13);
    }
}
