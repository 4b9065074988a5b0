using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>Editors keep the glossary: a saved entry is searched at once, without reading the content again; every change keeps a version.</summary>
public sealed class GlossaryServiceTests
{
    private const string Zh = KnownContent.Chinese;
    private const string En = KnownContent.English;

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_new_entry_is_searched_at_once_and_deleting_it_stops_that_and_the_history_keeps_both()
    {
        await using var engine = await SearchTestEngine.StartAsync();
        var glossary = engine.Services.GetRequiredService<IGlossaryService>();
        // 坦佩雷大厅 is nowhere in the content; Tampere Hall is, on the 13th session's English page.
        Assert.DoesNotContain(engine.Find("坦佩雷大厅", Zh).Items, h => h.Url.EndsWith("/sessions/13th-forum-2017", StringComparison.Ordinal));

        var saved = await glossary.SaveAsync(null, new Dictionary<string, string> { [En] = "Tampere Hall", [Zh] = "坦佩雷大厅" }, "editor@example.org", None);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.ToString())));
        Assert.Equal("Glossary.TampereHall", saved.Entry!.Alias);
        await engine.WaitUntilCurrentAsync();
        Assert.Contains(engine.Find("坦佩雷大厅", Zh).Items, h => h.Url.EndsWith("/sessions/13th-forum-2017", StringComparison.Ordinal));
        // The content was not read again: the snapshot that carries the new glossary read no node.
        Assert.Equal(0, engine.Snapshots.Current.NodesRead);
        Assert.Contains(engine.Snapshots.Current.Schema.Dictionary.Values, d => d.Key == saved.Entry.Key);

        var changed = await glossary.SaveAsync(saved.Entry.Key, new Dictionary<string, string> { [En] = "Tampere Hall; Tampere-talo", [Zh] = "坦佩雷大厅" }, "other@example.org", None);
        Assert.True(changed.Succeeded);
        Assert.True((await glossary.DeleteAsync(saved.Entry.Key, "editor@example.org", None)).Succeeded);
        await engine.WaitUntilCurrentAsync();
        Assert.DoesNotContain(engine.Find("坦佩雷大厅", Zh).Items, h => h.Url.EndsWith("/sessions/13th-forum-2017", StringComparison.Ordinal));

        var history = await glossary.HistoryAsync(saved.Entry.Key, None);
        Assert.Equal([null, "Tampere Hall; Tampere-talo", "Tampere Hall"], history.Select(v => v.Translations?[En]));
        Assert.Equal(["editor@example.org", "other@example.org", "editor@example.org"], history.Select(v => v.User));

        var restored = await glossary.RestoreAsync(saved.Entry.Key, history[1].Id, "editor@example.org", None);
        Assert.True(restored.Succeeded);
        Assert.Equal(["Tampere Hall", "Tampere-talo"], restored.Entry!.Terms[En]);
    }

    [Fact]
    public async Task Bad_entries_are_refused_with_a_reason_and_change_nothing()
    {
        await using var engine = await SearchTestEngine.StartAsync();
        var glossary = engine.Services.GetRequiredService<IGlossaryService>();
        var before = (await glossary.GetAllAsync(None)).Count;

        async Task<string> Refused(IReadOnlyDictionary<string, string> terms, Guid? key = null)
        {
            var result = await glossary.SaveAsync(key, terms, "editor", None);
            Assert.False(result.Succeeded);
            return string.Join(" | ", result.Errors.Select(e => e.ToString()));
        }

        Assert.Contains("at least two terms", await Refused(new Dictionary<string, string> { [En] = "alone" }), StringComparison.Ordinal);
        Assert.Contains("at least two terms", await Refused(new Dictionary<string, string> { [En] = " ; ;", [Zh] = "" }), StringComparison.Ordinal);
        Assert.Contains("no language \"fr-FR\"", await Refused(new Dictionary<string, string> { ["fr-FR"] = "IA", [En] = "AI" }), StringComparison.Ordinal);
        Assert.Contains("at most 100 characters", await Refused(new Dictionary<string, string> { [En] = new string('x', 101) + "; y" }), StringComparison.Ordinal);
        Assert.Contains("already in the entry", await Refused(new Dictionary<string, string> { [En] = "AI", [Zh] = "智能" }), StringComparison.Ordinal);
        Assert.Contains("no such glossary entry", await Refused(new Dictionary<string, string> { [En] = "a; b" }, Guid.NewGuid()), StringComparison.Ordinal);
        Assert.False((await glossary.DeleteAsync(Guid.NewGuid(), "editor", None)).Succeeded);
        Assert.Equal(before, (await glossary.GetAllAsync(None)).Count);
    }
}
