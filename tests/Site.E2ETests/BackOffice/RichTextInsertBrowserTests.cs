using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.BackOffice;

/// <summary>
/// Placing things in rich text in Chromium: images dropped or pasted go into the media library with their alt text
/// asked for in the field's language; links to pages are picked by name and stored by key; Chinese input methods
/// compose into the text. Axe checks every dialog.
/// </summary>
public sealed class RichTextInsertBrowserTests(SiteServerFixture site)
{
    private const string Field = "textarea[name='v.bodyText.en-US']";
    private const string Editor = Field + " + .rte .rte-content";

    /// <summary>A new page under About (rich text in both languages), opened in the editor; null when the bundle is not built.</summary>
    private async Task<(IBrowserContext Context, IPage Page, Guid Key)?> OpenNewPageAsync(string group, string name)
    {
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;
        var key = Guid.NewGuid();
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = name + "（中文）", ["en-US"] = name },
            [new PropertyValue("title", "zh-CN", name + "（中文）"), new PropertyValue("title", "en-US", name),
             new PropertyValue("umbracoUrlName", "zh-CN", key.ToString("N")[..10]), new PropertyValue("umbracoUrlName", "en-US", key.ToString("N")[..10])]);
        var saved = await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, about, "page", data), "e2e", CancellationToken.None);
        Assert.True(saved.Succeeded);

        var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(group));
        await page.GotoAsync($"/umbraco/content/{key}");
        if (!await BackOfficeBrowser.HasEditorBundleAsync(page))
        {
            await context.DisposeAsync();
            return null;
        }

        await page.Locator(Editor).WaitForAsync();
        return (context, page, key);
    }

    private static byte[] Png(int width, int height)
    {
        using var image = NetVips.Image.Black(width, height, bands: 3) + new double[] { 40, 120, 200 };
        return image.PngsaveBuffer();
    }

    private static async Task SaveAsync(IPage page)
    {
        // The form's own post, not the autosave the editor fires five seconds after typing (on a loaded machine it
        // can be on its way when the button is clicked: the save then waits for it and posts after it).
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/content/", StringComparison.Ordinal)
            && !r.Url.EndsWith("/autosave", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var response = await posted;
        if (response.Status != 302)
        {
            await page.WaitForLoadStateAsync();
            Assert.Fail($"Saving answered {response.Status}: {string.Join(" ", await page.Locator(".error-summary").AllInnerTextsAsync())}");
        }

        await page.WaitForLoadStateAsync();
    }

    private async Task<string> StoredMarkupAsync(Guid key, string culture) =>
        EditorValues.RichTextMarkup((await site.Services.GetRequiredService<IContentService>().GetAsync(key, CancellationToken.None))!
            .CurrentVersion.Data.GetValue("bodyText", culture)) ?? string.Empty;

    /// <summary>Drops files on the editor as a file manager would (a DataTransfer with File objects).</summary>
    private static async Task DropAsync(ILocator editor, string name, string type, byte[] bytes) =>
        await editor.EvaluateAsync("""
            (el, [name, type, base64]) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], name, { type }));
              const box = el.getBoundingClientRect();
              const at = { bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + 10, clientY: box.top + 10 };
              el.dispatchEvent(new DragEvent('dragover', at));
              el.dispatchEvent(new DragEvent('drop', at));
            }
            """, new object[] { name, type, Convert.ToBase64String(bytes) });

    [Fact]
    public async Task A_dropped_image_asks_for_its_alt_text_goes_into_the_media_library_and_is_placed_by_key()
    {
        var opened = await OpenNewPageAsync(BackOfficeGroups.Writers, "Drop test " + Guid.NewGuid().ToString("N")[..6]);
        if (opened is not { } o)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        var (context, page, key) = o;

        await using var _ = context;
        await page.Locator(Editor).ClickAsync();
        await page.Keyboard.TypeAsync("Before the photo.");
        await DropAsync(page.Locator(Editor), "session-photo.png", "image/png", Png(320, 200));

        var dialog = page.Locator("dialog.rte-dialog");
        await dialog.WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "alt text dialog");
        var alt = dialog.GetByLabel("Alt text", new() { Exact = false });
        Assert.True(await alt.EvaluateAsync<bool>("el => el === document.activeElement"), "focus is in the alt text field");
        Assert.Equal("en-US", await alt.GetAttributeAsync("lang"));

        // Nothing is placed (or uploaded) without alt text: the dialog says so and keeps focus in the field.
        await page.Keyboard.PressAsync("Enter");
        await dialog.Locator(".field-error").WaitForAsync();
        Assert.Equal("true", await alt.GetAttributeAsync("aria-invalid"));
        await page.Keyboard.TypeAsync("Delegates at the opening session");
        var uploaded = page.WaitForResponseAsync(r => r.Url.Contains("/umbraco/richtext/media", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(200, (await uploaded).Status);

        await page.Locator(Editor + " img[data-udi]").WaitForAsync();
        var html = await page.Locator(Field).InputValueAsync();
        Assert.Matches("<img [^>]*data-udi=\"umb://media/[0-9a-f]{32}\"", html);
        Assert.Contains("alt=\"Delegates at the opening session\"", html, StringComparison.Ordinal);
        Assert.Contains("The image was added", await page.Locator(Field + " + .rte .rte-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(Editor).EvaluateAsync<bool>("el => el === document.activeElement"), "focus is back in the text");

        // Escape cancels: nothing is uploaded or placed.
        var uploads = 0;
        page.Request += (_, request) => uploads += request.Url.Contains("/umbraco/richtext/media", StringComparison.Ordinal) ? 1 : 0;
        await DropAsync(page.Locator(Editor), "second.png", "image/png", Png(30, 30));
        await page.Locator("dialog.rte-dialog").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("dialog.rte-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(1, await page.Locator(Editor + " img").CountAsync());
        Assert.Equal(0, uploads);

        // Undo takes the image out, redo puts it back.
        await page.Keyboard.PressAsync("Control+z");
        Assert.Equal(0, await page.Locator(Editor + " img").CountAsync());
        await page.Keyboard.PressAsync("Control+Shift+z");
        Assert.Equal(1, await page.Locator(Editor + " img").CountAsync());

        await SaveAsync(page);
        var stored = await StoredMarkupAsync(key, "en-US");
        var udi = System.Text.RegularExpressions.Regex.Match(stored, "umb://media/([0-9a-f]{32})").Groups[1].Value;
        var item = site.Services.GetRequiredService<IMediaLibrary>().Find(Guid.ParseExact(udi, "N"));
        Assert.NotNull(item);
        Assert.Equal("Delegates at the opening session", item.Alt("en-US"));
        Assert.Equal(320, item.Width);
    }

    [Fact]
    public async Task Pasted_images_are_uploaded_remote_ones_are_left_out_with_a_message_and_refusals_show_the_server_s_words()
    {
        var opened = await OpenNewPageAsync(BackOfficeGroups.Writers, "Paste test " + Guid.NewGuid().ToString("N")[..6]);
        if (opened is not { } o)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        var (context, page, _) = o;

        await using var _ = context;
        await page.Locator(Editor).ClickAsync();
        await page.Keyboard.TypeAsync("Pasted:");

        // HTML with a data: image (uploaded like a file, its alt offered) and a remote one (left out, said so).
        await page.Locator(Editor).EvaluateAsync("""
            (el, base64) => {
              const data = new DataTransfer();
              data.setData('text/html', '<p>From a web page<img src="https://example.org/hotlinked.jpg" alt="remote">'
                + '<img src="data:image/png;base64,' + base64 + '" alt="A pasted chart"></p>');
              el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, Convert.ToBase64String(Png(60, 40)));
        var status = page.Locator(Field + " + .rte .rte-status");
        await page.Locator("dialog.rte-dialog").WaitForAsync();
        Assert.Contains("other websites", await status.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("A pasted chart", await page.Locator("dialog.rte-dialog input").InputValueAsync());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(Editor + " img[data-udi]").WaitForAsync();

        // A screenshot on the clipboard (a file, no HTML).
        await page.Locator(Editor).EvaluateAsync("""
            (el, base64) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
              el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, Convert.ToBase64String(Png(50, 50)));
        await page.Locator("dialog.rte-dialog").WaitForAsync();
        await page.Keyboard.TypeAsync("A screenshot of the programme");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll(\"{Editor.Replace("\"", "\\\"", StringComparison.Ordinal)} img[data-udi]\").length === 2");

        var html = await page.Locator(Field).InputValueAsync();
        Assert.DoesNotContain("example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"A pasted chart\"", html, StringComparison.Ordinal);

        // Text that claims to be a PNG: the server's refusal, in the editor's language, in the editor's status line.
        await DropAsync(page.Locator(Editor), "not-a-photo.png", "image/png", "just text, not an image"u8.ToArray());
        await page.Locator("dialog.rte-dialog").WaitForAsync();
        await page.Keyboard.TypeAsync("Not really a photo");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(Field + " + .rte .rte-status.rte-status-error").WaitForAsync();
        Assert.Contains("Only JPEG, PNG, GIF and WebP images", await status.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page, "editor with a refusal");
    }

    [Fact]
    public async Task A_link_to_a_page_is_picked_by_name_with_the_keyboard_and_the_published_page_links_to_its_url_in_both_languages()
    {
        var target = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("session").First();
        var opened = await OpenNewPageAsync(BackOfficeGroups.Editors, "Link test " + Guid.NewGuid().ToString("N")[..6]);
        if (opened is not { } o)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        var (context, page, key) = o;

        await using var _ = context;
        foreach (var (culture, search, text) in new[] { ("en-US", target.Name("zh-CN")!, "the session"), ("zh-CN", target.Name("en-US")!, "这届论坛") })
        {
            var editor = page.Locator($"textarea[name='v.bodyText.{culture}'] + .rte .rte-content");
            await editor.ClickAsync();
            await page.Keyboard.TypeAsync(text);
            await page.Keyboard.PressAsync("Shift+Home");
            var dialog = page.Locator("dialog.rte-dialog");
            if (culture == "en-US")
            {
                // From the toolbar; the name in the other language finds it too; Down to the list, Enter chooses, Apply.
                await page.Locator($"textarea[name='v.bodyText.{culture}'] + .rte button[title='Link']").ClickAsync();
                await dialog.WaitForAsync();
                await page.Keyboard.TypeAsync(search);
                // Results come as the name is typed: wait for the answer to the whole name before choosing the first.
                await dialog.Locator(".rte-link-result").First.Filter(new() { HasText = search }).WaitForAsync();
                await Axe.AssertNoViolationsAsync(page, "link dialog");
                await page.Keyboard.PressAsync("ArrowDown");
                await page.Keyboard.PressAsync("Enter");
                Assert.Equal("true", await dialog.Locator(".rte-link-result").First.GetAttributeAsync("aria-pressed"));
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            }
            else
            {
                // Keyboard only: Ctrl+K from the text, type, Enter chooses the first page found, Enter applies.
                await page.Keyboard.PressAsync("Control+k");
                await dialog.WaitForAsync();
                await page.Keyboard.TypeAsync(search);
                // Results come as the name is typed: wait for the answer to the whole name before choosing the first.
                await dialog.Locator(".rte-link-result").First.Filter(new() { HasText = search }).WaitForAsync();
                await page.Keyboard.PressAsync("Enter");
                Assert.Equal("true", await dialog.Locator(".rte-link-result").First.GetAttributeAsync("aria-pressed"));
                await page.Keyboard.PressAsync("Enter");
            }

            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.True(await editor.EvaluateAsync<bool>("el => el === document.activeElement"), "focus is back in the text");
            var html = await page.Locator($"textarea[name='v.bodyText.{culture}']").InputValueAsync();
            Assert.Contains($"href=\"/{{localLink:{target.Key:D}}}\"", html, StringComparison.Ordinal);
            Assert.Contains("type=\"document\"", html, StringComparison.Ordinal);
        }

        await SaveAsync(page);
        var stored = await StoredMarkupAsync(key, "en-US");
        Assert.Matches($"<a (href=\"/{{localLink:{target.Key:D}}}\" type=\"document\"|type=\"document\" href=\"/{{localLink:{target.Key:D}}}\")>the session</a>", stored);
        var published = await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["zh-CN", "en-US"], "e2e", CancellationToken.None);
        Assert.True(published.Succeeded);
        var live = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.GetByKey(key)!;
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            await page.GotoAsync(live.Url(culture)!);
            var link = page.Locator("main .rich-text a");
            Assert.Equal(target.Url(culture), await link.GetAttributeAsync("href"));
            await Axe.AssertNoViolationsAsync(page, $"linking page ({culture})");
        }
    }

    [Fact]
    public async Task A_chinese_input_method_composes_into_the_text_without_the_toolbar_s_shortcuts_and_it_is_saved()
    {
        var opened = await OpenNewPageAsync(BackOfficeGroups.Writers, "IME test " + Guid.NewGuid().ToString("N")[..6]);
        if (opened is not { } o)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
            return;
        }

        var (context, page, key) = o;

        await using var _ = context;
        var editor = page.Locator("textarea[name='v.bodyText.zh-CN'] + .rte .rte-content");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+b");
        var cdp = await context.NewCDPSessionAsync(page);
        // Pinyin as an input method shows it: a composition that changes as keys are typed, then the chosen words.
        foreach (var (text, caret) in new[] { ("h", 1), ("hu", 2), ("hui", 3), ("会", 1), ("会y", 2), ("会yi", 3), ("会议", 2) })
        {
            await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = text, ["selectionStart"] = caret, ["selectionEnd"] = caret });
        }

        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "会议" });
        await page.Keyboard.PressAsync("Control+b");
        foreach (var (text, caret) in new[] { ("k", 1), ("kai", 3), ("开", 1), ("开m", 2), ("开mu", 3), ("开幕", 2) })
        {
            await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = text, ["selectionStart"] = caret, ["selectionEnd"] = caret });
        }

        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "开幕" });
        await page.Keyboard.TypeAsync("。");

        var html = await page.Locator("textarea[name='v.bodyText.zh-CN']").InputValueAsync();
        Assert.Equal("<p><strong>会议</strong>开幕。</p>", html);
        await SaveAsync(page);
        Assert.Equal("<p><strong>会议</strong>开幕。</p>", await StoredMarkupAsync(key, "zh-CN"));
    }

    [Fact]
    public async Task A_writer_writes_a_bilingual_article_with_structure_a_link_a_dropped_photo_and_a_cover_an_editor_publishes_it_and_both_languages_show_it()
    {
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var newsIndex = snapshot.OfType("newsIndex").Single().Key;
        var session = snapshot.OfType("session").First();
        var slug = "e2e-full-" + Guid.NewGuid().ToString("N")[..8];
        var coverName = "cover-" + slug + ".png";
        using (var cover = new MemoryStream(Png(800, 450)))
        {
            var uploaded = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
                cover, coverName, new Dictionary<string, string> { ["zh-CN"] = "开幕式会场", ["en-US"] = "The opening hall" }, null,
                new BackOfficeUser("editor@e2e", "Editor", new HashSet<string> { BackOfficeGroups.Editors }), CancellationToken.None);
            Assert.True(uploaded.Succeeded);
        }

        await using var writerContext = await site.NewContextAsync();
        var page = await writerContext.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(page, await site.NewUserAsync(BackOfficeGroups.Writers));
        await page.GotoAsync($"/umbraco/content/create?parentId={newsIndex}&type=newsArticle");
        if (!await BackOfficeBrowser.HasEditorBundleAsync(page))
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
        }

        foreach (var (culture, title) in new[] { ("zh-CN", "完整的浏览器测试文章"), ("en-US", "A complete browser test article") })
        {
            await page.Locator($"#f-name-{culture}").FillAsync(title);
            await page.Locator($"#f-v-title-{culture}").FillAsync(title);
            await page.Locator($"#f-v-umbracoUrlName-{culture}").FillAsync(slug);
        }

        await page.Locator("#f-v-publishDate").FillAsync("2026-11-06");
        await page.Locator("#f-v-image").SelectOptionAsync(new SelectOptionValue { Label = coverName });

        var words = new Dictionary<string, (string Heading, string Item, string Cell, string LinkText, string Alt)>
        {
            ["zh-CN"] = ("会议议程", "主旨演讲", "南京", "该届论坛", "代表们在开幕式上"),
            ["en-US"] = ("Programme", "Keynote speeches", "Nanjing", "that session", "Delegates at the opening"),
        };
        foreach (var (culture, w) in words)
        {
            var field = $"textarea[name='v.bodyText.{culture}']";
            var editor = page.Locator(field + " + .rte .rte-content");
            await editor.ClickAsync();

            // Markdown-like typing becomes structure: "## " a heading, "- " a list; the writer never sees markup.
            await page.Keyboard.TypeAsync("## " + w.Heading);
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync("- " + w.Item);
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(w.LinkText);
            await page.Keyboard.PressAsync("Shift+Home");
            await page.Keyboard.PressAsync("Control+k");
            var dialog = page.Locator("dialog.rte-dialog");
            await dialog.WaitForAsync();
            // The whole name, and the result that is the session: other tests' pages may share words with it.
            var name = session.Name(culture)!;
            await page.Keyboard.TypeAsync(name);
            await dialog.Locator(".rte-link-result", new() { HasText = name }).First.ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("Enter");

            await page.Locator(field + " + .rte button[title='Table']").ClickAsync();
            await page.Locator(field + " + .rte .rte-content table").WaitForAsync();
            await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('rte-content')");
            await page.Keyboard.TypeAsync(w.Cell);

            await page.Locator(field + " + .rte .rte-content > p").Last.ClickAsync();
            await DropAsync(page.Locator(field + " + .rte .rte-content"), culture + "-photo.png", "image/png", Png(640, 400));
            await dialog.WaitForAsync();
            await page.Keyboard.TypeAsync(w.Alt);
            var placed = page.WaitForResponseAsync(r => r.Url.Contains("/umbraco/richtext/media", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal(200, (await placed).Status);
            await page.Locator(field + " + .rte .rte-content img[data-udi]").WaitForAsync();

            var html = await page.Locator(field).InputValueAsync();
            Assert.Contains($"<h2>{w.Heading}</h2>", html, StringComparison.Ordinal);
            Assert.Contains(w.Item, html, StringComparison.Ordinal);
            Assert.Contains("<table", html, StringComparison.Ordinal);
            Assert.Contains($"/{{localLink:{session.Key:D}}}", html, StringComparison.Ordinal);
        }

        await Axe.AssertNoViolationsAsync(page, "a complete article in the editor");
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/content/create", StringComparison.Ordinal));
        await page.Locator("form.content-form button[type=submit]").ClickAsync();
        var response = await posted;
        if (response.Status != 302)
        {
            await page.WaitForLoadStateAsync();
            Assert.Fail($"Creating the article answered {response.Status}: {string.Join(" ", await page.Locator(".error-summary").AllInnerTextsAsync())}");
        }

        await page.WaitForURLAsync("**/umbraco/content/*?done=created");
        var key = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3]);
        foreach (var (prefix, culture) in new[] { ("zh", "zh-CN"), ("en", "en-US") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Submit for review ({prefix})" }).ClickAsync();
            await page.WaitForURLAsync($"**?done=submit&culture={culture}");
        }

        await using var editorContext = await site.NewContextAsync();
        var review = await editorContext.NewPageAsync();
        await BackOfficeBrowser.SignInAsync(review, await site.NewUserAsync(BackOfficeGroups.Editors));
        await review.GotoAsync($"/umbraco/content/{key}");
        foreach (var (prefix, culture) in new[] { ("zh", "zh-CN"), ("en", "en-US") })
        {
            await review.GetByRole(AriaRole.Button, new() { Name = $"Approve ({prefix})" }).ClickAsync();
            await review.WaitForURLAsync($"**?done=approve&culture={culture}");
        }

        await review.GetByRole(AriaRole.Button, new() { Name = "Publish both languages" }).ClickAsync();
        await review.WaitForURLAsync("**?done=publish-all");

        var live = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.GetByKey(key)!;
        foreach (var (culture, w) in words)
        {
            await review.GotoAsync(live.Url(culture)!);
            var prose = review.Locator("main .prose");
            Assert.Equal(w.Heading, (await prose.Locator("h2").First.InnerTextAsync()).Trim());
            Assert.Equal(w.Item, (await prose.Locator("ul li").First.InnerTextAsync()).Trim());
            Assert.Equal(w.Cell, (await prose.Locator("table td, table th").First.InnerTextAsync()).Trim());
            Assert.Equal(session.Url(culture), await prose.Locator("a", new() { HasText = w.LinkText }).GetAttributeAsync("href"));
            Assert.Equal(w.Alt, await prose.Locator("img").GetAttributeAsync("alt"));
            // Waits for the photo (a rendition made on first request may take a moment), then checks it decoded.
            Assert.True(await prose.Locator("img").EvaluateAsync<bool>(
                "img => img.complete ? img.naturalWidth > 0 : new Promise(done => { img.onload = () => done(img.naturalWidth > 0); img.onerror = () => done(false); })"),
                "the photo in the text loads");
            var coverImage = review.Locator("main img[fetchpriority='high']");
            Assert.Equal(culture == "zh-CN" ? "开幕式会场" : "The opening hall", await coverImage.GetAttributeAsync("alt"));
            await Axe.AssertNoViolationsAsync(review, $"the published article ({culture})");
        }
    }
}
