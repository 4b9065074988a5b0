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
}
