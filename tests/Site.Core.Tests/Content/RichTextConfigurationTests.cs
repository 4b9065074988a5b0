using Site.Core.Content;
using Site.Core.Rendering;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// Umbraco.RichText's data type settings (Umbraco 16's <c>extensions</c> and <c>toolbar</c>, and <c>headingLevels</c>):
/// read as Umbraco stores them; what they turn off is reduced to text on save and on render, and headings move to
/// the nearest allowed level, never losing their text.
/// </summary>
public sealed class RichTextConfigurationTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private const string Limited = """
        {"extensions": ["Umb.Tiptap.RichTextEssentials", "Umb.Tiptap.Heading", "Umb.Tiptap.Bold", "Umb.Tiptap.BulletList"],
         "toolbar": [[["Umb.Tiptap.Toolbar.Heading2", "Umb.Tiptap.Toolbar.Heading3"], ["Umb.Tiptap.Toolbar.Bold"]], [["Umb.Tiptap.Toolbar.BulletList"]]],
         "headingLevels": [2, 3, 4], "blocks": []}
        """;

    private static readonly IReadOnlySet<Guid> NoBlocks = new HashSet<Guid>();

    private TestEngine Engine => fixture.Engine;

    [Fact]
    public void The_settings_are_read_in_Umbracos_shape()
    {
        var configuration = RichTextConfiguration.Parse(Limited);

        Assert.True(configuration.Allows(RichTextExtensions.Bold));
        Assert.False(configuration.Allows(RichTextExtensions.Table));
        Assert.Equal(2, configuration.Toolbar.Count);
        Assert.Equal(["Umb.Tiptap.Toolbar.Heading2", "Umb.Tiptap.Toolbar.Heading3"], configuration.Toolbar[0][0]);
        Assert.Equal([2, 3, 4], configuration.HeadingLevels);
        Assert.Contains("\"toolbar\":[[[\"Umb.Tiptap.Toolbar.Heading2\"", configuration.ToEditorJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"extensions\": 5, \"toolbar\": \"bold\", \"headingLevels\": {}}")]
    [InlineData("{not json")]
    public void Settings_that_do_not_fit_allow_everything_as_before(string json)
    {
        var configuration = RichTextConfiguration.Parse(json);

        Assert.True(configuration.Allows(RichTextExtensions.Table));
        Assert.Equal(RichTextConfiguration.DefaultToolbar, configuration.Toolbar);
        Assert.Equal([2, 3, 4, 5, 6], configuration.HeadingLevels);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    public void A_heading_takes_the_nearest_allowed_level(int level, int expected) =>
        Assert.Equal(expected, RichTextConfiguration.Parse(Limited).HeadingLevel(level));

    [Fact]
    public void Between_two_allowed_levels_a_heading_takes_the_lower_one_and_without_headings_none()
    {
        Assert.Equal(4, RichTextConfiguration.Parse("""{"headingLevels": [2, 4]}""").HeadingLevel(3));
        Assert.Null(RichTextConfiguration.Parse("""{"headingLevels": []}""").HeadingLevel(2));
        Assert.Null(RichTextConfiguration.Parse("""{"extensions": ["Umb.Tiptap.Bold"]}""").HeadingLevel(2));
    }

    [Fact]
    public void Headings_outside_the_allowed_levels_are_mapped_never_dropped_with_their_text()
    {
        var html = RichTextRenderer.Sanitize("<h1>Pasted title</h1><h3>Kept</h3><h6>Deep</h6>", NoBlocks, RichTextConfiguration.Parse(Limited));

        Assert.Equal("<h2>Pasted title</h2><h3>Kept</h3><h4>Deep</h4>", html);
        // Without settings an h1 still keeps its text, as a heading of the highest level the text may use.
        Assert.Equal("<h2>Pasted title</h2>", RichTextRenderer.Sanitize("<h1>Pasted title</h1>", NoBlocks));
        Assert.Equal("<p>No headings</p>", RichTextRenderer.Sanitize("<h2>No headings</h2>", NoBlocks, RichTextConfiguration.Parse("""{"headingLevels": []}""")));
    }

    [Fact]
    public void Features_the_data_type_turns_off_are_reduced_to_their_text()
    {
        var block = Guid.NewGuid();
        const string Markup = "<p><strong>Bold</strong> <em>italic</em> and <a href=\"https://example.org/\">a link</a></p>"
            + "<table><tbody><tr><td>Cell one</td><td><p>Cell two</p></td></tr></tbody></table>"
            + "<p><img src=\"/media/abc/photo.jpg\" alt=\"Photo\">After the image</p>"
            + "<ul><li>Kept item</li></ul><ol><li>Numbered</li></ol><blockquote><p>Quoted</p></blockquote><hr>";
        var markup = Markup + $"<umb-rte-block data-content-key=\"{block}\"></umb-rte-block>";

        var html = RichTextRenderer.Sanitize(markup, new HashSet<Guid> { block }, RichTextConfiguration.Parse(Limited));

        Assert.Equal(
            "<p><strong>Bold</strong> italic and a link</p><p>Cell one</p><p>Cell two</p><p>After the image</p>"
            + "<ul><li>Kept item</li></ul><p>Numbered</p><p>Quoted</p>",
            html);
    }

    [Fact]
    public void Rendering_applies_the_same_rule_as_saving()
    {
        var renderer = RichTextRenderer.WithoutMedia;
        const string Markup = "<h1>Title</h1><table><tbody><tr><td>Cell</td></tr></tbody></table><p><a href=\"/en/about\">About</a></p>";
        var configuration = RichTextConfiguration.Parse(Limited);

        Assert.Equal(RichTextRenderer.Sanitize(Markup, NoBlocks, configuration), renderer.ToSafeHtml(Markup, English, NoBlocks, configuration));
    }

    [Fact]
    public void Saving_reduces_the_markup_by_the_propertys_data_type()
    {
        var schema = Engine.Snapshots.Current.Schema;
        var type = schema.FindContentType("page")!;
        var property = type.FindProperty("bodyText")!;
        var limited = new ContentSchema(
            schema.Languages,
            schema.DataTypes.Values.Select(d => d.Key == property.DataTypeKey ? d with { ConfigJson = Limited } : d),
            schema.Dictionary.Values,
            schema.ContentTypes.Values);
        var data = new ContentData(new Dictionary<string, string> { [English] = "Limited" }, [])
            .WithValue("bodyText", English, """{"markup":"<h1>Pasted</h1><table><tbody><tr><td>Cell</td></tr></tbody></table>","blocks":null}""");

        var saved = EditorValues.ForSaving(limited, type, data).GetValue("bodyText", English);

        Assert.Equal("""{"markup":"<h2>Pasted</h2><p>Cell</p>","blocks":null}""", saved);
    }

    [Fact]
    public void The_sites_rich_text_keeps_every_feature_and_renders_its_content_as_before()
    {
        var snapshot = Engine.Snapshots.Current;
        var schema = snapshot.Schema;
        var richText = schema.DataTypes.Values.Single(d => d.Alias == "Rich text");
        var configuration = RichTextConfiguration.Of(richText);
        foreach (var extension in new[] { RichTextExtensions.Table, RichTextExtensions.Image, RichTextExtensions.Link, RichTextExtensions.Block, RichTextExtensions.Heading })
        {
            Assert.True(configuration.Allows(extension), extension);
        }

        var renderer = RichTextRenderer.WithoutMedia;
        var compared = 0;
        foreach (var content in snapshot.All)
        {
            foreach (var property in content.ContentType.Properties.Where(p => p.DataTypeKey == richText.Key))
            {
                foreach (var culture in content.Cultures.Keys)
                {
                    if (EditorValues.RichTextMarkup(content.Value(property.Alias, culture), out var keys) is { } markup)
                    {
                        Assert.Equal(renderer.ToSafeHtml(markup, culture, keys), renderer.ToSafeHtml(markup, culture, keys, configuration));
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared > 10, $"{compared} values compared");
    }

    [Fact]
    public void A_block_kind_shown_inline_is_read_from_umbracos_displayInline()
    {
        var inline = Guid.NewGuid();
        var json = $$"""{"blocks": [{"contentElementTypeKey": "{{inline}}", "displayInline": true}, {"contentElementTypeKey": "{{Guid.NewGuid()}}", "displayInline": "yes"}]}""";

        var configuration = BlockConfiguration.Of(new DataType(Guid.NewGuid(), "Inline blocks", PropertyEditors.RichText, json, null));

        Assert.True(configuration.Find(inline)!.DisplayInline);
        Assert.False(configuration.Blocks[1].DisplayInline);
    }

    [Fact]
    public void The_text_beside_a_photo_is_short_rich_text_without_tables_images_or_blocks()
    {
        var schema = Engine.Snapshots.Current.Schema;
        var text = schema.FindContentType("textImageRowBlock")!.FindProperty("text")!;

        var configuration = EditorValues.RichTextConfigurationOf(schema, text);

        Assert.False(configuration.Allows(RichTextExtensions.Table));
        Assert.False(configuration.Allows(RichTextExtensions.Image));
        Assert.False(configuration.Allows(RichTextExtensions.Block));
        Assert.True(configuration.Allows(RichTextExtensions.Link));
        Assert.Equal([3, 4], configuration.HeadingLevels);
    }
}
