using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests.BackOffice;

/// <summary>The editorial workflow in Chromium, with axe on every back-office screen in both of its languages.</summary>
public sealed class BackOfficeBrowserTests(SiteServerFixture site)
{
    private const string Password = BackOfficeBrowser.Password;

    private Task<string> NewUserAsync(string group, string uiCulture = "en-US") => site.NewUserAsync(group, uiCulture);

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = site.Services.CreateScope();
        var users = await scope.ServiceProvider.GetRequiredService<IUserService>().ListAsync(CancellationToken.None);
        return users.Single(u => u.Email == email).Id;
    }

    private Guid NewsIndex => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

    /// <summary>Signs in with the keyboard only: Tab to each field, type, Enter.</summary>
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/umbraco/login", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.Locator("#f-Email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("f-Password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(password);
        // What was typed is what is sent: a busy machine must not turn a dropped key into a timeout far from its cause.
        Assert.Equal(email, await page.Locator("#f-Email").InputValueAsync());
        Assert.Equal(password, await page.Locator("#f-Password").InputValueAsync());
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.Keyboard.PressAsync("Enter"),
            r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/login", StringComparison.Ordinal));
        Assert.True(posted.Status == 302, $"the sign-in answered {posted.Status}: {await page.Locator("main").InnerTextAsync()}");
        await page.WaitForURLAsync("**/umbraco");
    }

    private static async Task<Guid> CreateArticleAsync(IPage page, Guid newsIndex, string slug, string enTitle)
    {
        await page.GotoAsync($"/umbraco/content/create?parentId={newsIndex}&type=newsArticle");
        await page.Locator("#f-name-zh-CN").FillAsync("浏览器测试文章");
        await page.Locator("#f-name-en-US").FillAsync(enTitle);
        await page.Locator("#f-v-title-zh-CN").FillAsync("浏览器测试文章");
        await page.Locator("#f-v-title-en-US").FillAsync(enTitle);
        await WriteRichTextAsync(page, "v.bodyText.zh-CN", "这是", "正文");
        await WriteRichTextAsync(page, "v.bodyText.en-US", "This is the ", "body");
        await page.Locator("#f-v-umbracoUrlName-zh-CN").FillAsync(slug);
        await page.Locator("#f-v-umbracoUrlName-en-US").FillAsync(slug);
        await page.Locator("#f-v-publishDate").FillAsync("2026-03-01");
        Assert.Contains("<strong>body</strong>", await page.Locator("textarea[name='v.bodyText.en-US']").InputValueAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page, "create article");
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/content/create", StringComparison.Ordinal));
        await page.Locator("form.content-form button[type=submit]").ClickAsync();
        var response = await posted;
        if (response.Status != 302)
        {
            // Say why the form came back, rather than wait for a page that will not come.
            await page.WaitForLoadStateAsync();
            var errors = await page.Locator(".error-summary").AllInnerTextsAsync();
            Assert.Fail($"Creating the article answered {response.Status} at {page.Url}: {string.Join(" ", errors)}");
        }

        await page.WaitForURLAsync("**/umbraco/content/*?done=created");

        return Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3]);
    }

    /// <summary>
    /// Types a sentence with its last words in bold into a rich text field: with the keyboard in the editor, or as HTML
    /// into the field itself where the editor's bundle was not built (a machine without Node.js).
    /// </summary>
    private static async Task WriteRichTextAsync(IPage page, string fieldName, string plain, string bold)
    {
        var editor = page.Locator($"textarea[name='{fieldName}'] + .rte .rte-content");
        if (await page.Locator("script[src*='/umbraco/dist/richtext.js']").CountAsync() == 0)
        {
            await page.Locator($"textarea[name='{fieldName}']").FillAsync($"<p>{plain}<strong>{bold}</strong></p>");
            return;
        }

        await editor.ClickAsync();
        await page.Keyboard.TypeAsync(plain);
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(bold);
        await page.Keyboard.PressAsync("Control+b");
        await page.WaitForFunctionAsync(
            "([name, text]) => document.querySelector(`textarea[name='${name}']`).value.includes(`<strong>${text}</strong>`)",
            new[] { fieldName, bold });
    }

    private async Task<HttpStatusCode> PublicStatusAsync(string path)
    {
        using var client = site.CreateHttpClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_writer_submits_a_bilingual_article_an_editor_approves_and_publishes_it_and_it_is_live_in_both_languages()
    {
        var slug = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var writerEmail = await NewUserAsync(BackOfficeGroups.Writers);
        var editorEmail = await NewUserAsync(BackOfficeGroups.Editors, "zh-CN");

        await using (var writerContext = await site.NewContextAsync())
        {
            var page = await writerContext.NewPageAsync();
            await SignInAsync(page, writerEmail, Password);
            var key = await CreateArticleAsync(page, NewsIndex, slug, "Browser test article");
            await Axe.AssertNoViolationsAsync(page, "edit article");
            Assert.Equal(0, await page.Locator("input[name=action][value=publish]").CountAsync());
            foreach (var (prefix, culture) in new[] { ("zh", "zh-CN"), ("en", "en-US") })
            {
                // Each step waits for its own answer (the URL names the culture), not the previous one's.
                await page.GetByRole(AriaRole.Button, new() { Name = $"Submit for review ({prefix})" }).ClickAsync();
                await page.WaitForURLAsync($"**?done=submit&culture={culture}");
            }

            Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"/en/news/{slug}"));

            await using var editorContext = await site.NewContextAsync();
            var editor = await editorContext.NewPageAsync();
            await SignInAsync(editor, editorEmail, Password);
            await editor.GotoAsync("/umbraco/tasks");
            await Axe.AssertNoViolationsAsync(editor, "tasks (zh)");
            await editor.Locator($"main a[href^='/umbraco/content/{key}']").First.ClickAsync();
            foreach (var (prefix, culture) in new[] { ("zh", "zh-CN"), ("en", "en-US") })
            {
                await editor.GetByRole(AriaRole.Button, new() { Name = $"批准 ({prefix})" }).ClickAsync();
                await editor.WaitForURLAsync($"**?done=approve&culture={culture}");
            }

            await editor.GetByRole(AriaRole.Button, new() { Name = "发布两种语言" }).ClickAsync();
            await editor.WaitForURLAsync("**?done=publish-all");
            await Axe.AssertNoViolationsAsync(editor, "published (zh)");
        }

        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync($"/en/news/{slug}"));
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync($"/zh/news/{slug}"));
    }

    [Fact]
    public async Task A_scheduled_publish_fires_and_the_page_goes_live()
    {
        var slug = "e2e-sched-" + Guid.NewGuid().ToString("N")[..8];
        var editorEmail = await NewUserAsync(BackOfficeGroups.Editors);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, editorEmail, Password);
        await CreateArticleAsync(page, NewsIndex, slug, "Scheduled article");
        // The mandatory language (Chinese) goes live first; English is scheduled.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish (zh)" }).ClickAsync();
        await page.WaitForURLAsync("**?done=publish&culture=zh-CN");
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"/en/news/{slug}"));

        var at = DateTime.UtcNow.AddSeconds(15);
        // Chromium shows a time of hh:mm:00 as hh:mm, and Playwright then calls the typed value malformed.
        at = at.Second == 0 ? at.AddSeconds(1) : at;
        var due = at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        await page.Locator("#at-en-US").FillAsync(due);
        await page.Locator("#zone-en-US").SelectOptionAsync("UTC");
        // A margin for a busy machine: the time must still be in the future when the server reads it.
        await page.Locator("form.schedule-form:has(input[value='en-US']) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**?done=schedule&culture=en-US");
        await Axe.AssertNoViolationsAsync(page, "scheduled");

        // The background service publishes at the due second (polling every half second here).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await PublicStatusAsync($"/en/news/{slug}") != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The scheduled publish did not happen within a minute of its time.");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task An_editor_rolls_back_a_change_and_restores_an_item_from_the_recycle_bin()
    {
        var editorEmail = await NewUserAsync(BackOfficeGroups.Editors);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, editorEmail, Password);
        var key = await CreateArticleAsync(page, NewsIndex, "e2e-rb-" + Guid.NewGuid().ToString("N")[..8], "Original title");

        await page.Locator("#f-v-title-en-US").FillAsync("A mistaken title");
        await page.Locator("form.content-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**?done=saved");
        await page.GotoAsync($"/umbraco/content/{key}/history?from=1&to=2");
        Assert.Contains("A mistaken title", await page.Locator("#diff-heading + table").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page, "history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to this version: Version 1" }).ClickAsync();
        await page.WaitForURLAsync("**?done=rolled-back");
        Assert.Equal("Original title", await page.Locator("#f-v-title-en-US").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Move to the recycle bin" }).ClickAsync();
        await page.WaitForURLAsync("**?done=trashed");
        await page.GotoAsync("/umbraco/recycle-bin");
        await Axe.AssertNoViolationsAsync(page, "recycle bin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore: Original title" }).ClickAsync();
        await page.WaitForURLAsync($"**/umbraco/content/{key}?done=restored");
    }

    [Fact]
    public async Task The_content_tree_opens_levels_on_demand_and_is_walked_with_the_arrow_keys()
    {
        var email = await NewUserAsync(BackOfficeGroups.Editors);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, Password);
        var home = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Home!.Key;
        Site.Core.Content.ContentNode article;
        using (var scope = site.Services.CreateScope())
        {
            // The tree's first item under the news, drafts included, as the tree orders them.
            article = (await scope.ServiceProvider.GetRequiredService<Site.Core.Content.IContentService>().GetChildrenAsync(NewsIndex, CancellationToken.None))[0];
        }

        await page.GotoAsync($"/umbraco/content/{home}");

        // The news level is closed and empty; Right on it fetches and opens it, Down moves into it.
        var newsLink = page.Locator($"li[data-key='{NewsIndex}'] > .tree-row > a.tree-link");
        await newsLink.FocusAsync();
        Assert.Equal("false", await page.Locator($"li[data-key='{NewsIndex}'] > .tree-row > .tree-toggle").GetAttributeAsync("aria-expanded"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Locator($"li[data-key='{article.Key}']").WaitForAsync();
        Assert.Equal("true", await page.Locator($"li[data-key='{NewsIndex}'] > .tree-row > .tree-toggle").GetAttributeAsync("aria-expanded"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal($"/umbraco/content/{article.Key}", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        // Alt+Down moves it below its sibling, saved at once.
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await page.Locator($"li[data-key='{NewsIndex}'] > ul > li:nth-child(2)[data-key='{article.Key}']").WaitForAsync();
        using (var scope = site.Services.CreateScope())
        {
            var order = await scope.ServiceProvider.GetRequiredService<Site.Core.Content.IContentService>().GetChildrenAsync(NewsIndex, CancellationToken.None);
            Assert.Equal(article.Key, order[1].Key);
        }

        await page.Keyboard.PressAsync("Alt+ArrowUp");
        await page.Locator($"li[data-key='{NewsIndex}'] > ul > li:nth-child(1)[data-key='{article.Key}']").WaitForAsync();
        await page.Keyboard.PressAsync("ArrowLeft"); // to the parent
        Assert.Equal($"/umbraco/content/{NewsIndex}", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("ArrowLeft"); // closes it
        Assert.False(await page.Locator($"li[data-key='{article.Key}']").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "tree");

        // The search box jumps to an item by its Chinese name.
        await page.Locator("#tree-find-q").FillAsync(article.CurrentVersion.Data.GetName("zh-CN") ?? "");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"main a[href='/umbraco/content/{article.Key}']").ClickAsync();
        await page.WaitForURLAsync($"**/umbraco/content/{article.Key}");
    }

    [Fact]
    public async Task The_rich_text_editor_formats_with_the_keyboard_and_cleans_what_is_pasted_from_word_and_wechat()
    {
        var email = await NewUserAsync(BackOfficeGroups.Writers);
        Site.Core.Media.MediaItem photo;
        using (var image = NetVips.Image.Black(400, 300, bands: 3))
        {
            var uploaded = await site.Services.GetRequiredService<Site.Core.Media.IMediaService>().UploadAsync(
                new MemoryStream(image.JpegsaveBuffer()), "editor-photo.jpg",
                new Dictionary<string, string> { ["zh-CN"] = "编辑器照片", ["en-US"] = "Editor photo" }, null,
                new BackOfficeUser("editor@e2e", "Editor", new HashSet<string> { BackOfficeGroups.Editors }), CancellationToken.None);
            photo = uploaded.Item!;
        }

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, Password);
        var sources = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("page").First().Key;
        await page.GotoAsync($"/umbraco/content/{sources}");
        if (await page.Locator("script[src*='/umbraco/dist/richtext.js']").CountAsync() == 0)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
        }

        var field = page.Locator("textarea[name='v.bodyText.en-US']");
        var editor = page.Locator("textarea[name='v.bodyText.en-US'] + .rte .rte-content");
        await editor.WaitForAsync();
        Assert.False(await field.IsVisibleAsync());
        Assert.Equal(13, await page.Locator("textarea[name='v.bodyText.en-US'] + .rte .rte-toolbar button").CountAsync());

        // The page has text of its own (nothing is saved here): start from an empty field.
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.PressAsync("Delete");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"textarea[name='v.bodyText.en-US'] + .rte .rte-content li\")");
        await page.Keyboard.TypeAsync("Plain ");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("bold");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("textarea[name='v.bodyText.en-US'] + .rte button[title='Bulleted list']").ClickAsync();
        // The toolbar hands focus back to the text after the click: type only once the list is there and focused.
        await page.Locator("textarea[name='v.bodyText.en-US'] + .rte .rte-content ul li").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('rte-content')");
        await page.Keyboard.TypeAsync("first item");

        // An image from the media library goes in by its key, with its alt text in the field's language.
        await page.Locator("textarea[name='v.bodyText.en-US'] + .rte button[title='Image from the media library']").ClickAsync();
        await page.Locator("dialog.rte-images").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page, "image chooser");
        await page.Locator($"dialog.rte-images button:has-text('Editor photo')").ClickAsync();
        var html = await field.InputValueAsync();
        Assert.Contains($"data-udi=\"umb://media/{photo.Key:N}\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Editor photo\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li><p>first item</p>", html, StringComparison.Ordinal);

        // Word's and WeChat's markup: structure kept, styles, classes, fonts, empty spans and remote images dropped.
        // The chooser hands focus back to the text when it closes: type and paste only once it has (a loaded machine
        // is slower to do so than this test is to type).
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('rte-content')");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await editor.EvaluateAsync("""
            (el) => {
              const data = new DataTransfer();
              data.setData('text/html', '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->'
                + '<h2 class="MsoHeading2" style="mso-list:l0 level1 lfo1"><span style="font-family:SimSun">Word heading</span></h2>'
                + '<p class="MsoNormal" style="margin:0cm"><span lang="EN-US" style="font-size:12pt"><o:p></o:p>Word text</span></p>'
                + '<section style="margin:10px" data-tools="135editor"><section><span style="color:rgb(255,0,0)"><strong>WeChat</strong> text</span><span></span></section></section>'
                + '<table class="MsoTable"><tr><td style="border:1px solid">cell</td></tr></table>'
                + '<p><img src="https://mmbiz.qpic.cn/photo.jpg"><a href="javascript:alert(1)" onclick="x()">bad link</a></p>');
              el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        await page.WaitForFunctionAsync("() => document.querySelector(\"textarea[name='v.bodyText.en-US']\").value.includes('Word heading')");
        html = await field.InputValueAsync();
        Assert.Contains("<h2>Word heading</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Word text", html, StringComparison.Ordinal);
        Assert.Contains("<strong>WeChat</strong> text", html, StringComparison.Ordinal);
        Assert.Contains("<td", html, StringComparison.Ordinal);
        foreach (var gone in new[] { "style=", "class=\"Mso", "mso-", "<span", "<section", "mmbiz", "javascript:", "onclick", "o:p", "[if" })
        {
            Assert.False(html.Contains(gone, StringComparison.OrdinalIgnoreCase), $"{gone} is in {html}");
        }

        await Axe.AssertNoViolationsAsync(page, "rich text editor");
    }

    [Fact]
    public async Task A_writer_adds_a_quote_and_an_image_block_without_json_and_the_published_page_shows_them()
    {
        var email = await NewUserAsync(BackOfficeGroups.Editors);
        Site.Core.Media.MediaItem photo;
        using (var picture = NetVips.Image.Black(400, 300, bands: 3))
        {
            var uploaded = await site.Services.GetRequiredService<Site.Core.Media.IMediaService>().UploadAsync(
                new MemoryStream(picture.JpegsaveBuffer()), "block-photo.jpg",
                new Dictionary<string, string> { ["zh-CN"] = "块照片", ["en-US"] = "Block photo" }, null,
                new BackOfficeUser("editor@e2e", "Editor", new HashSet<string> { BackOfficeGroups.Editors }), CancellationToken.None);
            photo = uploaded.Item!;
        }

        var slug = "e2e-blocks-" + Guid.NewGuid().ToString("N")[..8];
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, Password);
        await page.GotoAsync($"/umbraco/content/create?parentId={about}&type=page");
        if (await page.Locator("script[src*='/umbraco/dist/richtext.js']").CountAsync() == 0)
        {
            Assert.Skip("The editor bundle was not built (Node.js and npm are needed at build time; .ci/run has them).");
        }

        foreach (var (culture, title) in new[] { ("zh-CN", "块测试页"), ("en-US", "Block test page") })
        {
            await page.Locator($"#f-name-{culture}").FillAsync(title);
            await page.Locator($"#f-v-title-{culture}").FillAsync(title);
            await page.Locator($"#f-v-umbracoUrlName-{culture}").FillAsync(slug);
        }

        // The JSON field is replaced by the block editor: choose a kind of block, add it, fill its fields.
        Assert.False(await page.Locator("textarea[name='v.blocks']").IsVisibleAsync());
        var editor = page.Locator("textarea[name='v.blocks'] + .blocklist");
        await editor.Locator(".blocklist-add select").SelectOptionAsync(new SelectOptionValue { Label = "Quote" });
        await editor.Locator(".blocklist-add button").ClickAsync();
        var quote = editor.Locator(".blocklist-item").Nth(0);
        await quote.Locator("textarea").Nth(0).FillAsync("教育是对话。");
        await quote.Locator("textarea").Nth(1).FillAsync("Education is a conversation.");
        await quote.Locator("input[type=text]").Nth(1).FillAsync("A sample attribution");
        // The quote's settings (the data type's settings element type), beside its content: a toggle.
        Assert.Equal("Block appearance", await quote.Locator(".blocklist-settings legend").InnerTextAsync());
        await quote.GetByRole(AriaRole.Checkbox, new() { Name = "Highlight" }).CheckAsync();

        await editor.Locator(".blocklist-add select").SelectOptionAsync(new SelectOptionValue { Label = "Image with caption" });
        await editor.Locator(".blocklist-add button").ClickAsync();
        var image = editor.Locator(".blocklist-item").Nth(1);
        await image.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync();
        await page.Locator("dialog.rte-images").WaitForAsync();
        // An invariant field lists each image by the alt text it has (the first language's).
        await page.Locator("dialog.rte-images button:has-text('块照片'), dialog.rte-images button:has-text('Block photo')").First.ClickAsync();
        await image.Locator("input[type=text]").Nth(1).FillAsync("A sample caption");
        Assert.Equal(0, await image.Locator(".blocklist-settings").CountAsync()); // the image block has no settings type

        // Reorder with the buttons (the image first, then back), as a keyboard user would.
        await image.GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        Assert.Contains("Image with caption", await editor.Locator(".blocklist-item legend").First.InnerTextAsync(), StringComparison.Ordinal);
        await editor.Locator(".blocklist-item").Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move down" }).ClickAsync();
        Assert.Contains("Quote", await editor.Locator(".blocklist-item legend").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page, "block list editor");
        var value = await page.Locator("textarea[name='v.blocks']").InputValueAsync();
        Assert.Contains("\"Umbraco.BlockList\"", value, StringComparison.Ordinal);
        Assert.Contains(photo.Key.ToString(), value, StringComparison.Ordinal);
        Assert.Contains("\"alias\":\"highlight\",\"value\":true", value, StringComparison.Ordinal);

        // A block placed in the rich text, from the toolbar.
        var rich = page.Locator("textarea[name='v.bodyText.en-US'] + .rte");
        await rich.Locator(".rte-content").ClickAsync();
        await page.Keyboard.TypeAsync("Text before the block");
        await rich.Locator("button[title='Insert a block']").ClickAsync();
        var dialog = page.Locator("dialog.rte-block-dialog");
        await dialog.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Quote" });
        await dialog.Locator("textarea").First.FillAsync("Placed in the text.");
        await Axe.AssertNoViolationsAsync(page, "insert block dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert" }).ClickAsync();
        Assert.Contains("<umb-rte-block data-content-key=", await page.Locator("textarea[name='v.bodyText.en-US']").InputValueAsync(), StringComparison.Ordinal);

        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/umbraco/content/create", StringComparison.Ordinal));
        await page.Locator("form.content-form button[type=submit]").ClickAsync();
        var response = await posted;
        if (response.Status != 302)
        {
            await page.WaitForLoadStateAsync();
            Assert.Fail($"Saving answered {response.Status}: {string.Join(" ", await page.Locator(".error-summary").AllInnerTextsAsync())}");
        }

        await page.WaitForURLAsync("**/umbraco/content/*?done=created");
        var key = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3]);
        var published = await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["zh-CN", "en-US"], "e2e", CancellationToken.None);
        Assert.True(published.Succeeded);

        await page.GotoAsync($"/en/about/{slug}");
        Assert.Equal("Education is a conversation.", await page.Locator("main article > .block-quote blockquote p").InnerTextAsync());
        Assert.Contains("block-highlight", await page.Locator("main article > .block-quote").GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal("Block photo", await page.Locator("main .block-image img").GetAttributeAsync("alt"));
        Assert.Contains("A sample caption", await page.Locator("main .block-image figcaption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Placed in the text.", await page.Locator("main .rich-text .block-quote p").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "page with blocks (en)");
        await page.GotoAsync($"/zh/about/{slug}");
        Assert.Equal("教育是对话。", await page.Locator("main article > .block-quote blockquote p").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "page with blocks (zh)");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Every_back_office_screen_has_no_axe_violations(string uiCulture)
    {
        var email = await NewUserAsync(BackOfficeGroups.Administrators, uiCulture);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/umbraco/login");
        await Axe.AssertNoViolationsAsync(page, "login");
        await SignInAsync(page, email, Password);
        var paths = await ScreenPathsAsync(email);
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Axe.AssertNoViolationsAsync(page, $"{path} ({uiCulture})");
        }
    }

    [Fact]
    public async Task Every_back_office_screen_is_valid_html()
    {
        var checker = HtmlValidityTests.RequireChecker();
        var email = await NewUserAsync(BackOfficeGroups.Administrators);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, Password);
        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("site-vnu-backoffice-").FullName;
        try
        {
            var n = 0;
            foreach (var path in await ScreenPathsAsync(email))
            {
                // The page's source as the server sent it, with the browser's cookies.
                var response = await context.APIRequest.GetAsync(path);
                Assert.Equal(200, response.Status);
                await File.WriteAllTextAsync(Path.Combine(folder, $"screen-{n++:00}.html"), await response.TextAsync(), new System.Text.UTF8Encoding(false), cancellation);
            }

            await HtmlValidityTests.AssertFolderIsValidAsync(checker, folder, "the back office", cancellation);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One of each back-office screen, on the site's real content.</summary>
    private async Task<string[]> ScreenPathsAsync(string email)
    {
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var home = snapshot.Home!.Key;
        var session = snapshot.OfType("session").First().Key;
        var article = snapshot.OfType("newsArticle").First().Key;
        return
        [
            "/umbraco", "/umbraco/tasks", "/umbraco/content", $"/umbraco/content/{home}", $"/umbraco/content/{NewsIndex}",
            $"/umbraco/content/{session}", $"/umbraco/content/{article}", $"/umbraco/content/{article}/history",
            $"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle", "/umbraco/recycle-bin", "/umbraco/translations",
            "/umbraco/password", "/umbraco/media", "/umbraco/members", "/umbraco/members/applications", "/umbraco/users",
            $"/umbraco/users/{await UserIdAsync(email)}", "/umbraco/audit", "/umbraco/audit?action=publish", "/umbraco/search",
            "/umbraco/tree/find?q=forum", "/umbraco/members/registrations", "/umbraco/glossary",
            $"/umbraco/glossary/{(await site.Services.GetRequiredService<IGlossaryService>().GetAllAsync(CancellationToken.None))[0].Key}",
        ];
    }
}
