using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// Every value is checked against its editor's shape on save (EditorValues.Check through ContentValidator): tags are
/// texts, links are Umbraco link objects with a safe address, media items are MediaPicker3 objects, Markdown is a
/// document Markdig can read. A refusal names the property, in both cultures.
/// </summary>
public sealed class EditorValueValidationTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private static readonly Guid Article = NewsSuzhou2025;

    private TestEngine Engine => fixture.Engine;

    private async Task<ContentError> RefusedAsync(string alias, string? culture, string value)
    {
        var before = (await Engine.GetRequiredAsync(Article)).CurrentVersion.Number;
        var result = await Engine.EditAsync(Article, d => d.WithValue(alias, culture, value));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(alias, error.Alias);
        Assert.Equal(culture, error.Culture);
        var schema = await Engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(TestContext.Current.CancellationToken);
        var name = schema.FindContentType("newsArticle")!.FindProperty(alias)!.Name;
        Assert.Contains(name, error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains(name, error.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.NotEqual(error.Message.Get(English), error.Message.Get(Chinese));
        Assert.Equal(before, (await Engine.GetRequiredAsync(Article)).CurrentVersion.Number);
        return error;
    }

    private async Task SavedAsync(string alias, string? culture, string value)
    {
        var result = await Engine.EditAsync(Article, d => d.WithValue(alias, culture, value));
        Assert.True(result.Succeeded, $"{alias}={value} was refused: {string.Join("; ", result.Errors.Select(e => e.Message.ToString()))}");
    }

    private static string Links(params object[] links) => JsonSerializer.Serialize(links);

    public static TheoryData<string, string?, string> WrongShapes => new()
    {
        { "sources", null, "[1]" },
        { "sources", null, """[{"url": 5}]""" },
        { "sources", null, """{"url": "https://example.org"}""" },
        { "sources", null, """[{"name": "no address"}]""" },
        { "sources", null, """[{"url": "https://example.org", "onclick": "alert(1)"}]""" },
        { "sources", null, """[{"url": "https://example.org", "target": 1}]""" },
        { "sources", null, """[{"udi": "umb://member/0123456789abcdef0123456789abcdef"}]""" },
        { "sources", null, """[{"url": "https://example.org", "type": "script"}]""" },
        { "sources", null, "null" },
        { "sources", null, "[{" },
        { "tags", English, """[{"a": 1}]""" },
        { "tags", English, """[["x"]]""" },
        { "tags", English, """["ok", 2]""" },
        { "tags", English, """[""]""" },
        { "tags", English, """["a\u0007b"]""" },
        { "tags", English, "\"x\"" },
        { "image", null, "[1]" },
        { "image", null, """[{"key": "3f1c7a52-2f3c-4c61-9d55-0f2d0b1f4c11"}]""" },
        { "image", null, """[{"mediaKey": "not a key"}]""" },
        { "image", null, """[{"mediaKey": "3f1c7a52-2f3c-4c61-9d55-0f2d0b1f4c11", "focalPoint": "middle"}]""" },
        { "image", null, """[{"mediaKey": "3f1c7a52-2f3c-4c61-9d55-0f2d0b1f4c11", "src": "javascript:alert(1)"}]""" },
        { "image", null, "{}" },
        { "relatedSession", null, """["umb://document/66a338ba9ad155e3ae795f26d1274594"]""" },
        { "relatedSession", null, "66a338ba-9ad1-55e3-ae79-5f26d1274594x" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_value_of_the_wrong_shape_is_refused_naming_the_property(string alias, string? culture, string value) =>
        await RefusedAsync(alias, culture, value);

    public static TheoryData<string> ForbiddenAddresses => new()
    {
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "\u0000javascript:alert(1)",
        "\u200Bjavascript:alert(1)",
        "javascript\n:alert(1)",
        "JAVASCRIPT:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        " data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "/\\evil.example/x",
        "/\t/evil.example/x",
        "\\\\evil.example\\x",
        "https:evil.example",
        "http://",
        "https:// evil.example",
        "ftp://example.org/file",
        "file:///etc/passwd",
        "mailto:",
        "#top",
        "news/relative",
        "https://example.org/\u202Egnp.exe",
    };

    [Theory]
    [MemberData(nameof(ForbiddenAddresses))]
    public async Task A_link_to_anything_but_http_mailto_or_a_site_path_is_refused(string url)
    {
        var error = await RefusedAsync("sources", null, Links(new { name = "ok", url = "https://example.org/" }, new { name = "Click", url }));

        Assert.Contains("link 2", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("第 2 个链接", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/a?b=c#d")]
    [InlineData("HTTP://EXAMPLE.ORG")]
    [InlineData("http://www.jsedu114.com:8080/jiangsu_edu/103591.html")]
    [InlineData("mailto:forum@example.org")]
    [InlineData("/en/sessions/13th-forum-2017")]
    [InlineData("/zh/新闻")]
    [InlineData("/")]
    public async Task A_link_to_http_mailto_or_a_site_path_is_saved(string url) =>
        await SavedAsync("sources", null, Links(new { name = "Source", url, target = "_blank" }));

    [Fact]
    public async Task Links_with_every_field_of_umbracos_link_and_internal_links_are_saved()
    {
        await SavedAsync("sources", null, """
            [{"name": "Full", "url": "https://example.org/", "target": "_blank", "udi": null, "unique": null, "type": "external",
              "queryString": "?a=1", "icon": "icon-link", "published": true, "trashed": false},
             {"name": "Session", "udi": "umb://document/66a338ba9ad155e3ae795f26d1274594"},
             {"name": "Session", "type": "document", "unique": "66a338ba-9ad1-55e3-ae79-5f26d1274594", "url": "/en/sessions/13th-forum-2017"},
             {"name": "Programme", "udi": "umb://media/3f1c7a522f3c4c619d550f2d0b1f4c11", "url": null}]
            """.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal));
        await SavedAsync("sources", null, "[]");
    }

    [Fact]
    public async Task Tags_media_and_content_picks_of_the_right_shape_are_saved()
    {
        await SavedAsync("tags", English, """["Suzhou", "20th session"]""");
        await SavedAsync("tags", Chinese, "[]");
        var media = (await Engine.Services.GetRequiredService<Site.Core.Media.IMediaService>().UploadAsync(
            new MemoryStream(TestImages.Png()), "picked.png", new Dictionary<string, string> { [Chinese] = "图", [English] = "Picture" }, null,
            TestUsers.Editor, TestContext.Current.CancellationToken)).Item!.Key;
        await SavedAsync("image", null, $$$"""[{"key": "9e0c2bd4-7c1e-4c38-9a8b-25b4fd3fb0b1", "mediaKey": "{{{media}}}", "mediaTypeAlias": "Image", "crops": [], "focalPoint": {"left": 0.5, "top": 0.25}}]""");
        await SavedAsync("image", null, $$"""[{"mediaKey": "{{media}}", "focalPoint": null, "crops": null}]""");
        await SavedAsync("relatedSession", null, ContentUdi.Create(Session13));
    }

    [Fact]
    public async Task Markdown_nested_deeper_than_markdig_reads_is_refused_as_too_deep()
    {
        // No type of the site uses Markdown any more; one that still does (a database from before the move) is made here.
        await using var engine = await TestEngine.StartAsync();
        await engine.UseMarkdownAsync("newsArticle", "bodyText");

        var refused = await engine.EditAsync(Article, d => d.WithValue("bodyText", English, string.Concat(Enumerable.Repeat("> ", 130)) + "deep"));
        var saved = await engine.EditAsync(Article, d => d.WithValue("bodyText", English, string.Concat(Enumerable.Repeat("> ", 20)) + "quoted, but not too deep"));

        var error = Assert.Single(refused.Errors);
        Assert.Contains("nested too deeply", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("嵌套层级过深", error.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.True(saved.Succeeded);
    }
}
