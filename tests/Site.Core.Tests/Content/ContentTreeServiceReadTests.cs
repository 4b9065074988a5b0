using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Storage;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Content;

/// <summary>
/// What the tree operations read: the subtree they change and the few nodes they need, never every node (which at
/// 50,000 nodes made each click take seconds). Counted as the node rows EF Core builds during the call.
/// </summary>
public sealed class ContentTreeServiceReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Move_copy_trash_and_restore_read_only_the_subtree_and_the_nodes_they_need(TestDatabase database)
    {
        var counter = new MaterializationCounter();
        await using var engine = await TestEngine.StartAsync(database, configure: services =>
        {
            MaterializationCounter.AddTo(counter)(services);
            // The snapshot's refresh after each change reads the changed nodes again; without it, every row counted
            // here is one the tree service read.
            services.RemoveAll<INotificationHandler<ContentMovedNotification>>();
            services.RemoveAll<INotificationHandler<ContentTrashedNotification>>();
            services.RemoveAll<INotificationHandler<ContentRestoredNotification>>();
        });
        var tree = engine.Services.GetRequiredService<IContentTreeService>();
        // A subtree three levels deep (4 nodes) in a tree of 40.
        var top = await engine.CreatePageAsync(KnownContent.Home, "子树", "Subtree", urlName: "subtree");
        var child = await engine.CreatePageAsync(top.Key, "子项一", "Child one");
        await engine.CreatePageAsync(top.Key, "子项二", "Child two");
        var grandchild = await engine.CreatePageAsync(child.Key, "孙项", "Grandchild");
        var nodes = (await engine.CountRowsAsync()).Nodes;
        Assert.Equal(KnownContent.NodeCount + 4, nodes);
        var aboutSortOrders = (await engine.Content.GetChildrenAsync(KnownContent.About, Ct)).Select(c => c.SortOrder).Append(-1).ToList();

        counter.Reset();
        var moved = await tree.MoveAsync(top.Key, KnownContent.About, Editor, Ct);
        var movedReads = counter.Count<ContentNodeRecord>();

        Assert.True(moved.Succeeded);
        Assert.Equal(4, moved.Keys.Count);
        Assert.InRange(movedReads, 4, 5); // the subtree and the new parent, not the other 35
        var movedTop = await engine.GetRequiredAsync(top.Key);
        Assert.Equal((KnownContent.About, 3), (movedTop.ParentKey!.Value, movedTop.Level));
        Assert.Equal(aboutSortOrders.Max() + 1, movedTop.SortOrder); // after the parent's last child
        Assert.Equal(5, (await engine.GetRequiredAsync(grandchild.Key)).Level);

        counter.Reset();
        var copied = await tree.CopyAsync(top.Key, KnownContent.Home, includeDescendants: true, Editor, Ct);
        var copiedReads = counter.Count<ContentNodeRecord>();

        Assert.True(copied.Succeeded);
        Assert.Equal(4, copied.Keys.Count);
        Assert.InRange(copiedReads, 4, 5); // the subtree and the target parent
        Assert.Equal(nodes + 4, (await engine.CountRowsAsync()).Nodes);
        var copiedTop = await engine.GetRequiredAsync(copied.Keys[0]);
        Assert.Equal((KnownContent.Home, 2), (copiedTop.ParentKey!.Value, copiedTop.Level));

        // A descendant trashed first stays in the bin under its parent once the parent follows.
        Assert.True((await tree.TrashAsync(grandchild.Key, Editor, Ct)).Succeeded);
        counter.Reset();
        var trashed = await tree.TrashAsync(top.Key, Editor, Ct);
        var trashedReads = counter.Count<ContentNodeRecord>();

        Assert.True(trashed.Succeeded);
        Assert.Equal(3, trashed.Keys.Count);
        Assert.InRange(trashedReads, 3, 4); // the subtree alone

        counter.Reset();
        var bin = await tree.GetRecycleBinAsync(Ct);
        var binReads = counter.Count<ContentNodeRecord>();

        Assert.Equal([top.Key], bin.Select(n => n.Key));
        Assert.Equal(1, binReads); // the one item at the top of the bin

        counter.Reset();
        var restored = await tree.RestoreAsync(top.Key, Editor, Ct);
        var restoredReads = counter.Count<ContentNodeRecord>();

        Assert.True(restored.Succeeded);
        Assert.Equal(4, restored.Keys.Count);
        Assert.InRange(restoredReads, 4, 5); // the subtree, and the parent is only asked whether it is in the tree
        Assert.Empty(await tree.GetRecycleBinAsync(Ct));
        Assert.False((await engine.GetRequiredAsync(grandchild.Key)).Trashed);
    }
}
