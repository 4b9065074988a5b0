using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>ContentService.SaveAsync: every save is a new version, nothing public changes, and conflicts are refused.</summary>
public sealed class ContentServiceSaveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Every_save_of_an_existing_node_adds_the_next_version_number(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        Assert.Equal([1], (await engine.Content.GetVersionsAsync(Session13, Ct)).Select(v => v.Number));

        var second = await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "about 200 principals"));
        var third = await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "about 300 principals"));

        Assert.Equal(SaveStatus.Success, second.Status);
        Assert.Equal(SaveStatus.Success, third.Status);
        Assert.Equal(2, second.Node!.CurrentVersion.Number);
        Assert.Equal(3, third.Node!.CurrentVersion.Number);
        Assert.Equal("about 300 principals", third.Node.CurrentVersion.Data.GetValue("attendees", English));
        Assert.Equal(TestEngineExtensions.Editor, third.Node.CurrentVersion.CreatedBy);

        var versions = await engine.Content.GetVersionsAsync(Session13, Ct);
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal("about 200 principals", versions[1].Data.GetValue("attendees", English));
        Assert.Null(versions[2].Data.GetValue("attendees", English));
        Assert.Equal(3, versions.Select(v => v.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Saving_an_unchanged_version_still_makes_a_new_version(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(About, d => d);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Node!.CurrentVersion.Number);
        Assert.Equal(2, (await engine.Content.GetVersionsAsync(About, Ct)).Count);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_new_node_starts_at_version_1_unpublished_one_level_below_its_parent(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var page = await engine.CreatePageAsync(Home, "新页面", "New page");

        Assert.Equal(1, page.CurrentVersion.Number);
        Assert.Equal(Home, page.ParentKey);
        Assert.Equal(2, page.Level);
        Assert.False(page.IsPublishedInAnyCulture);
        Assert.Null(page.InvariantPublishedVersionId);
        Assert.Equal("New page", page.CurrentVersion.Data.GetName(English));
        Assert.Contains(await engine.Content.GetChildrenAsync(Home, Ct), c => c.Key == page.Key);
        Assert.Null(engine.Snapshots.Current.GetByKey(page.Key));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Saving_changes_nothing_public(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var before = engine.Snapshots.Current;
        var nodeBefore = await engine.GetRequiredAsync(Session13);
        var publishedBefore = nodeBefore.PublishedCultures.ToDictionary(p => p.Culture, p => p.VersionId, StringComparer.Ordinal);

        var result = await engine.EditAsync(Session13, d => d
            .WithName(English, "Renamed forum")
            .WithValue("title", English, "A new English title")
            .WithValue("title", Chinese, "新的中文标题")
            .WithValue("sessionNumber", null, "31")
            .WithValue("umbracoUrlName", English, "renamed-forum"));

        Assert.True(result.Succeeded);
        Assert.Same(before, engine.Snapshots.Current);

        // The published version of each culture (and of the invariant values) is still the first one.
        var node = result.Node!;
        Assert.Equal(2, node.CurrentVersion.Number);
        Assert.Equal(publishedBefore, node.PublishedCultures.ToDictionary(p => p.Culture, p => p.VersionId, StringComparer.Ordinal));
        Assert.Equal(nodeBefore.InvariantPublishedVersionId, node.InvariantPublishedVersionId);
        Assert.NotEqual(node.CurrentVersion.Id, node.InvariantPublishedVersionId);

        // Even a snapshot rebuilt from the database shows the old values: the save touched nothing published.
        var rebuilt = await engine.Snapshots.RebuildAsync(Ct);
        var session = rebuilt.GetByRoute(Session13EnglishUrl);
        Assert.NotNull(session);
        Assert.Equal("13th Forum (2017)", session.Name(English));
        Assert.Equal("13th Jiangsu International Forum for School Principals (2017)", session.Value("title", English));
        Assert.Equal("第十三届江苏中小学校长国际论坛（2017年）", session.Value("title", Chinese));
        Assert.Equal(13, session.IntValue("sessionNumber", English));
        Assert.Null(rebuilt.GetByRoute("/en/sessions/renamed-forum"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Saving_from_an_older_version_is_a_conflict_and_writes_nothing(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var first = await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "first editor"), expectedVersion: 1);
        Assert.Equal(SaveStatus.Success, first.Status);
        var counts = await engine.CountRowsAsync();

        var second = await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "second editor"), expectedVersion: 1);

        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.False(second.Succeeded);
        Assert.Null(second.Node);
        var error = Assert.Single(second.Errors);
        Assert.Null(error.Alias);
        Assert.Contains("(2)", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("version 1", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("第 2 版", error.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.Contains("第 1 版", error.Message.Get(Chinese), StringComparison.Ordinal);

        Assert.Equal(counts, await engine.CountRowsAsync());
        var node = await engine.GetRequiredAsync(Session13);
        Assert.Equal(2, node.CurrentVersion.Number);
        Assert.Equal("first editor", node.CurrentVersion.Data.GetValue("attendees", English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Saving_from_the_latest_version_succeeds(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "first"), expectedVersion: 1);

        var result = await engine.EditAsync(Session13, d => d.WithValue("attendees", English, "second"), expectedVersion: 2);

        Assert.Equal(SaveStatus.Success, result.Status);
        Assert.Equal(3, result.Node!.CurrentVersion.Number);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Refused_saves_write_nothing(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var counts = await engine.CountRowsAsync();

        var invalid = await engine.EditAsync(Session13, d => d.WithValue("location", null, "overseas"));
        var unknownType = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), Home, "nope", ContentData.Empty));

        Assert.Equal(SaveStatus.ValidationFailed, invalid.Status);
        Assert.Equal(SaveStatus.InvalidStructure, unknownType.Status);
        Assert.Equal(counts, await engine.CountRowsAsync());
        Assert.Equal(1, (await engine.GetRequiredAsync(Session13)).CurrentVersion.Number);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_new_node_without_a_sort_order_goes_after_its_siblings(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var siblings = await engine.Content.GetChildrenAsync(Home, Ct);

        var page = await engine.CreatePageAsync(Home, "新页面", "New page");

        Assert.True(
            siblings.All(s => s.SortOrder < page.SortOrder),
            $"the new node got sort order {page.SortOrder}, but its siblings already use {string.Join(", ", siblings.Select(s => s.SortOrder))}");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_explicit_sort_order_is_kept(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var page = await engine.CreatePageAsync(Home, "新页面", "New page", sortOrder: 42);

        Assert.Equal(42, page.SortOrder);
        Assert.Equal(page.Key, (await engine.Content.GetChildrenAsync(Home, Ct))[^1].Key);
    }
}
