using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.BackOffice;

/// <summary>
/// A document picker on the edit form, in Chromium: the editor finds an item by name with the keyboard, sees it named,
/// replaces and removes it; what is saved is the item's udi, as Umbraco stores it. Axe checks the form and the dialog.
/// </summary>
public sealed class ContentPickerBrowserTests(SiteServerFixture site)
{
    [Fact]
    public async Task A_related_session_is_found_by_name_with_the_keyboard_saved_as_its_udi_and_removed()
    {
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var sessions = snapshot.OfType("session").Where(s => s.Name("en-US") is not null).Take(2).ToList();
        var news = snapshot.OfType("newsIndex").Single().Key;
        var key = Guid.NewGuid();
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = "选择器测试", ["en-US"] = "Picker test" },
            [new PropertyValue("title", "zh-CN", "选择器测试"), new PropertyValue("title", "en-US", "Picker test"), new PropertyValue("publishDate", null, "2026-03-01")]);
        Assert.True((await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, news, "newsArticle", data), "e2e", CancellationToken.None)).Succeeded);
        try
        {
            await using var context = await site.NewContextAsync();
            var page = await context.NewPageAsync();
            await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(BackOfficeGroups.Editors));
            await page.GotoAsync($"/umbraco/content/{key}");
            Assert.SkipUnless(await BackOfficeBrowser.HasEditorBundleAsync(page), "The back office's editor bundle is not built (Node.js was missing when the site was built).");
            var field = page.Locator("input[name='v.relatedSession']");
            var picker = page.Locator("input[name='v.relatedSession'] + .content-picker");
            Assert.False(await field.IsVisibleAsync());
            Assert.Equal("Nothing chosen yet.", await picker.Locator("p.hint").InnerTextAsync());

            // Enter in the search box takes the first item found; a document picker takes one, so the dialog closes.
            var choose = picker.Locator("button[id$='-choose']");
            await choose.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.Locator("dialog.picker-dialog");
            await page.Keyboard.TypeAsync(sessions[0].Name("en-US")!);
            await dialog.Locator("button.rte-link-result").Filter(new() { HasText = sessions[0].Name("en-US")! }).First.WaitForAsync();
            await Axe.AssertNoViolationsAsync(page, "the document picker's dialog");
            await page.Keyboard.PressAsync("Enter");
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement?.id.endsWith('-choose'))"));
            Assert.Equal([sessions[0].Name("en-US")!], await picker.Locator(".picker-name").AllInnerTextsAsync());
            Assert.Equal(ContentUdi.Create(sessions[0].Key), await field.InputValueAsync());

            // Another pick replaces it; Escape closes the dialog without a change.
            await choose.ClickAsync();
            await dialog.GetByLabel("Find by name").FillAsync(sessions[1].Name("en-US")!);
            await dialog.Locator("button.rte-link-result").Filter(new() { HasText = sessions[1].Name("en-US")! }).First.ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await choose.ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Equal(ContentUdi.Create(sessions[1].Key), await field.InputValueAsync());
            await Axe.AssertNoViolationsAsync(page, "the form with a picked session");

            await page.Locator("form.content-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/umbraco/content/{key}?done=*");
            var saved = await site.Services.GetRequiredService<IContentService>().GetAsync(key, CancellationToken.None);
            Assert.Equal(ContentUdi.Create(sessions[1].Key), saved!.CurrentVersion.Data.GetValue("relatedSession", null));

            // After the reload the pick is named again (from the server), and removing it empties the field.
            var remove = picker.GetByRole(AriaRole.Button, new() { Name = $"Remove: {sessions[1].Name("en-US")}" });
            await remove.ClickAsync();
            Assert.Equal(string.Empty, await field.InputValueAsync());
            Assert.True(await picker.Locator("p.hint").IsVisibleAsync());
        }
        finally
        {
            await site.Services.GetRequiredService<IContentTreeService>().TrashAsync(key, new BackOfficeUser("admin@e2e", "Admin", new HashSet<string> { BackOfficeGroups.Administrators }), CancellationToken.None);
        }
    }
}
