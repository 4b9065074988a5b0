using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The content screens over HTTP: the bilingual form, validation, conflicts, workflow, preview, history, recycle bin.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ContentScreenTests(SiteFactory site)
{
    private Guid NewsIndex => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

    private async Task<MemberClient> SignInAsync(string group, string? translatorCulture = null)
    {
        var user = await BackOfficeApi.CreateUserAsync(site, group, translatorCulture);
        var browser = new MemberClient(site);
        var (response, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>An article's fields; titles carry the slug so that lists shared with other tests never show two alike.</summary>
    private static Dictionary<string, string> Article(string slug, string? zhTitle = null, string? enTitle = null, string enBody = "<p>Hello <strong>world</strong></p>") => ArticleFields(slug, zhTitle ?? "测试文章 " + slug, enTitle ?? "Test article " + slug, enBody);

    private static Dictionary<string, string> ArticleFields(string slug, string zhTitle, string enTitle, string enBody) => new()
    {
        ["name.zh-CN"] = zhTitle,
        ["name.en-US"] = enTitle,
        ["v.title.zh-CN"] = zhTitle,
        ["v.title.en-US"] = enTitle,
        ["v.bodyText.zh-CN"] = "正文",
        ["v.bodyText.en-US"] = enBody,
        ["v.umbracoUrlName.zh-CN"] = slug,
        ["v.umbracoUrlName.en-US"] = slug,
        ["v.publishDate"] = "2026-03-01",
        ["v.tags.en-US"] = "forum, exchange",
    };

    private async Task<Guid> CreateAsync(MemberClient browser, Dictionary<string, string> fields)
    {
        var path = $"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle";
        var (response, page) = await browser.SubmitAsync(path, fields, "form.content-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector(".error-summary")?.TextContent);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location.Split('/')[3].Split('?')[0]);
    }

    [Fact]
    public async Task A_writer_drafts_and_submits_an_editor_approves_and_publishes_and_both_languages_go_live()
    {
        var slug = "screen-" + Guid.NewGuid().ToString("N")[..8];
        using var writer = await SignInAsync(BackOfficeGroups.Writers);
        var key = await CreateAsync(writer, Article(slug));

        var (edit, page) = await writer.GetAsync($"/umbraco/content/{key}");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Test article " + slug, page.QuerySelector("#f-v-title-en-US")!.GetAttribute("value"));
        Assert.Equal("forum, exchange", page.QuerySelector("#f-v-tags-en-US")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("form[action$='/workflow'] button[value=publish], input[name=action][value=publish]"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync($"/en/news/{slug}")).Response.StatusCode);

        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var (submitted, _) = await writer.SubmitAsync($"/umbraco/content/{key}", new Dictionary<string, string> { ["culture"] = culture, ["action"] = "submit" }, $"form[action='/umbraco/content/{key}/workflow']:has(input[value='{culture}'])");
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var (_, tasks) = await editor.GetAsync("/umbraco/tasks");
        Assert.Equal(2, tasks.QuerySelectorAll($"a[href^='/umbraco/content/{key}']").Length);

        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var (approved, _) = await editor.SubmitAsync($"/umbraco/content/{key}", new Dictionary<string, string> { ["action"] = "approve", ["comment"] = "ok" }, $"form.review-form:has(input[value='{culture}'])");
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var (published, _) = await editor.SubmitAsync($"/umbraco/content/{key}", new Dictionary<string, string>(), $"form:has(input[name=action][value=publish-all])");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Visible at once: the snapshot is swapped and the caches dropped before the redirect is answered.
        var (en, enPage) = await site.GetPageAsync($"/en/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, en.StatusCode);
        Assert.Equal("Test article " + slug, enPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(enPage.QuerySelector("main strong"));
        Assert.Equal(HttpStatusCode.OK, (await site.GetPageAsync($"/zh/news/{slug}")).Response.StatusCode);
        using var client = site.CreateBrowserClient();
        Assert.Contains(slug, await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(slug, await client.GetStringAsync(new Uri("/en/feed.xml", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_form_keeps_what_was_typed_with_a_message_per_field_and_culture()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var fields = Article("bad-" + Guid.NewGuid().ToString("N")[..8], enTitle: "<script>alert('x')</script>");
        fields["v.title.zh-CN"] = "";
        fields["v.publishDate"] = "not a date";
        var (response, page) = await editor.SubmitAsync($"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle", fields, "form.content-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-v-publishDate']"));
        Assert.Equal("not a date", page.QuerySelector("#f-v-publishDate")!.GetAttribute("value"));
        Assert.Equal("<script>alert('x')</script>", page.QuerySelector("#f-v-title-en-US")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_page_get_a_conflict_showing_both_versions_and_lose_nothing()
    {
        using var first = await SignInAsync(BackOfficeGroups.Editors);
        using var second = await SignInAsync(BackOfficeGroups.Editors);
        var key = await CreateAsync(first, Article("conflict-" + Guid.NewGuid().ToString("N")[..8]));

        // Both open version 1; the first saves, then the second saves over a version they never saw.
        var (_, secondForm) = await second.GetAsync($"/umbraco/content/{key}");
        var (saved, _) = await SaveFormAsync(first, key, new Dictionary<string, string> { ["v.title.en-US"] = "First editor's title" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fields = Fields(secondForm);
        fields["v.title.en-US"] = "Second editor's title";
        var (conflict, page) = await second.PostAsync($"/umbraco/content/{key}", fields);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var table = page.QuerySelector("#conflict-heading + table")!.TextContent;
        Assert.Contains("First editor's title", table, StringComparison.Ordinal);
        Assert.Contains("Second editor's title", table, StringComparison.Ordinal);
        Assert.Equal("Second editor's title", page.QuerySelector("#f-v-title-en-US")!.GetAttribute("value"));
        var stored = await site.Services.GetRequiredService<IContentService>().GetAsync(key, CancellationToken.None);
        Assert.Equal("First editor's title", stored!.CurrentVersion.Data.GetValue("title", "en-US"));

        // Saving again from the conflict view is deliberate: it becomes the next version, the first one stays in history.
        var (again, _) = await second.PostAsync($"/umbraco/content/{key}", Fields(page));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var versions = await site.Services.GetRequiredService<IContentService>().GetVersionsAsync(key, CancellationToken.None);
        Assert.Contains(versions, v => v.Data.GetValue("title", "en-US") == "First editor's title");
        Assert.Equal("Second editor's title", versions.MaxBy(v => v.Number)!.Data.GetValue("title", "en-US"));
    }

    [Fact]
    public async Task A_translator_edits_their_language_only()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var key = await CreateAsync(editor, Article("tr-" + Guid.NewGuid().ToString("N")[..8], zhTitle: "测试文章"));
        using var translator = await SignInAsync(BackOfficeGroups.Translators, "en-US");

        var (_, page) = await translator.GetAsync($"/umbraco/content/{key}");
        Assert.True(page.QuerySelector("#f-v-title-zh-CN")!.HasAttribute("readonly"));
        Assert.False(page.QuerySelector("#f-v-title-en-US")!.HasAttribute("readonly"));

        var (ok, _) = await SaveFormAsync(translator, key, new Dictionary<string, string> { ["v.title.en-US"] = "Translated" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (refused, _) = await SaveFormAsync(translator, key, new Dictionary<string, string> { ["v.title.zh-CN"] = "改中文" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var stored = await site.Services.GetRequiredService<IContentService>().GetAsync(key, CancellationToken.None);
        Assert.Equal("测试文章", stored!.CurrentVersion.Data.GetValue("title", "zh-CN"));
    }

    [Fact]
    public async Task The_preview_shows_a_draft_as_its_public_page_while_visitors_get_404()
    {
        using var writer = await SignInAsync(BackOfficeGroups.Writers);
        var slug = "preview-" + Guid.NewGuid().ToString("N")[..8];
        var key = await CreateAsync(writer, Article(slug, enTitle: "Draft only"));

        var (preview, page) = await writer.GetAsync($"/umbraco/preview/{key}/en-US");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("Draft only", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en-US", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.True(preview.Headers.CacheControl?.NoStore);

        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync($"/en/news/{slug}")).Response.StatusCode);
        using var visitor = new MemberClient(site);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/umbraco/preview/{key}/en-US")).Response.StatusCode);
    }

    [Fact]
    public async Task History_shows_the_diff_and_a_rollback_makes_a_new_draft_from_the_old_version()
    {
        using var writer = await SignInAsync(BackOfficeGroups.Writers);
        var key = await CreateAsync(writer, Article("hist-" + Guid.NewGuid().ToString("N")[..8], enTitle: "Original title"));
        await SaveFormAsync(writer, key, new Dictionary<string, string> { ["v.title.en-US"] = "Changed title" });

        var (_, history) = await writer.GetAsync($"/umbraco/content/{key}/history?from=1&to=2");
        var diff = history.QuerySelector("#diff-heading + table")!.TextContent;
        Assert.Contains("Original title", diff, StringComparison.Ordinal);
        Assert.Contains("Changed title", diff, StringComparison.Ordinal);

        var (rolledBack, _) = await writer.SubmitAsync($"/umbraco/content/{key}/history", new Dictionary<string, string>(), "form[action$='/rollback']:has(input[value='1'])");
        Assert.Equal(HttpStatusCode.Redirect, rolledBack.StatusCode);
        var (_, edit) = await writer.GetAsync($"/umbraco/content/{key}");
        Assert.Equal("Original title", edit.QuerySelector("#f-v-title-en-US")!.GetAttribute("value"));
        Assert.Equal(3, (await site.Services.GetRequiredService<IContentService>().GetVersionsAsync(key, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_item_goes_to_the_recycle_bin_and_comes_back()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var key = await CreateAsync(editor, Article("bin-" + Guid.NewGuid().ToString("N")[..8], enTitle: "Binned article"));

        var (trashed, _) = await editor.SubmitAsync($"/umbraco/content/{key}", new Dictionary<string, string>(), $"form[action='/umbraco/content/{key}/trash']");
        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        var (_, bin) = await editor.GetAsync("/umbraco/recycle-bin");
        Assert.Contains("Binned article", bin.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var (restored, _) = await editor.SubmitAsync("/umbraco/recycle-bin", new Dictionary<string, string>(), $"form[action='/umbraco/recycle-bin/{key}/restore']");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var node = await site.Services.GetRequiredService<IContentService>().GetAsync(key, CancellationToken.None);
        Assert.False(node!.Trashed);

        using var writer = await SignInAsync(BackOfficeGroups.Writers);
        var (_, writerBin) = await writer.GetAsync("/umbraco/recycle-bin");
        Assert.Empty(writerBin.QuerySelectorAll("form[action='/umbraco/recycle-bin/empty']"));
        var token = writerBin.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (refused, _) = await writer.PostAsync("/umbraco/content/" + key + "/trash", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Create_offers_only_the_child_types_the_parent_allows()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var (_, page) = await editor.GetAsync($"/umbraco/content/{NewsIndex}");
        var links = page.QuerySelectorAll("a[href^='/umbraco/content/create']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal([$"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle"], links);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/umbraco/content/create?parentId={NewsIndex}&type=session")).Response.StatusCode);
    }

    [Fact]
    public async Task Field_labels_follow_the_editors_language_through_the_usync_dictionary()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var path = $"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle";
        var (_, english) = await editor.GetAsync(path);
        Assert.Equal("Title *", english.QuerySelector("label[for='f-v-title-en-US']")!.TextContent.Trim());

        await editor.SubmitAsync("/umbraco", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/umbraco" }, "form[action='/umbraco/language']");
        var (_, chinese) = await editor.GetAsync(path);
        Assert.Equal("标题 *", chinese.QuerySelector("label[for='f-v-title-en-US']")!.TextContent.Trim());
        Assert.Equal("发布日期 *", chinese.QuerySelector("label[for='f-v-publishDate']")!.TextContent.Trim());
        Assert.Contains("新建：新闻", chinese.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_hints_follow_the_editors_language_and_are_tied_to_their_fields()
    {
        using var editor = await SignInAsync(BackOfficeGroups.Editors);
        var path = $"/umbraco/content/create?parentId={NewsIndex}&type=newsArticle";
        var (_, english) = await editor.GetAsync(path);
        Assert.Equal("The date of the event the article reports on (yyyy-MM-dd).", Hint(english, "f-v-publishDate"));
        Assert.StartsWith("The main text: headings", Hint(english, "f-v-bodyText-en-US"), StringComparison.Ordinal);

        await editor.SubmitAsync("/umbraco", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/umbraco" }, "form[action='/umbraco/language']");
        var (_, chinese) = await editor.GetAsync(path);

        // hint.publishDate is shared; hint.type.newsArticle describes the type; hint.bodyText is followed by how rich text works.
        Assert.Equal("本文所报道活动的日期（yyyy-MM-dd）。", Hint(chinese, "f-v-publishDate"));
        Assert.StartsWith("正文：可使用二级及以下标题", Hint(chinese, "f-v-bodyText-zh-CN"), StringComparison.Ordinal);
        Assert.Contains("报道某项活动的新闻", chinese.QuerySelector("h1 + p.hint")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The hint a field names in aria-describedby, so a screen reader reads it with the field.</summary>
    private static string Hint(AngleSharp.Dom.IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field {fieldId}.");
        var hintId = (field.GetAttribute("aria-describedby") ?? string.Empty).Split(' ').Single(id => id.EndsWith("-hint", StringComparison.Ordinal));
        return page.GetElementById(hintId)!.TextContent.Trim();
    }

    [Fact]
    public async Task The_autosave_endpoint_saves_a_draft_and_answers_json()
    {
        using var writer = await SignInAsync(BackOfficeGroups.Writers);
        var key = await CreateAsync(writer, Article("auto-" + Guid.NewGuid().ToString("N")[..8]));
        var (_, page) = await writer.GetAsync($"/umbraco/content/{key}");
        var fields = Fields(page);
        fields["v.title.en-US"] = "Autosaved";

        using var content = new FormUrlEncodedContent(fields);
        var response = await writer.Http.PostAsync(new Uri($"/umbraco/content/{key}/autosave", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"version\":2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var stale = new FormUrlEncodedContent(fields);
        Assert.Equal(HttpStatusCode.Conflict, (await writer.Http.PostAsync(new Uri($"/umbraco/content/{key}/autosave", UriKind.Relative), stale)).StatusCode);
    }

    /// <summary>Opens the edit form, changes some fields and saves, as an editor would.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Document)> SaveFormAsync(MemberClient browser, Guid key, Dictionary<string, string> changes)
    {
        var (_, page) = await browser.GetAsync($"/umbraco/content/{key}");
        var fields = Fields(page);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await browser.PostAsync($"/umbraco/content/{key}", fields);
    }

    /// <summary>Every field of the edit form as the browser would send it.</summary>
    private static Dictionary<string, string> Fields(IDocument page)
    {
        var form = page.QuerySelector("form.content-form") ?? page.QuerySelector("main form")!;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            fields[name] = input switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" } box => box.IsChecked ? box.Value : fields.GetValueOrDefault(name, "0"),
                _ => input.GetAttribute("value") ?? "",
            };
        }

        // The antiforgery field of the first form on the page (every form carries the same token).
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return fields;
    }
}
