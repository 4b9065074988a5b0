using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Content;

public sealed class ContentHistoryServiceTests
{
    private static readonly BackOfficeUser Translator = new("t@jesie", "Translator", new HashSet<string> { BackOfficeGroups.Translators }, "en-US");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Diff_lists_each_changed_name_and_value_per_culture()
    {
        await using var engine = await TestEngine.StartAsync();
        var history = engine.Services.GetRequiredService<IContentHistoryService>();
        await engine.EditAsync(KnownContent.Session13, d => d
            .WithValue("theme", "en-US", "A new theme")
            .WithValue("year", null, "2018")
            .WithName("en-US", "13th Forum (renamed)"));

        var changes = await history.DiffAsync(KnownContent.Session13, 1, 2, Ct);

        Assert.NotNull(changes);
        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.IsName && c.Culture == "en-US" && c.After == "13th Forum (renamed)");
        Assert.Contains(changes, c => c.Alias == "theme" && c.Culture == "en-US" && c.Before == "Curriculum Design and School Culture" && c.After == "A new theme");
        Assert.Contains(changes, c => c.Alias == "year" && c.Culture is null && c.Before == "2017" && c.After == "2018");
        Assert.Null(await history.DiffAsync(KnownContent.Session13, 1, 99, Ct));
    }

    [Fact]
    public async Task Rollback_makes_a_new_draft_from_an_old_version_and_changes_nothing_public()
    {
        await using var engine = await TestEngine.StartAsync();
        var history = engine.Services.GetRequiredService<IContentHistoryService>();
        await engine.EditAsync(KnownContent.Session13, d => d.WithValue("theme", "en-US", "Mistake"));

        var rolledBack = await history.RollbackAsync(KnownContent.Session13, 1, Writer, Ct);

        Assert.True(rolledBack.Succeeded);
        Assert.Equal(3, rolledBack.Node!.CurrentVersion.Number);
        Assert.Equal("Curriculum Design and School Culture", rolledBack.Node.CurrentVersion.Data.GetValue("theme", "en-US"));
        Assert.Empty((await history.DiffAsync(KnownContent.Session13, 1, 3, Ct))!);
        Assert.Equal(3, (await engine.Content.GetVersionsAsync(KnownContent.Session13, Ct)).Count);
        Assert.Equal(SaveStatus.Forbidden, (await history.RollbackAsync(KnownContent.Session13, 1, Translator, Ct)).Status);
    }
}
