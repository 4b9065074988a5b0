using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// MediaPicker3 values are checked against their data type on save: how many items (one unless "multiple", then the
/// validation limit), the crops the data type defines, focal points inside the image, and media that exists. The
/// session's gallery allows 24 items, a local focal point and a "thumbnail" crop; the cover ("image") one item.
/// </summary>
public sealed class MediaPickerValueTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private TestEngine Engine => fixture.Engine;

    private async Task<Guid> UploadAsync()
    {
        var result = await Engine.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(TestImages.Jpeg(800, 600, 600, 400)), "photo.jpg", new Dictionary<string, string> { [Chinese] = "照片", [English] = "Photo" },
            new FocalPoint(0.8, 0.7), TestUsers.Editor, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded);
        return result.Item!.Key;
    }

    private static string Pick(Guid media, string extra = "") =>
        $$"""{"key": "{{Guid.NewGuid()}}", "mediaKey": "{{media}}", "mediaTypeAlias": "Image"{{extra}}}""";

    private Task<SaveResult> SaveAsync(string alias, string value) => Engine.EditAsync(Session13, d => d.WithValue(alias, null, value));

    private async Task<string> RefusedAsync(string alias, string value)
    {
        var result = await SaveAsync(alias, value);
        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(alias, error.Alias);
        Assert.NotEqual(error.Message.Get(English), error.Message.Get(Chinese));
        return error.Message.Get(English);
    }

    [Fact]
    public async Task A_gallery_of_several_items_with_local_focal_points_and_its_crops_is_saved_and_read_in_order()
    {
        var (first, second) = (await UploadAsync(), await UploadAsync());
        var value = "[" + Pick(second, """, "focalPoint": {"left": 0.1, "top": 0.9}, "crops": [{"alias": "thumbnail", "width": 480, "height": 360, "coordinates": {"x1": 0.1, "y1": 0, "x2": 0.2, "y2": 0.05}}]""")
            + "," + Pick(first, """, "crops": [{"alias": "thumbnail", "label": "Thumbnail", "width": 480, "height": 360, "coordinates": null}], "focalPoint": null""") + "]";

        var result = await SaveAsync("gallery", value);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.Get(English))));
        var picks = EditorValues.MediaPicks(value);
        Assert.Equal([second, first], picks.Select(p => p.MediaKey));
        Assert.Equal(new FocalPoint(0.1, 0.9), picks[0].FocalPoint);
        Assert.Equal(new CropCoordinates(0.1, 0, 0.2, 0.05), picks[0].Crops.Single().Coordinates);
        Assert.Null(picks[1].FocalPoint);
        Assert.Null(picks[1].Crops.Single().Coordinates);
    }

    [Fact]
    public async Task More_items_than_the_data_type_allows_are_refused()
    {
        var media = await UploadAsync();

        var cover = await RefusedAsync("image", "[" + Pick(media) + "," + Pick(media) + "]");
        var gallery = await RefusedAsync("gallery", "[" + string.Join(",", Enumerable.Repeat(Pick(media), 25)) + "]");

        Assert.Contains("at most 1 ", cover, StringComparison.Ordinal);
        Assert.Contains("at most 24 ", gallery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_items_than_the_minimum_are_refused()
    {
        var configuration = MediaPickerConfiguration.Parse("""{"multiple": true, "validationLimit": {"min": 2, "max": null}}""");
        Assert.Equal((true, 2, (int?)null), (configuration.Multiple, configuration.Min, configuration.MaxItems));

        // The session's data types have no minimum; the rule is read from the configuration above.
        var schema = await Engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(TestContext.Current.CancellationToken);
        var gallery = schema.FindContentType("session")!.FindProperty("gallery")!;
        var dataType = schema.DataTypes[gallery.DataTypeKey] with { ConfigJson = """{"multiple": true, "validationLimit": {"min": 2}}""" };
        var problem = EditorValues.Check(gallery, "[" + Pick(Guid.NewGuid()) + "]", dataType);

        Assert.NotNull(problem);
        Assert.Contains("at least 2", problem.Get(English), StringComparison.Ordinal);
        Assert.Null(EditorValues.Check(gallery, "[" + Pick(Guid.NewGuid()) + "," + Pick(Guid.NewGuid()) + "]", dataType));
    }

    [Theory]
    [InlineData(""", "crops": [{"alias": "banner", "width": 1600, "height": 400}]""", "banner")]
    [InlineData(""", "crops": [{"alias": "thumbnail", "width": 480, "height": 360, "coordinates": {"x1": 0.6, "y1": 0, "x2": 0.5, "y2": 0}}]""", "not a media item")]
    [InlineData(""", "crops": [{"alias": "thumbnail", "coordinates": {"x1": 0.1}}]""", "not a media item")]
    [InlineData(""", "focalPoint": {"left": 1.5, "top": 0.5}""", "not a media item")]
    [InlineData(""", "focalPoint": {"left": 0.5}""", "not a media item")]
    public async Task Crops_the_data_type_does_not_define_and_points_outside_the_image_are_refused(string extra, string expected)
    {
        var media = await UploadAsync();

        var message = await RefusedAsync("gallery", "[" + Pick(media) + "," + Pick(media, extra) + "]");

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("item 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_media_is_refused_but_an_item_deleted_after_it_was_picked_does_not_block_saving()
    {
        var message = await RefusedAsync("gallery", "[" + Pick(Guid.NewGuid()) + "]");
        Assert.Contains("not in the media library", message, StringComparison.Ordinal);

        var media = await UploadAsync();
        Assert.True((await SaveAsync("gallery", "[" + Pick(media) + "]")).Succeeded);
        await Engine.Services.GetRequiredService<IMediaService>().DeleteAsync(media, TestUsers.Editor, TestContext.Current.CancellationToken);

        var result = await Engine.EditAsync(Session13, d => d.WithValue("attendees", English, "Principals"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.Get(English))));
    }

    [Fact]
    public void Umbracos_configuration_is_read_and_anything_unreadable_is_the_default()
    {
        var configuration = MediaPickerConfiguration.Parse("""
            {"filter": "", "multiple": true, "validationLimit": {"min": 1, "max": 6}, "startNodeId": null, "enableLocalFocalPoint": true,
             "crops": [{"alias": "thumbnail", "label": "Thumbnail", "width": 480, "height": 360}, {"alias": "", "width": 1, "height": 1}, {"alias": "x", "width": 0, "height": 5}],
             "ignoreUserStartNodes": false}
            """);

        Assert.True(configuration.Multiple);
        Assert.True(configuration.EnableLocalFocalPoint);
        Assert.Equal((1, 6), (configuration.Min, configuration.Max));
        Assert.Equal(new MediaCropDefinition("thumbnail", "Thumbnail", 480, 360), Assert.Single(configuration.Crops));
        Assert.Equal(MediaPickerConfiguration.Default, MediaPickerConfiguration.Parse("{}") with { Crops = [] } with { Crops = MediaPickerConfiguration.Default.Crops });
        Assert.Equal(1, MediaPickerConfiguration.Parse("not json").MaxItems);
        Assert.Equal(1, MediaPickerConfiguration.Parse("""{"multiple": false, "validationLimit": {"max": 10}}""").MaxItems);
    }
}
