using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>ContentService.SaveAsync under concurrent saves of the same node: versions stay numbered 1, 2, 3… and conflicts are results, not exceptions.</summary>
public sealed class ContentServiceConcurrencyTests
{
    private const int Editors = 6;

    private static async Task<ContentEdit[]> EditsAsync(TestEngine engine, int? expectedVersion)
    {
        var node = await engine.GetRequiredAsync(Session13);
        return [.. Enumerable.Range(1, Editors).Select(i => new ContentEdit(
            node.Key, node.ParentKey, node.ContentTypeAlias,
            node.CurrentVersion.Data.WithValue("attendees", English, $"editor {i}"), null, expectedVersion))];
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Concurrent_saves_from_the_same_version_give_one_success_and_conflicts(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var edits = await EditsAsync(engine, expectedVersion: 1);

        var results = await Task.WhenAll(edits.Select(e => Task.Run(() => engine.SaveAsync(e), TestContext.Current.CancellationToken)));

        Assert.Equal(1, results.Count(r => r.Status == SaveStatus.Success));
        Assert.Equal(Editors - 1, results.Count(r => r.Status == SaveStatus.Conflict));
        Assert.Equal([2, 1], (await engine.Content.GetVersionsAsync(Session13, TestContext.Current.CancellationToken)).Select(v => v.Number));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Concurrent_saves_without_an_expected_version_each_get_the_next_number(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var edits = await EditsAsync(engine, expectedVersion: null);

        var results = await Task.WhenAll(edits.Select(e => Task.Run(() => engine.SaveAsync(e), TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.Equal(SaveStatus.Success, r.Status));
        Assert.Equal(
            Enumerable.Range(1, Editors + 1).Reverse(),
            (await engine.Content.GetVersionsAsync(Session13, TestContext.Current.CancellationToken)).Select(v => v.Number));
    }
}
