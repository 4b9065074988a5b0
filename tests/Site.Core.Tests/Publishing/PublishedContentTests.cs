using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Publishing;

/// <summary>PublishedContent: typed reads of published values, per culture.</summary>
public sealed class PublishedContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_values_of_a_session_are_read_from_the_published_version()
    {
        await using var engine = await TestEngine.StartAsync();
        var session = engine.Snapshots.Current.GetByKey(Session13)!;

        Assert.Equal(13, session.IntValue("sessionNumber", English));
        Assert.Equal(new DateOnly(2017, 9, 25), session.DateValue("startDate", Chinese));
        Assert.Equal("abroad", session.Value("location", English));
        Assert.Equal(["Finland", "Tampere"], session.TagsValue("tags", English));
        Assert.Equal(["芬兰", "坦佩雷"], session.TagsValue("tags", Chinese));
        Assert.Equal([new LinkValue("S6 – sumino.fi", "http://www.sumino.fi/jiangsuprincipalforum2017", "_blank")], session.LinksValue("sources", English));
        Assert.Equal("Curriculum Design and School Culture", session.Value("theme", English));

        // Not recorded: the Chinese theme, the attendees; unknown aliases are simply empty.
        Assert.Null(session.Value("theme", Chinese));
        Assert.Null(session.IntValue("countries", English));
        Assert.Null(session.Value("noSuchProperty", English));
        Assert.Empty(session.TagsValue("noSuchProperty", English));
        Assert.Null(session.Value("title", "fr-FR"));
    }

    [Fact]
    public async Task Markdown_values_are_rendered_to_safe_HTML_once_per_snapshot()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.UseMarkdownAsync("session", "bodyText", "A *Markdown* body.");
        await engine.EditAsync(Session13, d => d.WithValue("bodyText", English, "Hello **world** <script>alert(1)</script>"));
        await engine.Publishing.PublishAsync(Session13, [English], TestEngineExtensions.Editor, Ct);
        var session = engine.Snapshots.Current.GetByKey(Session13)!;

        var html = session.HtmlValue("bodyText", English);

        Assert.NotNull(html);
        Assert.Contains("<strong>world</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Same(html, session.HtmlValue("bodyText", English));
        Assert.StartsWith("<p>", session.HtmlValue("bodyText", Chinese), StringComparison.Ordinal);
        Assert.Null(session.HtmlValue("theme", Chinese));
    }

    [Fact]
    public async Task A_picked_node_is_found_in_the_snapshot()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.EditAsync(SuzhouPeel, d => d.WithValue("relatedSession", null, ContentUdi.Create(Session13)));
        await engine.Publishing.PublishAsync(SuzhouPeel, [Chinese], TestEngineExtensions.Editor, Ct);

        var story = engine.Snapshots.Current.GetByKey(SuzhouPeel)!;

        Assert.Equal(Session13, story.PickedKey("relatedSession", English));
    }

    [Fact]
    public async Task A_true_false_value_reads_as_a_boolean()
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(usyncFolder: folder.Root);
        var snapshot = engine.Snapshots.Current;

        Assert.True(snapshot.GetByKey(MiniUsyncFolder.FirstKey)!.BoolValue("featured", English));
        Assert.False(snapshot.GetByKey(MiniUsyncFolder.SecondKey)!.BoolValue("featured", Chinese));
    }

    [Fact]
    public async Task An_integer_beyond_the_range_of_an_int_never_reads_back_as_another_number()
    {
        await using var engine = await TestEngine.StartAsync();
        var saved = await engine.EditAsync(Session13, d => d.WithValue("countries", null, "3000000000"));
        if (!saved.Succeeded)
        {
            return; // refusing such a value on save is a correct outcome too
        }

        await engine.Publishing.PublishAsync(Session13, [Chinese], TestEngineExtensions.Editor, Ct);

        var countries = engine.Snapshots.Current.GetByKey(Session13)!.IntValue("countries", English);

        Assert.True(countries is null, $"IntValue read \"3000000000\" as {countries}");
    }

    [Fact]
    public async Task Last_updated_is_the_newest_change_to_a_published_node()
    {
        await using var engine = await TestEngine.StartAsync();
        var before = engine.Snapshots.Current.LastUpdatedUtc;

        await engine.EditAsync(About, d => d.WithValue("metaDescription", English, "About the forum."));
        await engine.Publishing.PublishAsync(About, [English], TestEngineExtensions.Editor, Ct);

        var snapshot = engine.Snapshots.Current;
        Assert.True(snapshot.LastUpdatedUtc > before);
        Assert.Equal(snapshot.GetByKey(About)!.UpdateDateUtc, snapshot.LastUpdatedUtc);
        Assert.Equal(DateTimeKind.Utc, snapshot.LastUpdatedUtc.Kind);
    }

    /// <summary>
    /// Values stored before their editor's shape was checked (an old import, a write around the engine): typed reads keep
    /// what fits and skip the rest, so no page, API answer or index document fails on them.
    /// </summary>
    [Fact]
    public void Stored_values_of_the_wrong_shape_read_as_what_fits_and_never_throw()
    {
        var snapshot = Search.UsyncSnapshots.Build(1, i => i.Key == NewsSuzhou2025
            ? i with
            {
                Data = i.Data
                    .WithValue("sources", null, """[1, {"url": 5}, ["x"], {"name": "Kept", "url": "https://example.org/kept", "target": 7}, {"name": "Good", "url": "https://example.org/good"}]""")
                    .WithValue("tags", English, """[{"a": 1}, ["x"], 3, null, "kept"]""")
                    .WithValue("tags", Chinese, """{"not": "a list"}""")
                    .WithValue("image", null, """[1, {"mediaKey": 5}, {"mediaKey": "3f1c7a52-2f3c-4c61-9d55-0f2d0b1f4c11"}]""")
                    .WithValue("relatedSession", null, "[1]")
                    .WithValue("publishDate", null, "[\"2026-01-01\"]"),
            }
            : i);
        var article = snapshot.GetByKey(NewsSuzhou2025)!;

        Assert.Equal([new LinkValue("Good", "https://example.org/good", null)], article.LinksValue("sources", English));
        Assert.Equal(["kept"], article.TagsValue("tags", English));
        Assert.Empty(article.TagsValue("tags", Chinese));
        Assert.Equal([Guid.Parse("3f1c7a52-2f3c-4c61-9d55-0f2d0b1f4c11")], article.MediaKeysValue("image", English));
        Assert.Null(article.PickedKey("relatedSession", English));
        Assert.Null(article.DateValue("publishDate", English));

        // The index document is made from the same reads.
        var document = new Site.Core.Search.SearchDocumentFactory(new Site.Core.Rendering.MarkdownRenderer(), Site.Core.Rendering.RichTextRenderer.WithoutMedia).Create(article, [English, Chinese]);
        Assert.Equal("kept", document.Get("tags_en-us", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Stored_links_to_script_or_data_addresses_are_dropped_however_they_are_written()
    {
        string[] hostile =
        [
            "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\u0000javascript:alert(1)", "\u200Bjavascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "//evil.example/", "/\\evil.example/",
        ];
        var links = System.Text.Json.JsonSerializer.Serialize(hostile.Select(url => new { name = "Click", url })
            .Append(new { name = "Site", url = "/en/sessions" })
            .Append(new { name = "Mail", url = "mailto:forum@example.org" }));
        var snapshot = Search.UsyncSnapshots.Build(1, i => i.Key == Session13 ? i with { Data = i.Data.WithValue("sources", null, links) } : i);

        var shown = snapshot.GetByKey(Session13)!.LinksValue("sources", English);

        Assert.Equal(["/en/sessions", "mailto:forum@example.org"], shown.Select(l => l.Url));
    }
}
