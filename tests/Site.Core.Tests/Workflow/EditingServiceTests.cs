using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Workflow;

/// <summary>Saving as a back-office user: the permission table applied to what the save changes.</summary>
public sealed class EditingServiceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly BackOfficeUser Translator = new("t@jesie", "Translator", new HashSet<string> { BackOfficeGroups.Translators }, "en-US");

    private static ContentEdit Changed(ContentNode node, Func<PropertyValue, PropertyValue> change, Guid? parent = null) =>
        new(node.Key, parent ?? node.ParentKey, node.ContentTypeAlias, node.CurrentVersion.Data with { Values = [.. node.CurrentVersion.Data.Values.Select(change)] },
            null, node.CurrentVersion.Number);

    [Fact]
    public async Task A_translator_saves_their_culture_but_not_the_other_one_the_shared_values_or_the_place_in_the_tree()
    {
        await using var engine = await TestEngine.StartAsync();
        var editing = engine.Services.GetRequiredService<IEditingService>();
        var node = (await engine.Content.GetAsync(KnownContent.Session13, Ct))!;
        // Plain text values, picked by alias: the stored order is the uSync file's (by alias), not the form's.
        var english = node.CurrentVersion.Data.Values.First(v => v.Alias == "title" && v.Culture == "en-US");
        var chinese = node.CurrentVersion.Data.Values.First(v => v.Alias == "title" && v.Culture == "zh-CN");
        var shared = node.CurrentVersion.Data.Values.First(v => v.Alias == "sessionNumber" && v.Culture is null);

        var (own, saved) = await editing.SaveAsync(Changed(node, v => v == english ? v with { Value = v.Value + " (revised)" } : v), Translator, Ct);
        Assert.True(own.Succeeded, own.Message?.ToString());
        Assert.True(saved!.Succeeded);
        node = saved.Node!;

        Assert.Equal(WorkflowStatus.Forbidden, (await editing.SaveAsync(Changed(node, v => v == chinese ? v with { Value = v.Value + "改" } : v), Translator, Ct)).Result.Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await editing.SaveAsync(Changed(node, v => v.Alias == shared.Alias && v.Culture is null ? v with { Value = v.Value + "1" } : v), Translator, Ct)).Result.Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await editing.SaveAsync(Changed(node, v => v, parent: Guid.NewGuid()), Translator, Ct)).Result.Status);
        Assert.Equal(2, (await engine.Content.GetVersionsAsync(node.Key, Ct)).Count);
    }

    [Fact]
    public async Task Writers_create_and_edit_translators_cannot_create_and_nobody_but_editors_unpublishes()
    {
        await using var engine = await TestEngine.StartAsync();
        var editing = engine.Services.GetRequiredService<IEditingService>();
        var node = (await engine.Content.GetAsync(KnownContent.Session13, Ct))!;
        var copy = new ContentEdit(Guid.NewGuid(), node.ParentKey, node.ContentTypeAlias, node.CurrentVersion.Data with
        {
            Values = [.. node.CurrentVersion.Data.Values.Where(v => v.Alias != "umbracoUrlName")],
            Names = node.CurrentVersion.Data.Names.ToDictionary(n => n.Key, n => n.Value + " copy"),
        });

        Assert.Equal(WorkflowStatus.Forbidden, (await editing.SaveAsync(copy, Translator, Ct)).Result.Status);
        var (created, _) = await editing.SaveAsync(copy, Writer, Ct);
        Assert.True(created.Succeeded);
        Assert.Equal(WorkflowStatus.Forbidden, (await editing.UnpublishAsync(KnownContent.Session13, "en-US", Writer, Ct)).Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await editing.UnpublishAsync(KnownContent.Session13, "en-US", Translator, Ct)).Status);
        Assert.True((await engine.Content.GetAsync(KnownContent.Session13, Ct))!.IsPublished("en-US"));
    }
}
