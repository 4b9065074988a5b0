using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Publishing;

/// <summary>PublishingService.UnpublishAsync: the mandatory culture takes the node down; others go alone.</summary>
public sealed class PublishingServiceUnpublishTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<PublishResult> UnpublishAsync(TestEngine engine, Guid key, string culture) =>
        engine.Publishing.UnpublishAsync(key, culture, TestEngineExtensions.Editor, Ct);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unpublishing_the_mandatory_Chinese_unpublishes_every_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await UnpublishAsync(engine, Session13, Chinese);

        Assert.Equal(PublishStatus.Success, result.Status);
        Assert.Equal([English, Chinese], result.Cultures.Order(StringComparer.Ordinal));
        var snapshot = engine.Snapshots.Current;
        Assert.Null(snapshot.GetByKey(Session13));
        Assert.Null(snapshot.GetByRoute(Session13EnglishUrl));
        Assert.Null(snapshot.GetByRoute(Session13ChineseUrl));
        Assert.Equal(19, snapshot.OfType("session").Count());
        Assert.Equal(KnownContent.NodeCount - 1, snapshot.Count);
        var node = await engine.GetRequiredAsync(Session13);
        Assert.False(node.IsPublishedInAnyCulture);
        Assert.Equal(1, node.CurrentVersion.Number);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unpublishing_Chinese_of_a_parent_takes_its_whole_branch_off_the_site(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        await UnpublishAsync(engine, Sessions, Chinese);

        var snapshot = engine.Snapshots.Current;
        Assert.Null(snapshot.GetByKey(Sessions));
        Assert.Empty(snapshot.OfType("session"));
        Assert.Null(snapshot.GetByRoute(Session13ChineseUrl));
        Assert.Null(snapshot.GetByRoute(Session13EnglishUrl));
        Assert.Equal(KnownContent.NodeCount - 21, snapshot.Count);

        // The sessions themselves are still published: they come back with their parent.
        Assert.True((await engine.GetRequiredAsync(Session13)).IsPublished(Chinese));
        var republished = await engine.Publishing.PublishAsync(Sessions, [Chinese, English], TestEngineExtensions.Editor, Ct);
        Assert.True(republished.Succeeded);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute(Session13EnglishUrl));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unpublishing_English_leaves_Chinese_live(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await UnpublishAsync(engine, Session13, English);

        Assert.Equal(PublishStatus.Success, result.Status);
        Assert.Equal([English], result.Cultures);
        var snapshot = engine.Snapshots.Current;
        var session = snapshot.GetByKey(Session13);
        Assert.NotNull(session);
        Assert.True(session.IsPublished(Chinese));
        Assert.False(session.IsPublished(English));
        Assert.Null(snapshot.GetByRoute(Session13EnglishUrl));
        Assert.Same(session, snapshot.GetByRoute(Session13ChineseUrl));
        Assert.DoesNotContain(snapshot.GetByKey(Sessions)!.Children(English), c => c.Key == Session13);
        Assert.Contains(snapshot.GetByKey(Sessions)!.Children(Chinese), c => c.Key == Session13);
        var node = await engine.GetRequiredAsync(Session13);
        Assert.Equal([Chinese], node.PublishedCultures.Select(p => p.Culture));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task After_Chinese_is_taken_down_English_alone_cannot_be_published(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await UnpublishAsync(engine, Session13, Chinese);

        var result = await engine.Publishing.PublishAsync(Session13, [English], TestEngineExtensions.Editor, Ct);

        Assert.Equal(PublishStatus.MandatoryCultureMissing, result.Status);
        Assert.Null(engine.Snapshots.Current.GetByKey(Session13));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_culture_that_is_not_published_cannot_be_unpublished(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await UnpublishAsync(engine, Session13, English);
        var counts = await engine.CountRowsAsync();

        var result = await UnpublishAsync(engine, Session13, English);

        Assert.Equal(PublishStatus.NotPublished, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(English, error.Culture);
        Assert.Equal("en-US is not published.", error.Message.Get(English));
        Assert.Equal(counts, await engine.CountRowsAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unknown_culture_and_missing_node_are_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var unknown = await UnpublishAsync(engine, Session13, "fr-FR");
        var missing = await UnpublishAsync(engine, Guid.NewGuid(), Chinese);

        Assert.Equal(PublishStatus.UnknownCulture, unknown.Status);
        Assert.Equal("fr-FR", Assert.Single(unknown.Errors).Culture);
        Assert.Equal(PublishStatus.NotFound, missing.Status);
        Assert.Equal(KnownContent.NodeCount, engine.Snapshots.Current.Count);
    }
}
