using Microsoft.Extensions.DependencyInjection;
using Site.Core.Cluster;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Cluster;

/// <summary>Two instances on one database: what one publishes, the other shows after its next poll.</summary>
public sealed class ClusterJournalFollowerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_change_published_on_one_instance_reaches_the_other(TestDatabase database)
    {
        await using var first = await TestEngine.StartAsync(database);
        await using var second = await first.StartSecondInstanceAsync();
        var secondSnapshots = second.GetRequiredService<IPublishedSnapshotAccessor>();
        var secondFollower = second.GetRequiredService<IClusterJournalFollower>();
        var firstFollower = first.Services.GetRequiredService<IClusterJournalFollower>();
        Assert.Equal(0, await secondFollower.PollAsync(Ct));

        await first.EditAsync(KnownContent.About, d => d.WithValue("title", "en-US", "Changed on the first instance"));
        await first.Publishing.PublishAsync(KnownContent.About, ["en-US"], "test", Ct);
        Assert.NotEqual("Changed on the first instance", secondSnapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));

        Assert.Equal(1, await secondFollower.PollAsync(Ct));
        Assert.Equal("Changed on the first instance", secondSnapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));
        Assert.Equal(0, await firstFollower.PollAsync(Ct));
        Assert.Equal(0, await secondFollower.PollAsync(Ct));
    }

    [Fact]
    public async Task An_instance_does_not_rebuild_for_its_own_changes()
    {
        await using var engine = await TestEngine.StartAsync();
        var follower = engine.Services.GetRequiredService<IClusterJournalFollower>();
        await engine.Publishing.UnpublishAsync(KnownContent.SourcesPage, "en-US", "test", Ct);
        var generation = engine.Snapshots.Current.Generation;

        Assert.Equal(0, await follower.PollAsync(Ct));
        Assert.Equal(generation, engine.Snapshots.Current.Generation);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Media_changed_on_one_instance_reach_the_others_library_without_touching_its_snapshot(TestDatabase database)
    {
        await using var first = await TestEngine.StartAsync(database);
        await using var second = await first.StartSecondInstanceAsync();
        var editor = TestUsers.Editor;
        var media = first.Services.GetRequiredService<IMediaService>();
        var secondLibrary = second.GetRequiredService<IMediaLibrary>();
        var secondFollower = second.GetRequiredService<IClusterJournalFollower>();
        var generation = second.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation;

        var uploaded = await media.UploadAsync(new MemoryStream(TestImages.Png()), "Tampere Hall.png",
            new Dictionary<string, string> { ["en-US"] = "Tampere Hall", ["zh-CN"] = "坦佩雷会堂" }, null, editor, Ct);
        Assert.True(uploaded.Succeeded);
        Assert.Null(secondLibrary.Find(uploaded.Item!.Key));

        Assert.Equal(1, await secondFollower.PollAsync(Ct));
        Assert.Equal("坦佩雷会堂", secondLibrary.Find(uploaded.Item.Key)!.Alt("zh-CN"));
        Assert.Equal(generation, second.GetRequiredService<IPublishedSnapshotAccessor>().Current.Generation);

        // A publish on this instance moves its snapshot past a later media row: the library still learns of it.
        await media.DeleteAsync(uploaded.Item.Key, editor, Ct);
        await second.GetRequiredService<IPublishingService>().UnpublishAsync(KnownContent.SourcesPage, "en-US", "test", Ct);
        Assert.NotNull(secondLibrary.Find(uploaded.Item.Key));

        Assert.Equal(1, await secondFollower.PollAsync(Ct));
        Assert.Null(secondLibrary.Find(uploaded.Item.Key));
        Assert.Equal(1, await first.Services.GetRequiredService<IClusterJournalFollower>().PollAsync(Ct)); // the second's unpublish
    }
}
