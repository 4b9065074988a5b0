using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Publishing;

/// <summary>PublishedSnapshot routing: URLs per culture, segments, duplicates, and what is routable in which culture.</summary>
public sealed class PublishedSnapshotRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PublishBothAsync(TestEngine engine, Guid key)
    {
        var result = await engine.Publishing.PublishAsync(key, [Chinese, English], TestEngineExtensions.Editor, Ct);
        Assert.True(result.Succeeded, $"{result.Status}: {string.Join("; ", result.Errors.Select(e => e.Message.ToString()))}");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Home_is_the_culture_prefix_alone(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var snapshot = engine.Snapshots.Current;
        var home = snapshot.Home;

        Assert.NotNull(home);
        Assert.Equal(Home, home.Key);
        Assert.Equal("/zh/", home.Url(Chinese));
        Assert.Equal("/en/", home.Url(English));
        Assert.Equal(string.Empty, home.Culture(Chinese)!.UrlSegment);
        foreach (var path in new[] { "/zh/", "/zh", "/ZH/", "/en/", "/en", "/En" })
        {
            Assert.Same(home, snapshot.GetByRoute(path));
        }

        Assert.Null(snapshot.GetByRoute("/"));
        Assert.Null(snapshot.GetByRoute("/fr/"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Every_imported_node_has_its_own_URL_in_each_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var snapshot = engine.Snapshots.Current;

        Assert.Equal(KnownContent.NodeCount, snapshot.Count);
        foreach (var node in snapshot.All)
        {
            foreach (var (culture, prefix) in new[] { (Chinese, "/zh/"), (English, "/en/") })
            {
                var url = node.Url(culture);
                Assert.NotNull(url);
                Assert.StartsWith(prefix, url, StringComparison.Ordinal);
                Assert.Same(node, snapshot.GetByRoute(url));
            }
        }

        Assert.Equal(KnownContent.NodeCount * 2, snapshot.All.Select(n => n.Url(Chinese)).Concat(snapshot.All.Select(n => n.Url(English))).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("/en/about", snapshot.GetByKey(About)!.Url(English));
        Assert.Equal("/zh/partners/suzhou-peel", snapshot.GetByKey(SuzhouPeel)!.Url(Chinese));
        Assert.Equal("/en/news/20th-forum-suzhou-2025", snapshot.GetByKey(NewsSuzhou2025)!.Url(English));
        Assert.Equal(Session13EnglishUrl, snapshot.GetByKey(Session13)!.Url(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task UmbracoUrlName_overrides_the_segment_made_from_the_name(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var about = engine.Snapshots.Current.GetByKey(About)!;

        // The Chinese name is 会议简介, but the override gives the same ASCII slug in both cultures.
        Assert.Equal("会议简介", about.Name(Chinese));
        Assert.Equal("/zh/about", about.Url(Chinese));
        Assert.Equal("about", about.Culture(Chinese)!.UrlSegment);

        var page = await engine.CreatePageAsync(Home, "新 页面", "New Page");
        await PublishBothAsync(engine, page.Key);
        Assert.Equal("/en/new-page", engine.Snapshots.Current.GetByKey(page.Key)!.Url(English));

        await engine.EditAsync(page.Key, d => d.WithValue("umbracoUrlName", English, "Other Slug!"));
        await PublishBothAsync(engine, page.Key);
        var snapshot = engine.Snapshots.Current;
        Assert.Equal("/en/other-slug", snapshot.GetByKey(page.Key)!.Url(English));
        Assert.Equal("/zh/新-页面", snapshot.GetByKey(page.Key)!.Url(Chinese));
        Assert.Null(snapshot.GetByRoute("/en/new-page"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Segments_from_names_keep_Chinese_letters_and_lower_case_the_rest(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var page = await engine.CreatePageAsync(Home, "资料 与 说明 ABC（2025）", "Café Ünïcode & Friends");

        await PublishBothAsync(engine, page.Key);

        var snapshot = engine.Snapshots.Current;
        var node = snapshot.GetByKey(page.Key)!;
        Assert.Equal("/zh/资料-与-说明-abc-2025", node.Url(Chinese));
        Assert.Equal("/en/café-ünïcode-friends", node.Url(English));
        Assert.Same(node, snapshot.GetByRoute("/zh/资料-与-说明-ABC-2025/"));
        Assert.Same(node, snapshot.GetByRoute("/EN/CAFÉ-ÜNÏCODE-FRIENDS"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Siblings_with_the_same_segment_get_numbered_suffixes_in_sort_order(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var first = await engine.CreatePageAsync(Home, "重复", "Duplicate page", sortOrder: 10);
        var second = await engine.CreatePageAsync(Home, "重复", "Duplicate Page!", sortOrder: 11);
        var third = await engine.CreatePageAsync(Home, "重复", "duplicate-page", sortOrder: 12);
        foreach (var page in new[] { third, first, second })
        {
            await PublishBothAsync(engine, page.Key);
        }

        var snapshot = engine.Snapshots.Current;
        Assert.Equal("/en/duplicate-page", snapshot.GetByKey(first.Key)!.Url(English));
        Assert.Equal("/en/duplicate-page-2", snapshot.GetByKey(second.Key)!.Url(English));
        Assert.Equal("/en/duplicate-page-3", snapshot.GetByKey(third.Key)!.Url(English));
        Assert.Equal("/zh/重复", snapshot.GetByKey(first.Key)!.Url(Chinese));
        Assert.Equal("/zh/重复-2", snapshot.GetByKey(second.Key)!.Url(Chinese));
        Assert.Equal("duplicate-page-2", snapshot.GetByKey(second.Key)!.Culture(English)!.UrlSegment);
        Assert.Same(snapshot.GetByKey(third.Key), snapshot.GetByRoute("/en/duplicate-page-3"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_new_sibling_reusing_a_segment_never_takes_the_URL_of_the_existing_page(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        // Created the way an editor would: without choosing a sort order.
        var copy = await engine.CreatePageAsync(Home, "资料来源", "Sources", urlName: "sources");
        await PublishBothAsync(engine, copy.Key);

        // The existing page is edited and republished afterwards.
        await engine.EditAsync(SourcesPage, d => d.WithValue("metaDescription", English, "How the facts were sourced."));
        await PublishBothAsync(engine, SourcesPage);

        var snapshot = engine.Snapshots.Current;
        Assert.Equal(SourcesPage, snapshot.GetByRoute("/en/sources")?.Key);
        Assert.Equal(SourcesPage, snapshot.GetByRoute("/zh/sources")?.Key);
        Assert.Equal(copy.Key, snapshot.GetByRoute("/en/sources-2")?.Key);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Segments_of_children_of_different_parents_may_be_equal(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var first = await engine.CreatePageAsync(Home, "甲", "Alpha", urlName: "alpha", sortOrder: 10);
        var nested = await engine.CreatePageAsync(first.Key, "甲", "Alpha", urlName: "alpha");
        await PublishBothAsync(engine, first.Key);
        await PublishBothAsync(engine, nested.Key);

        var snapshot = engine.Snapshots.Current;

        Assert.Equal("/en/alpha/alpha", snapshot.GetByKey(nested.Key)!.Url(English));
        Assert.Equal([Home, first.Key], snapshot.GetByKey(nested.Key)!.Ancestors().Select(a => a.Key));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_child_of_a_node_not_published_in_a_culture_is_not_routable_in_that_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        await engine.Publishing.UnpublishAsync(Sessions, English, TestEngineExtensions.Editor, Ct);

        var snapshot = engine.Snapshots.Current;
        Assert.Null(snapshot.GetByRoute("/en/sessions"));
        Assert.Null(snapshot.GetByRoute(Session13EnglishUrl));
        var session = snapshot.GetByRoute(Session13ChineseUrl);
        Assert.NotNull(session);
        Assert.False(session.IsPublished(English));
        Assert.Null(session.Url(English));
        Assert.DoesNotContain(snapshot.OfType("session"), s => s.IsPublished(English));
        Assert.Equal(20, snapshot.OfType("session").Count(s => s.IsPublished(Chinese)));

        // Still published in English in the database: it is the parent that keeps it off the English site.
        Assert.True((await engine.GetRequiredAsync(Session13)).IsPublished(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_grandchild_follows_its_grandparent_off_a_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var parent = await engine.CreatePageAsync(Home, "上级", "Parent", urlName: "parent", sortOrder: 10);
        var child = await engine.CreatePageAsync(parent.Key, "下级", "Child", urlName: "child");
        var grandchild = await engine.CreatePageAsync(child.Key, "孙级", "Grandchild", urlName: "grandchild");
        foreach (var key in new[] { parent.Key, child.Key, grandchild.Key })
        {
            await PublishBothAsync(engine, key);
        }

        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/en/parent/child/grandchild"));
        await engine.Publishing.UnpublishAsync(parent.Key, English, TestEngineExtensions.Editor, Ct);

        Assert.Null(engine.Snapshots.Current.GetByRoute("/en/parent/child/grandchild"));
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/zh/parent/child/grandchild"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Routes_ignore_case_and_a_trailing_slash(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var snapshot = engine.Snapshots.Current;
        var session = snapshot.GetByKey(Session13);

        foreach (var path in new[]
        {
            Session13EnglishUrl, Session13EnglishUrl + "/", "/EN/SESSIONS/13TH-FORUM-2017", "/En/Sessions/13th-Forum-2017/",
            " /en/sessions/13th-forum-2017 ", Session13ChineseUrl, "/ZH/sessions/13th-forum-2017/",
        })
        {
            Assert.Same(session, snapshot.GetByRoute(path));
        }

        Assert.Null(snapshot.GetByRoute("/en/sessions/13th-forum-2017/extra"));
        Assert.Null(snapshot.GetByRoute("/en/13th-forum-2017"));
        Assert.Null(snapshot.GetByRoute("/de/sessions/13th-forum-2017"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Children_are_in_sort_order_and_filtered_by_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var sessions = engine.Snapshots.Current.GetByKey(Sessions)!;

        var numbers = sessions.Children(English).Select(s => s.IntValue("sessionNumber", English)).ToList();

        Assert.Equal(Enumerable.Range(1, 20).Cast<int?>(), numbers);
        Assert.Equal(sessions, sessions.Children(Chinese).First().Parent);
        Assert.Equal(
            ["about", "sessions", "partners", "news", "sources", "speakers"],
            engine.Snapshots.Current.Home!.Children(English).Select(c => c.Culture(English)!.UrlSegment));
    }
}
