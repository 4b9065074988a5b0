using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Publishing;

public sealed class PublishedSnapshotTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Import_routes_every_session_in_both_cultures(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var snapshot = engine.Snapshots.Current;

        var tampere = snapshot.GetByRoute("/en/sessions/13th-forum-2017");
        Assert.NotNull(tampere);
        Assert.Equal("session", tampere.ContentTypeAlias);
        Assert.Same(tampere, snapshot.GetByRoute("/zh/sessions/13th-forum-2017/"));
        Assert.Equal(20, snapshot.OfType("session").Count());
        Assert.All(snapshot.OfType("session"), s => Assert.True(s.IsPublished("zh-CN") && s.IsPublished("en-US")));
    }
}
