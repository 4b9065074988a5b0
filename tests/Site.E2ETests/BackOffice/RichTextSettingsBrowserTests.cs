using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.BackOffice;

/// <summary>
/// The rich text editor follows its data type's settings in Chromium: the toolbar shows only the configured buttons
/// (Umbraco's Umb.Tiptap.Toolbar.* aliases), a pasted h1 or table is reduced as the server reduces it, a shortcut of a
/// feature that is off does nothing; a block placed in the text can be edited and removed in place. Axe checks each.
/// </summary>
public sealed class RichTextSettingsBrowserTests(SiteServerFixture site)
{
    private const string Body = "textarea[name='v.bodyText.en-US']";

    private async Task<IPage?> OpenNewPageFormAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(BackOfficeGroups.Editors));
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;
        await page.GotoAsync($"/umbraco/content/create?parentId={about}&type=page");
        if (!await BackOfficeBrowser.HasEditorBundleAsync(page))
        {
            return null;
        }

        await page.Locator(Body + " + .rte .rte-content").WaitForAsync();
        return page;
    }

    private static async Task PasteHtmlAsync(ILocator editor, string html) =>
        await editor.EvaluateAsync("""
            (el, html) => {
              const data = new DataTransfer();
              data.setData('text/html', html);
              el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, html);

    [Fact]
    public async Task The_toolbar_shows_only_the_configured_buttons_and_what_is_off_cannot_be_pasted_or_typed()
    {
        await using var context = await site.NewContextAsync();
        if (await OpenNewPageFormAsync(context) is not { } page)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        // The page's body: the site's full rich text (its toolbar setting, in its groups).
        var full = await page.Locator(Body + " + .rte .rte-toolbar button").EvaluateAllAsync<string[]>("(bs) => bs.map((b) => b.dataset.toolbar)");
        Assert.Equal(
            [
                "Umb.Tiptap.Toolbar.Heading2", "Umb.Tiptap.Toolbar.Heading3", "Umb.Tiptap.Toolbar.Bold", "Umb.Tiptap.Toolbar.Italic",
                "Umb.Tiptap.Toolbar.BulletList", "Umb.Tiptap.Toolbar.OrderedList", "Umb.Tiptap.Toolbar.Blockquote", "Umb.Tiptap.Toolbar.Link",
                "Umb.Tiptap.Toolbar.MediaPicker", "Umb.Tiptap.Toolbar.Table", "Umb.Tiptap.Toolbar.BlockPicker", "Umb.Tiptap.Toolbar.Undo",
                "Umb.Tiptap.Toolbar.Redo",
            ],
            full);
        Assert.Equal(5, await page.Locator(Body + " + .rte .rte-toolbar [role=group]").CountAsync());

        // The text beside a photo (a block's field): the short rich text, without tables, images or blocks.
        var blocks = page.Locator("textarea[name='v.blocks'] + .blocklist");
        await blocks.Locator(".blocklist-add select").SelectOptionAsync(new SelectOptionValue { Label = "Text and image" });
        await blocks.Locator(".blocklist-add button").ClickAsync();
        var rich = blocks.Locator(".blocklist-item .rte").First;
        // What the editor writes back (and the form posts): the block's rich text field.
        var stored = blocks.Locator(".blocklist-item textarea[data-richtext]").First;
        await rich.Locator(".rte-content").WaitForAsync();
        var shortToolbar = await rich.Locator(".rte-toolbar button").EvaluateAllAsync<string[]>("(bs) => bs.map((b) => b.dataset.toolbar)");
        Assert.Equal(
            [
                "Umb.Tiptap.Toolbar.Heading3", "Umb.Tiptap.Toolbar.Heading4", "Umb.Tiptap.Toolbar.Bold", "Umb.Tiptap.Toolbar.Italic",
                "Umb.Tiptap.Toolbar.BulletList", "Umb.Tiptap.Toolbar.OrderedList", "Umb.Tiptap.Toolbar.Link", "Umb.Tiptap.Toolbar.Unlink",
                "Umb.Tiptap.Toolbar.Undo", "Umb.Tiptap.Toolbar.Redo",
            ],
            shortToolbar);
        await Axe.AssertNoViolationsAsync(page, "rich text toolbars");

        // Pasted: the h1 becomes the nearest allowed level (h3 here), the table its cells' text, the image nothing.
        var content = rich.Locator(".rte-content");
        await content.ClickAsync();
        await PasteHtmlAsync(content, "<h1>Pasted title</h1><table><tr><td>Cell text</td></tr></table><p><img src=\"/media/abc/x.jpg\" alt=\"x\">After</p><h6>Deep</h6>");
        var html = await stored.InputValueAsync();
        Assert.Contains("<h3>Pasted title</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Cell text</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Deep</h4>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);

        // Underline is off in both types: its shortcut changes nothing; bold is on.
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Control+u");
        await page.Keyboard.TypeAsync(" plain");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(" strong");
        html = await stored.InputValueAsync();
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.Contains("strong</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placed_block_is_edited_and_removed_in_place()
    {
        await using var context = await site.NewContextAsync();
        if (await OpenNewPageFormAsync(context) is not { } page)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        var rich = page.Locator(Body + " + .rte");
        await rich.Locator(".rte-content").ClickAsync();
        await page.Keyboard.TypeAsync("Text before the block");
        await rich.Locator("button[title='Insert a block']").ClickAsync();
        var dialog = page.Locator("dialog.rte-block-dialog");
        await dialog.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Quote" });
        await dialog.Locator("textarea").First.FillAsync("First words.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert" }).ClickAsync();
        var box = rich.Locator(".rte-content .rte-block");
        Assert.Contains("First words.", await box.InnerTextAsync(), StringComparison.Ordinal);

        // Edit: the dialog holds the block's values; saved, the field's blocks and the box's label change.
        await box.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Edit the block") }).ClickAsync();
        await dialog.WaitForAsync();
        Assert.Equal("First words.", await dialog.Locator("textarea").First.InputValueAsync());
        Assert.Equal(0, await dialog.Locator("select").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "edit block dialog");
        await dialog.Locator("textarea").First.FillAsync("Changed words.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save block" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('dialog.rte-block-dialog')");
        Assert.Contains("Changed words.", await box.InnerTextAsync(), StringComparison.Ordinal);
        var stored = await page.EvaluateAsync<string>(
            "(name) => document.querySelector(name).form.elements.namedItem(document.querySelector(name).dataset.rteBlocksField).value", Body);
        Assert.Contains("Changed words.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("First words.", stored, StringComparison.Ordinal);

        // Cancel leaves the values as they were.
        await box.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Edit the block") }).ClickAsync();
        await dialog.Locator("textarea").First.FillAsync("Not kept.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.Contains("Changed words.", await box.InnerTextAsync(), StringComparison.Ordinal);

        // Remove: the block leaves the text and the value's blocks.
        await box.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove") }).ClickAsync();
        Assert.Equal(0, await rich.Locator(".rte-content .rte-block").CountAsync());
        Assert.DoesNotContain("umb-rte-block", await page.Locator(Body).InputValueAsync(), StringComparison.Ordinal);
        stored = await page.EvaluateAsync<string>(
            "(name) => document.querySelector(name).form.elements.namedItem(document.querySelector(name).dataset.rteBlocksField).value", Body);
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(0, json.RootElement.GetProperty("contentData").GetArrayLength());
    }
}
