using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Content;

public sealed class ContentTreeServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IContentTreeService Tree(TestEngine engine) => engine.Services.GetRequiredService<IContentTreeService>();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Trash_takes_a_page_and_its_descendants_down_and_restore_brings_them_back_unpublished(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var tree = Tree(engine);
        var sessionCount = engine.Snapshots.Current.OfType("session").Count();

        var trashed = await tree.TrashAsync(KnownContent.Sessions, Editor, Ct);

        Assert.True(trashed.Succeeded);
        Assert.Equal(sessionCount + 1, trashed.Keys.Count);
        Assert.Null(engine.Snapshots.Current.GetByRoute(KnownContent.Session13EnglishUrl));
        var bin = Assert.Single(await tree.GetRecycleBinAsync(Ct));
        Assert.Equal(KnownContent.Sessions, bin.Key);

        var restored = await tree.RestoreAsync(KnownContent.Sessions, Editor, Ct);

        Assert.True(restored.Succeeded);
        Assert.Empty(await tree.GetRecycleBinAsync(Ct));
        var session = await engine.GetRequiredAsync(KnownContent.Session13);
        Assert.False(session.Trashed);
        Assert.Equal(KnownContent.Sessions, session.ParentKey);
        Assert.False(session.IsPublishedInAnyCulture);
        Assert.True((await engine.Publishing.PublishAsync(KnownContent.Sessions, ["zh-CN", "en-US"], "test", Ct)).Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(KnownContent.Session13, ["zh-CN", "en-US"], "test", Ct)).Succeeded);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute(KnownContent.Session13EnglishUrl));
    }

    [Fact]
    public async Task Emptying_the_bin_deletes_for_good_and_a_child_cannot_be_restored_before_its_parent()
    {
        await using var engine = await TestEngine.StartAsync();
        var tree = Tree(engine);
        await tree.TrashAsync(KnownContent.Sessions, Editor, Ct);

        var childFirst = await tree.RestoreAsync(KnownContent.Session13, Editor, Ct);
        Assert.Equal(WorkflowStatus.InvalidTarget, childFirst.Status);
        Assert.Contains("restore the parent first", childFirst.Message!.Get("en-US"), StringComparison.Ordinal);

        var emptied = await tree.EmptyRecycleBinAsync(Editor, Ct);

        Assert.True(emptied.Succeeded);
        Assert.Null(await engine.Content.GetAsync(KnownContent.Session13, Ct));
        Assert.Empty(await engine.Content.GetVersionsAsync(KnownContent.Session13, Ct));
        Assert.Equal(KnownContent.NodeCount - 21, (await engine.CountRowsAsync()).Nodes);
    }

    [Fact]
    public async Task Move_respects_allowed_children_and_refuses_a_move_under_itself()
    {
        await using var engine = await TestEngine.StartAsync();
        var tree = Tree(engine);
        var page = await engine.CreatePageAsync(KnownContent.Home, "移动测试", "Move test", urlName: "move-test");
        Assert.True((await engine.Publishing.PublishAsync(page.Key, ["zh-CN", "en-US"], "test", Ct)).Succeeded);

        var notAllowed = await tree.MoveAsync(KnownContent.Session13, KnownContent.News, Editor, Ct);
        var intoItself = await tree.MoveAsync(KnownContent.About, KnownContent.About, Editor, Ct);
        var moved = await tree.MoveAsync(page.Key, KnownContent.About, Editor, Ct);

        Assert.Equal(WorkflowStatus.InvalidTarget, notAllowed.Status);
        Assert.Equal(WorkflowStatus.InvalidTarget, intoItself.Status);
        Assert.True(moved.Succeeded);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/en/about/move-test"));
        Assert.Null(engine.Snapshots.Current.GetByRoute("/en/move-test"));
        Assert.Equal(3, (await engine.GetRequiredAsync(page.Key)).Level);
    }

    [Fact]
    public async Task Sort_sets_the_order_of_every_child_and_refuses_an_incomplete_list()
    {
        await using var engine = await TestEngine.StartAsync();
        var tree = Tree(engine);
        var children = (await engine.Content.GetChildrenAsync(KnownContent.Home, Ct)).Select(c => c.Key).ToList();

        var incomplete = await tree.SortAsync(KnownContent.Home, children.Skip(1).ToList(), Editor, Ct);
        var reversed = await tree.SortAsync(KnownContent.Home, Enumerable.Reverse(children).ToList(), Editor, Ct);

        Assert.Equal(WorkflowStatus.InvalidTarget, incomplete.Status);
        Assert.True(reversed.Succeeded);
        Assert.Equal(Enumerable.Reverse(children), engine.Snapshots.Current.Home!.AllChildren.Select(c => c.Key));
    }

    [Fact]
    public async Task Copy_makes_unpublished_drafts_with_new_keys_and_a_url_of_their_own()
    {
        await using var engine = await TestEngine.StartAsync();
        var tree = Tree(engine);

        var copied = await tree.CopyAsync(KnownContent.Partners, KnownContent.Home, includeDescendants: true, Editor, Ct);

        Assert.True(copied.Succeeded);
        Assert.Equal(7, copied.Keys.Count);
        var copy = await engine.GetRequiredAsync(copied.Keys[0]);
        Assert.False(copy.IsPublishedInAnyCulture);
        Assert.EndsWith("(1)", copy.CurrentVersion.Data.GetName("en-US"), StringComparison.Ordinal);
        Assert.Null(copy.CurrentVersion.Data.GetValue("umbracoUrlName", "en-US"));
        Assert.Equal(6, (await engine.Content.GetChildrenAsync(copy.Key, Ct)).Count);
        Assert.True((await engine.Publishing.PublishAsync(copy.Key, ["zh-CN", "en-US"], "test", Ct)).Succeeded);
        Assert.NotEqual("/en/partners", engine.Snapshots.Current.GetByKey(copy.Key)!.Url("en-US"));
    }

    [Fact]
    public async Task Writers_may_not_delete_move_or_copy()
    {
        await using var engine = await TestEngine.StartAsync();
        var tree = Tree(engine);

        Assert.Equal(WorkflowStatus.Forbidden, (await tree.TrashAsync(KnownContent.About, Writer, Ct)).Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await tree.EmptyRecycleBinAsync(Writer, Ct)).Status);
        Assert.True((await tree.MoveAsync(KnownContent.SourcesPage, KnownContent.About, Writer, Ct)).Succeeded, "moving is editing, which writers may do");
        Assert.True((await tree.CopyAsync(KnownContent.SourcesPage, KnownContent.Home, false, Writer, Ct)).Succeeded, "copying is creating, which writers may do");
    }
}
