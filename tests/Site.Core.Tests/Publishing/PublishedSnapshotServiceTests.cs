using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
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

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_refresh_reads_only_the_changed_nodes_and_gives_what_reading_everything_gives(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var tree = engine.Services.GetRequiredService<IContentTreeService>();
        var access = engine.Services.GetRequiredService<IPublicAccessService>();
        var editor = TestUsers.Editor;
        var page = await engine.CreatePageAsync(Home, "快照测试", "Snapshot test", urlName: "snapshot-test");
        var child = await engine.CreatePageAsync(page.Key, "子页", "Child page", urlName: "child");

        // Each kind of change the journal records, one after another; after each, the refreshed snapshot must equal a
        // snapshot read whole from the database, and must have read only the nodes that changed.
        var steps = new (string Name, Func<Task> Change)[]
        {
            ("publish a new page", () => engine.Publishing.PublishAsync(page.Key, [Chinese, English], "test", Ct)),
            ("publish its child", () => engine.Publishing.PublishAsync(child.Key, [Chinese, English], "test", Ct)),
            ("publish a new URL", async () =>
            {
                await engine.EditAsync(Session13, d => d.WithValue("umbracoUrlName", English, "tampere-2017"));
                await engine.Publishing.PublishAsync(Session13, [English], "test", Ct);
            }),
            ("save a draft and publish another node", async () =>
            {
                await engine.EditAsync(About, d => d.WithValue("title", English, "A draft nobody sees"));
                await engine.Publishing.PublishAsync(SuzhouPeel, [Chinese], "test", Ct);
            }),
            ("unpublish a culture of a parent", () => engine.Publishing.UnpublishAsync(page.Key, English, "test", Ct)),
            ("move a subtree", () => tree.MoveAsync(page.Key, About, editor, Ct)),
            ("sort the home page's children", async () =>
            {
                var children = (await engine.Content.GetChildrenAsync(Home, Ct)).Select(c => c.Key).Reverse().ToList();
                await tree.SortAsync(Home, children, editor, Ct);
            }),
            ("protect a section", () => access.ProtectAsync(new PublicAccessRule(News, ["partners"]), "test", Ct)),
            ("trash a section", () => tree.TrashAsync(Partners, editor, Ct)),
            ("restore it", () => tree.RestoreAsync(Partners, editor, Ct)),
            ("delete for good", async () =>
            {
                await tree.TrashAsync(child.Key, editor, Ct);
                await tree.EmptyRecycleBinAsync(editor, Ct);
            }),
        };

        foreach (var (name, change) in steps)
        {
            var before = engine.Snapshots.Current;
            await change();
            var refreshed = engine.Snapshots.Current;
            Assert.True(refreshed.Generation > before.Generation, $"{name}: no new snapshot");
            Assert.InRange(refreshed.NodesRead, 0, 25);
            Assert.True(((PublishedSnapshotService)engine.Snapshots).KeepsOnlyPublishedVersions(), $"{name}: versions left behind or missing");

            var full = await engine.Snapshots.RebuildAsync(Ct);

            Assert.Equal(full.Count, full.NodesRead);
            Assert.Equal(Describe(full), Describe(refreshed));
        }
    }

    /// <summary>Everything a snapshot holds, node by node in tree order, as text to compare.</summary>
    private static string Describe(PublishedSnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var node in snapshot.Roots.SelectMany(r => new[] { r }.Concat(r.Descendants())))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{node.Key} {node.Parent?.Key} {node.Level} {node.SortOrder} {node.CreateDateUtc:O} {node.UpdateDateUtc:O} {node.AccessRule?.NodeKey} [{string.Join(',', node.AccessRule?.AllowedGroups ?? [])}]\n");
            foreach (var culture in node.Cultures.Values.OrderBy(c => c.Culture, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {culture.Culture} {culture.Url} {culture.Name} {culture.PublishedAtUtc:O}\n");
                foreach (var value in culture.Data.Values)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    {value.Alias} {value.Culture} {value.Value}\n");
                }
            }
        }

        return text.ToString();
    }
}
