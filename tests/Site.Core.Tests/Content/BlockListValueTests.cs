using System.Text.Json;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// Umbraco.BlockList values (the page type's invariant <c>blocks</c>) as Umbraco 15+ stores them: checked on save
/// (allowed element types, limits, every value inside by its own editor's rule, block-level cultures), rich text inside
/// sanitized, and read back per culture.
/// </summary>
public sealed class BlockListValueTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private const string Alias = "blocks";

    private TestEngine Engine => fixture.Engine;

    private async Task<Guid> NewPageAsync() =>
        (await Engine.CreatePageAsync(About, "块 " + Guid.NewGuid().ToString("N")[..6], "Blocks " + Guid.NewGuid().ToString("N")[..6])).Key;

    private async Task<SaveResult> SaveAsync(Guid key, string value) => await Engine.EditAsync(key, d => d.WithValue(Alias, null, value));

    private static string Messages(SaveResult result) => string.Join("; ", result.Errors.Select(e => e.Message.Get(English)));

    [Fact]
    public async Task A_quote_and_an_image_with_captions_in_each_language_are_stored_as_they_came_and_read_per_culture()
    {
        var key = await NewPageAsync();
        var quote = Guid.NewGuid();
        var image = Guid.NewGuid();
        var value = BlockJson.List(
            BlockJson.Quote(quote, ("zh-CN", "教育是对话。", "一位校长"), (English, "Education is a conversation.", "A principal")),
            BlockJson.Image(image, Guid.NewGuid(), (Chinese, "开幕式", "摄影：示例"), (English, "The opening", "Photo: sample")));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
        var stored = (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, null);
        Assert.Equal(value, stored);
        var schema = Engine.Snapshots.Current.Schema;
        var english = EditorValues.Blocks(schema, stored, English);
        Assert.Equal(["quoteBlock", "imageBlock"], english.Select(b => b.Content.ContentTypeAlias));
        Assert.Equal("Education is a conversation.", english[0].Content.Value("quote"));
        Assert.Equal("教育是对话。", EditorValues.Blocks(schema, stored, Chinese)[0].Content.Value("quote"));
        Assert.Equal("Photo: sample", english[1].Content.Value("credit"));
    }

    [Fact]
    public async Task Settings_of_the_type_the_data_type_names_are_stored_and_read_and_other_settings_are_refused()
    {
        var key = await NewPageAsync();
        var settings = Guid.NewGuid();
        var value = BlockJson.List(
            BlockJson.WithSettings(BlockJson.Quote(Guid.NewGuid(), (Chinese, "好。", null), (English, "Good.", null)), settings, highlight: true),
            BlockJson.Quote(Guid.NewGuid(), (Chinese, "无设置。", null)));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
        var stored = (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, null);
        Assert.Equal(value, stored);
        var blocks = EditorValues.Blocks(Engine.Snapshots.Current.Schema, stored, English);
        var read = Assert.Single(blocks);
        Assert.Equal((settings, "blockSettings", "1"), (read.Settings!.Key, read.Settings.ContentTypeAlias, read.Settings.Value("highlight")));
        Assert.Null(EditorValues.Blocks(Engine.Snapshots.Current.Schema, stored, Chinese)[1].Settings);

        // The image block has no settings type in the data type; the quote's settings must be of the configured type.
        var onImage = BlockJson.List(BlockJson.WithSettings(BlockJson.Image(Guid.NewGuid(), Guid.NewGuid(), (Chinese, "图", "示例")), Guid.NewGuid(), highlight: true));
        var wrongType = BlockJson.List(BlockJson.Quote(Guid.NewGuid(), (Chinese, "好。", null)) with
        {
            SettingsKey = settings,
            SettingsJson = $"{{\"contentTypeKey\":\"{BlockJson.QuoteType}\",\"key\":\"{settings}\",\"values\":[]}}",
        });
        var badValue = BlockJson.List(BlockJson.Quote(Guid.NewGuid(), (Chinese, "好。", null)) with
        {
            SettingsKey = settings,
            SettingsJson = $"{{\"contentTypeKey\":\"{BlockJson.SettingsType}\",\"key\":\"{settings}\",\"values\":[{{\"editorAlias\":\"Umbraco.TrueFalse\",\"culture\":null,\"segment\":null,\"alias\":\"highlight\",\"value\":\"perhaps\"}}]}}",
        });
        foreach (var refused in new[] { onImage, wrongType, badValue })
        {
            var answer = await SaveAsync(key, refused);
            Assert.Equal(SaveStatus.ValidationFailed, answer.Status);
            Assert.Contains("Blocks, block 1", Messages(answer), StringComparison.Ordinal);
        }

        Assert.Equal(value, (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, null));
    }

    [Fact]
    public async Task A_featured_content_card_is_saved_with_its_picked_page_and_only_its_heading_is_text_for_the_index()
    {
        var key = await NewPageAsync();
        var target = Engine.Snapshots.Current.All.First(n => n.ContentTypeAlias == "session").Key;
        var value = BlockJson.List(BlockJson.Featured(Guid.NewGuid(), target, (Chinese, "延伸阅读"), (English, "Read next")));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
        var block = Assert.Single(EditorValues.Blocks(Engine.Snapshots.Current.Schema, value, English));
        Assert.Equal(target, block.Content.PickedKey("featuredPage"));
        Assert.Equal(["Read next"], EditorValues.BlockTexts(value, English).Select(t => t.Text));
        Assert.Equal(["延伸阅读"], EditorValues.BlockTexts(value, Chinese).Select(t => t.Text));

        // The picker is mandatory in the element type, and must name a document.
        var without = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.FeaturedContentType, [("heading", English, "\"Umbraco.TextBox\"", "\"Alone\"")], [English]));
        var notADocument = value.Replace(ContentUdi.Create(target), "umb://media/" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        Assert.Equal(SaveStatus.ValidationFailed, (await SaveAsync(key, without)).Status);
        Assert.Equal(SaveStatus.ValidationFailed, (await SaveAsync(key, notADocument)).Status);
    }

    [Fact]
    public async Task A_block_exposed_in_one_language_only_is_shown_only_in_it()
    {
        var key = await NewPageAsync();
        var value = BlockJson.List(BlockJson.Quote(Guid.NewGuid(), (Chinese, "只有中文。", null)));

        Assert.True((await SaveAsync(key, value)).Succeeded);

        var schema = Engine.Snapshots.Current.Schema;
        Assert.Single(EditorValues.Blocks(schema, value, Chinese));
        Assert.Empty(EditorValues.Blocks(schema, value, English));
    }

    [Fact]
    public async Task An_element_type_that_the_data_type_does_not_allow_is_refused_naming_the_property_and_the_block()
    {
        var key = await NewPageAsync();
        var value = BlockJson.List(
            BlockJson.Quote(Guid.NewGuid(), (Chinese, "好。", null)),
            BlockJson.Element(Guid.NewGuid(), Guid.NewGuid(), [], [Chinese]));

        var result = await SaveAsync(key, value);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        Assert.Contains("Blocks, block 2:", Messages(result), StringComparison.Ordinal);
        Assert.Contains("不允许", result.Errors[0].Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_inside_a_block_is_checked_by_its_own_editor()
    {
        var key = await NewPageAsync();
        var badLink = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.CallToActionType,
            [("title", English, "\"Umbraco.TextBox\"", "\"Read more\""), ("link", English, "\"Umbraco.MultiUrlPicker\"", """[{"name":"x","url":"javascript:alert(1)"}]""")],
            [English]));
        var badVideo = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.VideoType,
            [("videoUrl", null, "\"Umbraco.TextBox\"", "\"https://evil.example/embed/1\"")], [null]));
        var missingQuote = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.QuoteType,
            [("attribution", English, "\"Umbraco.TextBox\"", "\"Someone\"")], [English]));
        var culturalMismatch = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.QuoteType,
            [("quote", null, "\"Umbraco.TextArea\"", "\"No culture\"")], [English]));

        var link = await SaveAsync(key, badLink);
        var video = await SaveAsync(key, badVideo);
        var quote = await SaveAsync(key, missingQuote);
        var culture = await SaveAsync(key, culturalMismatch);

        Assert.Contains("Blocks, block 1 (Call to action): Link: the address of link 1 is not allowed", Messages(link), StringComparison.Ordinal);
        Assert.Contains("www.youtube-nocookie.com", Messages(video), StringComparison.Ordinal);
        Assert.Contains("Quote is required", Messages(quote), StringComparison.Ordinal);
        Assert.Contains("varies by culture", Messages(culture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_video_host_is_accepted()
    {
        var key = await NewPageAsync();
        var value = BlockJson.List(BlockJson.Element(Guid.NewGuid(), BlockJson.VideoType,
            [("videoUrl", null, "\"Umbraco.TextBox\"", "\"https://www.youtube-nocookie.com/embed/abc\"")], [null]));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
    }

    [Theory]
    [InlineData("""{"layout":{"Umbraco.BlockList":[{"contentKey":"not a key"}]},"contentData":[],"settingsData":[],"expose":[]}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"layout":{},"contentData":[],"script":"x"}""")]
    [InlineData("""{"layout":{"Umbraco.BlockList":[{"contentKey":"5b1a9b1c-0f0e-4a4e-9f0e-7d1f6d3c2b11"}]},"contentData":[],"settingsData":[],"expose":[]}""")]
    public async Task Values_of_the_wrong_shape_are_refused(string value)
    {
        var key = await NewPageAsync();

        var result = await SaveAsync(key, value);

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        Assert.Equal(Alias, result.Errors[0].Alias);
    }

    /// <summary>Found by fuzzing: half a surrogate pair (a JSON client's "\ud800") made every JSON reader throw, and the save with it.</summary>
    [Fact]
    public async Task Half_a_surrogate_pair_is_saved_as_a_replacement_character_not_an_exception()
    {
        var key = await NewPageAsync();
        var value = BlockJson.List(BlockJson.Quote(Guid.NewGuid(), (Chinese, "教育\ud800是对话。", "一位校长"), (English, "Education\udc00", "A principal")));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
        var stored = (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, null)!;
        var schema = Engine.Snapshots.Current.Schema;
        Assert.Equal("教育\ufffd是对话。", EditorValues.Blocks(schema, stored, Chinese)[0].Content.Value("quote"));
        Assert.Equal("Education\ufffd", EditorValues.Blocks(schema, stored, English)[0].Content.Value("quote"));
    }

    /// <summary>Found by fuzzing: a name twice in one object made saving throw while it looked for rich text to clean.</summary>
    [Fact]
    public async Task A_value_with_a_name_twice_in_an_object_is_answered_not_thrown()
    {
        var key = await NewPageAsync();

        var result = await SaveAsync(key, """{"layout":{},"layout":{},"contentData":[{"values":[],"values":[]}],"settingsData":[],"expose":[]}""");

        Assert.True(result.Succeeded || result.Status == SaveStatus.ValidationFailed, Messages(result));
    }

    [Fact]
    public async Task Rich_text_inside_a_block_is_sanitized_on_save_and_captions_stay_text()
    {
        var key = await NewPageAsync();
        var row = Guid.NewGuid();
        var value = BlockJson.List(BlockJson.Element(row, BlockJson.TextImageRowType,
            [("text", English, "\"Umbraco.RichText\"", JsonSerializer.Serialize(new { markup = "<p onclick=\"alert(1)\">Hi<script>alert(1)</script><img src=x onerror=alert(1)></p>", blocks = (object?)null })),
             ("imageSide", null, "\"Umbraco.TextBox\"", "\"left\"")],
            [English]));

        var result = await SaveAsync(key, value);

        Assert.True(result.Succeeded, Messages(result));
        var stored = (await Engine.GetRequiredAsync(key)).CurrentVersion.Data.GetValue(Alias, null)!;
        Assert.DoesNotContain("onclick", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("script", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", stored, StringComparison.Ordinal);
        var schema = Engine.Snapshots.Current.Schema;
        Assert.Equal("<p>Hi</p>", EditorValues.Blocks(schema, stored, English)[0].Content.RichTextMarkup("text"));
    }

    [Fact]
    public void Limits_of_the_data_type_are_kept()
    {
        var schema = Engine.Snapshots.Current.Schema;
        var property = schema.FindContentType("page")!.FindProperty(Alias)!;
        var limited = new ContentSchema(schema.Languages,
            schema.DataTypes.Values.Select(d => d.Key == property.DataTypeKey
                ? d with { ConfigJson = WithLimit(d.ConfigJson, 1, 1) }
                : d),
            schema.Dictionary.Values,
            schema.ContentTypes.Values);
        var two = BlockJson.List(BlockJson.Quote(Guid.NewGuid(), (Chinese, "一。", null)), BlockJson.Quote(Guid.NewGuid(), (Chinese, "二。", null)));

        var problem = ContentValidator.CheckValue(limited, property, two, new EditorValues.Nesting(0, false));

        Assert.Equal("Blocks takes at most 1 blocks.", problem?.Get(English));
    }

    [Fact]
    public async Task Element_types_cannot_be_created_as_content()
    {
        var result = await Engine.SaveAsync(new ContentEdit(Guid.NewGuid(), About, "quoteBlock",
            new ContentData(new Dictionary<string, string> { [Chinese] = "引语" }, [])));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
    }

    [Fact]
    public void The_search_index_reads_the_words_of_the_blocks_shown_in_each_culture()
    {
        var value = BlockJson.List(
            BlockJson.Quote(Guid.NewGuid(), (Chinese, "坦佩雷的校长", "示例"), (English, "Principals of Tampere", "Sample")),
            BlockJson.Element(Guid.NewGuid(), BlockJson.TextImageRowType,
                [("text", English, "\"Umbraco.RichText\"", """{"markup":"<p>Oulu <b>schools</b></p>","blocks":null}""")], [English]));

        var english = EditorValues.BlockTexts(value, English);
        var chinese = EditorValues.BlockTexts(value, Chinese);

        Assert.Equal([("Principals of Tampere", false), ("Sample", false), ("<p>Oulu <b>schools</b></p>", true)], english);
        Assert.Equal([("坦佩雷的校长", false), ("示例", false)], chinese);
    }

    private static string WithLimit(string configJson, int min, int max)
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(configJson)!.AsObject();
        config["validationLimit"] = new System.Text.Json.Nodes.JsonObject { ["min"] = min, ["max"] = max };
        return config.ToJsonString();
    }
}
