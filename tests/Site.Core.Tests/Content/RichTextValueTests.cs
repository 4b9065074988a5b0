using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Content;

/// <summary>
/// Rich text (Umbraco.RichText, the body text of every page type): Umbraco 15+'s value <c>{"markup", "blocks"}</c>
/// checked on save, plain HTML wrapped into it, the markup sanitized on save; pages read it sanitized with media
/// resolved, and the index reads its text.
/// </summary>
public sealed class RichTextValueTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private const string Alias = "bodyText";

    private const string Blocks = """{"layout":{"Umbraco.RichText":[{"contentKey":"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11"}]},"contentData":[{"key":"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11","contentTypeKey":"d99729f8-c7c2-5d0f-8ed4-ba1e81f117a6","values":[{"editorAlias":"Umbraco.TextArea","culture":null,"segment":null,"alias":"quote","value":"Words"}]}],"settingsData":[],"expose":[]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestEngine Engine => fixture.Engine;

    private async Task<Guid> NewPageAsync()
    {
        var page = await Engine.CreatePageAsync(About, "富文本 " + Guid.NewGuid().ToString("N")[..6], "Rich " + Guid.NewGuid().ToString("N")[..6]);
        return page.Key;
    }

    private async Task<string?> StoredAsync(Guid key, string culture = English) =>
        (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, culture);

    private async Task<SaveResult> SaveRichAsync(Guid key, string value, string culture = English) =>
        await Engine.EditAsync(key, d => d.WithValue(Alias, culture, value));

    [Fact]
    public async Task Umbracos_value_with_clean_markup_is_stored_as_it_came()
    {
        var key = await NewPageAsync();
        var withBlocks = $$"""{"markup": "<p>Hello <strong>world</strong></p>", "blocks": {{Blocks}}}""";
        const string NullBlocks = """{"markup":"<p>Hello</p>","blocks":null}""";

        Assert.True((await SaveRichAsync(key, withBlocks)).Succeeded);
        Assert.Equal(withBlocks, await StoredAsync(key));
        Assert.True((await SaveRichAsync(key, NullBlocks)).Succeeded);
        Assert.Equal(NullBlocks, await StoredAsync(key));
    }

    [Fact]
    public async Task Plain_HTML_is_wrapped_in_Umbracos_value_with_its_markup_sanitized()
    {
        var key = await NewPageAsync();

        var result = await SaveRichAsync(key, "<p onclick=\"alert(1)\">Legacy <em>TinyMCE</em> value</p><script>alert(1)</script>", Chinese);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.ToString())));
        Assert.Equal(
            """{"markup":"<p>Legacy <em>TinyMCE</em> value</p>","blocks":{"layout":{},"contentData":[],"settingsData":[],"expose":[]}}""",
            await StoredAsync(key, Chinese));
    }

    [Fact]
    public async Task Dirty_markup_is_sanitized_and_the_blocks_kept_byte_for_byte()
    {
        var key = await NewPageAsync();
        var value = JsonSerializer.Serialize(new { markup = "<p style=\"color:red\">x<a href=\"javascript:alert(1)\">link</a><img src=\"x\" onerror=\"alert(1)\"></p>" })[..^1]
            + ",\"blocks\":" + Blocks + "}";

        Assert.True((await SaveRichAsync(key, value)).Succeeded);

        var stored = await StoredAsync(key);
        using var document = JsonDocument.Parse(stored!);
        Assert.Equal("<p>x<a>link</a></p>", document.RootElement.GetProperty("markup").GetString());
        Assert.Equal(Blocks, document.RootElement.GetProperty("blocks").GetRawText());
        Assert.Contains("\"markup\":\"<p>x<a>link</a></p>\"", stored, StringComparison.Ordinal); // readable, not \u003C
    }

    public static TheoryData<string> WrongShapes => new()
    {
        """{"markup": 1}""",
        """{"blocks": null}""",
        """{"markup": "<p>x</p>", "blocks": []}""",
        """{"markup": "<p>x</p>", "blocks": "none"}""",
        """{"markup": "<p>x</p>", "blocks": {"layout": []}}""",
        """{"markup": "<p>x</p>", "blocks": {"contentData": [1]}}""",
        """{"markup": "<p>x</p>", "blocks": {"other": {}}}""",
        """{"markup": "<p>x</p>", "script": "alert(1)"}""",
        """{"markup": "<p>x</p>" """,
        "{}",
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_value_of_the_wrong_shape_is_refused_naming_the_property_in_both_languages(string value)
    {
        var key = await NewPageAsync();
        var before = (await Engine.GetRequiredAsync(key)).CurrentVersion.Number;

        var result = await SaveRichAsync(key, value);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Alias, error.Alias);
        Assert.Contains("Body text", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("Body text", error.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.NotEqual(error.Message.Get(English), error.Message.Get(Chinese));
        Assert.Equal(before, (await Engine.GetRequiredAsync(key)).CurrentVersion.Number);
    }

    [Fact]
    public void The_reader_takes_the_markup_of_either_shape_and_nothing_of_a_broken_one()
    {
        Assert.Equal("<p>a</p>", EditorValues.RichTextMarkup("""{"markup":"<p>a</p>","blocks":null}"""));
        Assert.Equal("<p>legacy</p>", EditorValues.RichTextMarkup("<p>legacy</p>"));
        Assert.Null(EditorValues.RichTextMarkup("""{"markup": 5}"""));
        Assert.Null(EditorValues.RichTextMarkup("{broken"));
        Assert.Null(EditorValues.RichTextMarkup(null));
    }

    [Fact]
    public async Task A_published_page_shows_the_sanitized_markup_with_its_media_resolved_until_the_item_is_deleted()
    {
        var media = Engine.Services.GetRequiredService<IMediaService>();
        var upload = await media.UploadAsync(
            new MemoryStream(TestImages.Jpeg(600, 400, 10, 10)), "Rich hall.jpg",
            new Dictionary<string, string> { [Chinese] = "会议厅", [English] = "The hall" }, null, Editor, Ct);
        Assert.True(upload.Succeeded);
        var item = upload.Item!;
        var key = await NewPageAsync();
        var value = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["markup"] = $"<h2>Venue</h2><p>Hall <img src=\"/media/old.jpg\" data-udi=\"umb://media/{item.Key:N}\"></p>",
            ["blocks"] = null,
        });
        Assert.True((await SaveRichAsync(key, value)).Succeeded);
        Assert.True((await SaveRichAsync(key, value, Chinese)).Succeeded);
        Assert.True((await Engine.Publishing.PublishAsync(key, [Chinese, English], TestEngineExtensions.Editor, Ct)).Succeeded);

        var page = Engine.Snapshots.Current.GetByKey(key)!;
        Assert.Equal(
            $"<h2>Venue</h2><p>Hall <img src=\"{item.Url}\" data-udi=\"umb://media/{item.Key:N}\" width=\"600\" height=\"400\" alt=\"The hall\" loading=\"lazy\"></p>",
            page.HtmlValue(Alias, English));
        Assert.Contains("alt=\"会议厅\"", page.HtmlValue(Alias, Chinese), StringComparison.Ordinal);

        var document = Engine.Services.GetRequiredService<SearchDocumentFactory>().Create(page, [Chinese, English]);
        Assert.Equal("Venue Hall", document.Get("bodyText_en-us", CultureInfo.InvariantCulture));

        Assert.True((await media.DeleteAsync(item.Key, Editor, Ct)).Succeeded);
        Assert.Equal("<h2>Venue</h2><p>Hall </p>", Engine.Snapshots.Current.GetByKey(key)!.HtmlValue(Alias, English));
    }

    [Fact]
    public async Task A_rich_text_value_stored_around_the_engine_is_sanitized_on_render()
    {
        var key = await NewPageAsync();
        Assert.True((await SaveRichAsync(key, "<p>ok</p>")).Succeeded);
        Assert.True((await SaveRichAsync(key, "<p>好</p>", Chinese)).Succeeded);
        Assert.True((await Engine.Publishing.PublishAsync(key, [Chinese, English], TestEngineExtensions.Editor, Ct)).Succeeded);

        // A new version published straight into storage, past the save that would have sanitized it.
        var current = (await Engine.GetRequiredAsync(key)).CurrentVersion;
        await using (var db = Engine.CreateDbContext())
        {
            var version = new Site.Core.Storage.ContentVersionRecord
            {
                NodeKey = key,
                Number = current.Number + 1,
                CreatedAtUtc = DateTime.UtcNow,
                CreatedBy = "test (below validation)",
                DataJson = Site.Core.Storage.ContentMapping.Serialize(current.Data.WithValue(Alias, English,
                    """{"markup":"<p onmouseover=\"alert(1)\">x<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe></p>","blocks":null}""")),
            };
            db.Versions.Add(version);
            await db.SaveChangesAsync(Ct);
            foreach (var culture in db.PublishedCultures.Where(p => p.NodeKey == key))
            {
                culture.VersionId = version.Id;
            }

            var node = db.Nodes.Single(n => n.Key == key);
            node.CurrentVersionId = version.Id;
            node.InvariantPublishedVersionId = version.Id;
            await db.SaveChangesAsync(Ct);
        }

        await Engine.Services.GetRequiredService<Site.Core.Publishing.IPublishedSnapshotService>().RebuildAsync(Ct);

        Assert.Equal("<p>x</p>", Engine.Snapshots.Current.GetByKey(key)!.HtmlValue(Alias, English));
    }
}
