using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Publishing;

/// <summary>PublishedSnapshotService: a new immutable snapshot is swapped in after each publish; old ones never change.</summary>
public sealed class PublishedSnapshotServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Publishing_swaps_in_a_new_snapshot_and_leaves_the_old_one_unchanged(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var old = engine.Snapshots.Current;
        var oldSession = old.GetByKey(Session13)!;
        var oldCount = old.Count;
        await engine.EditAsync(Session13, d => d
            .WithValue("umbracoUrlName", English, "tampere-2017")
            .WithValue("sessionNumber", null, "31")
            .WithValue("title", English, "Tampere 2017"));

        var result = await engine.Publishing.PublishAsync(Session13, [English], TestEngineExtensions.Editor, Ct);

        Assert.True(result.Succeeded);
        var current = engine.Snapshots.Current;
        Assert.NotSame(old, current);
        Assert.True(current.Generation > old.Generation, $"generation {current.Generation} after {old.Generation}");

        // The new URL routes at once; the old English URL is gone; Chinese is untouched.
        var session = current.GetByRoute("/en/sessions/tampere-2017");
        Assert.NotNull(session);
        Assert.Equal(Session13, session.Key);
        Assert.Null(current.GetByRoute(Session13EnglishUrl));
        Assert.Same(session, current.GetByRoute(Session13ChineseUrl));
        Assert.Equal("Tampere 2017", session.Value("title", English));

        // The old snapshot still answers as before: a request that started on it sees one consistent state.
        Assert.Same(oldSession, old.GetByRoute(Session13EnglishUrl));
        Assert.Null(old.GetByRoute("/en/sessions/tampere-2017"));
        Assert.Equal(Session13EnglishUrl, oldSession.Url(English));
        Assert.Equal(13, oldSession.IntValue("sessionNumber", English));
        Assert.Equal("13th Jiangsu International Forum for School Principals (2017)", oldSession.Value("title", English));
        Assert.Equal(oldCount, old.Count);
        Assert.NotSame(oldSession, session);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Each_rebuild_has_a_higher_generation_and_the_same_content(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var first = engine.Snapshots.Current;

        var second = await engine.Snapshots.RebuildAsync(Ct);

        Assert.Same(second, engine.Snapshots.Current);
        Assert.Equal(first.Generation + 1, second.Generation);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(
            first.All.SelectMany(n => n.Cultures.Values.Select(c => c.Url)).Order(StringComparer.Ordinal),
            second.All.SelectMany(n => n.Cultures.Values.Select(c => c.Url)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unpublishing_swaps_the_snapshot_too(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var old = engine.Snapshots.Current;

        await engine.Publishing.UnpublishAsync(About, English, TestEngineExtensions.Editor, Ct);

        Assert.True(engine.Snapshots.Current.Generation > old.Generation);
        Assert.Null(engine.Snapshots.Current.GetByRoute("/en/about"));
        Assert.NotNull(old.GetByRoute("/en/about"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_refused_publish_keeps_the_current_snapshot(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var old = engine.Snapshots.Current;

        await engine.Publishing.PublishAsync(Session13, ["fr-FR"], TestEngineExtensions.Editor, Ct);

        Assert.Same(old, engine.Snapshots.Current);
    }
}
