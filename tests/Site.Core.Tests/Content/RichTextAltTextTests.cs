using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Content;

/// <summary>
/// An editor's save refuses rich text with an image that would be shown without alt text in the value's culture:
/// none in the markup and none on its media item in that culture. The message names the property.
/// </summary>
public sealed class RichTextAltTextTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private const string Alias = "bodyText";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestEngine Engine => fixture.Engine;

    private async Task<Guid> NewPageAsync() =>
        (await Engine.CreatePageAsync(About, "替代文本 " + Guid.NewGuid().ToString("N")[..6], "Alt " + Guid.NewGuid().ToString("N")[..6])).Key;

    /// <summary>An image item with alt text in Chinese only, as the editor's upload makes it from a Chinese field.</summary>
    private async Task<MediaItem> ChineseOnlyImageAsync()
    {
        var upload = await Engine.Services.GetRequiredService<IMediaService>().UploadForTextAsync(
            new MemoryStream(TestImages.Png()), "hall.png", new Dictionary<string, string> { [Chinese] = "会议厅" }, [Chinese], Editor, Ct);
        Assert.True(upload.Succeeded, upload.Message?.ToString());
        await Engine.Services.GetRequiredService<IMediaLibrary>().ReloadAsync(Ct);
        return upload.Item!;
    }

    private async Task<SaveResult> SaveAsync(Guid key, string culture, string markup) =>
        await Engine.EditAsync(key, d => d.WithValue(Alias, culture, System.Text.Json.JsonSerializer.Serialize(new { markup, blocks = (object?)null })));

    [Fact]
    public async Task An_image_whose_item_has_alt_text_in_the_culture_needs_none_in_the_markup()
    {
        var key = await NewPageAsync();
        var item = await ChineseOnlyImageAsync();

        var result = await SaveAsync(key, Chinese, $"<p>会场<img data-udi=\"umb://media/{item.Key:N}\"></p>");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.ToString())));
    }

    [Fact]
    public async Task An_image_without_alt_text_in_the_culture_is_refused_naming_the_property()
    {
        var key = await NewPageAsync();
        var item = await ChineseOnlyImageAsync();

        var result = await SaveAsync(key, English, $"<p>Venue<img data-udi=\"umb://media/{item.Key:N}\" alt=\"  \"></p>");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Alias, error.Alias);
        Assert.Equal(English, error.Culture);
        var property = (await Engine.Services.GetRequiredService<IContentSchemaStore>().GetAsync(Ct)).FindContentType("page")!.FindProperty(Alias)!;
        Assert.Contains(property.Name, error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("alt", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("替代文本", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alt_text_in_the_markup_is_enough_and_an_unknown_item_is_not_an_alt_text_problem()
    {
        var key = await NewPageAsync();
        var item = await ChineseOnlyImageAsync();

        var result = await SaveAsync(key, English,
            $"<p>Venue<img data-udi=\"umb://media/{item.Key:N}\" alt=\"The hall\"><img data-udi=\"umb://media/{Guid.NewGuid():N}\"></p>");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.ToString())));
    }

    [Fact]
    public async Task An_image_by_path_without_alt_text_is_refused()
    {
        var key = await NewPageAsync();

        var result = await SaveAsync(key, English, "<p><img src=\"/media/abc/photo.jpg\"></p>");

        Assert.Equal(Alias, Assert.Single(result.Errors).Alias);
    }

    [Fact]
    public async Task The_upload_for_a_text_requires_alt_text_in_the_field_s_language_only_and_takes_images_only()
    {
        var media = Engine.Services.GetRequiredService<IMediaService>();

        var noAlt = await media.UploadForTextAsync(new MemoryStream(TestImages.Png()), "x.png", new Dictionary<string, string> { [Chinese] = "图" }, [English], Editor, Ct);
        var pdf = await media.UploadForTextAsync(new MemoryStream(TestImages.Pdf), "x.pdf", new Dictionary<string, string> { [English] = "Programme" }, [English], Editor, Ct);

        Assert.Equal(MediaStatus.AltTextRequired, noAlt.Status);
        Assert.Equal(MediaStatus.UnsupportedType, pdf.Status);
    }
}
