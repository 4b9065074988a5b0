using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// The index behind the whole engine: its snapshots reuse a node's culture table when nothing of it changed, and the
/// indexer then skips that node's fingerprint, so what changes only around a node (its protection) must still count.
/// </summary>
public sealed class EngineIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly MemberIdentity Partner = new("member-1", new HashSet<string> { "partners" });

    private static bool Finds(SearchTestEngine engine, string text, Guid key, MemberIdentity? member = null) =>
        engine.Search.Search(new SearchQuery(text, KnownContent.English, member) { Take = 50 }).Items.Any(i => i.Key == key);

    [Fact]
    public async Task Protection_and_a_new_title_reach_the_index_of_the_real_engine()
    {
        await using var engine = await SearchTestEngine.StartAsync();
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));

        await engine.PublicAccess.ProtectAsync(new PublicAccessRule(KnownContent.Sessions, ["partners"]), "test", Ct);
        await engine.WaitUntilCurrentAsync();
        Assert.False(Finds(engine, "Tampere", KnownContent.Session13));
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13, Partner));

        await engine.PublicAccess.UnprotectAsync(KnownContent.Sessions, "test", Ct);
        await engine.WaitUntilCurrentAsync();
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));

        // A new title: the only node whose culture table is new; every other is skipped by reference.
        var content = engine.Services.GetRequiredService<IContentService>();
        var about = await content.GetAsync(KnownContent.About, Ct);
        var saved = await content.SaveAsync(
            new ContentEdit(about!.Key, about.ParentKey, about.ContentTypeAlias, about.CurrentVersion.Data.WithValue("title", KnownContent.English, "About the forum (sample: Zanzibarfjord)"), null, null),
            "test", Ct);
        Assert.True(saved.Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(KnownContent.About, [KnownContent.English], "test", Ct)).Succeeded);
        await engine.WaitUntilCurrentAsync();
        Assert.True(Finds(engine, "Zanzibarfjord", KnownContent.About));
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));
    }
}
