using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>Finding items by name for the tree's search box: any culture's name, drafts too, never the recycle bin.</summary>
public sealed class ContentServiceFindTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Names_are_found_in_either_language_whatever_their_case(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var english = await engine.Content.FindByNameAsync("13TH FORUM", 10, Ct);
        var chinese = await engine.Content.FindByNameAsync("第十三届", 10, Ct);
        var valueOnly = await engine.Content.FindByNameAsync("Tampere Hall", 10, Ct); // in a property, not a name

        Assert.Equal([Session13], english.Select(n => n.Key));
        Assert.Equal([Session13], chinese.Select(n => n.Key));
        Assert.Empty(valueOnly);
        Assert.Empty(await engine.Content.FindByNameAsync("   ", 10, Ct));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Drafts_are_found_and_the_recycle_bin_is_not(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var renamed = await engine.EditAsync(Session13, d => d with { Names = new Dictionary<string, string>(d.Names) { [English] = "Thirteenth Forum draft name" } });
        Assert.Equal(SaveStatus.Success, renamed.Status);

        Assert.Equal([Session13], (await engine.Content.FindByNameAsync("draft name", 10, Ct)).Select(n => n.Key));

        await engine.Services.GetRequiredService<IContentTreeService>().TrashAsync(Session13, TestUsers.Editor, Ct);
        Assert.Empty(await engine.Content.FindByNameAsync("draft name", 10, Ct));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_pickers_type_filter_keeps_other_types_out_and_lists_its_own_without_text(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var sessions = await engine.Content.FindByNameAsync("", 50, ["session"], Ct);
        var sessionByName = await engine.Content.FindByNameAsync("13TH FORUM", 10, ["session"], Ct);
        var otherType = await engine.Content.FindByNameAsync("13TH FORUM", 10, ["newsArticle"], Ct);

        Assert.NotEmpty(sessions);
        Assert.All(sessions, n => Assert.Equal("session", n.ContentTypeAlias));
        Assert.Contains(Session13, sessions.Select(n => n.Key));
        // In tree order, as the archive lists them.
        Assert.Equal(sessions.OrderBy(n => n.SortOrder).Select(n => n.Key), sessions.Select(n => n.Key));
        Assert.Equal([Session13], sessionByName.Select(n => n.Key));
        Assert.Empty(otherType);
        Assert.Equal(3, (await engine.Content.FindByNameAsync("", 3, ["session"], Ct)).Count);
        // No text and no filter is not "everything".
        Assert.Empty(await engine.Content.FindByNameAsync("", 10, [], Ct));
    }
}
