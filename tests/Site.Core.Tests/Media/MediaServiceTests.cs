using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Media;

public sealed class MediaServiceTests
{
    private static readonly Dictionary<string, string> Alt = new() { ["zh-CN"] = "坦佩雷会议厅", ["en-US"] = "Tampere Hall" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MediaResult> UploadAsync(TestEngine engine, byte[] bytes, string name, IReadOnlyDictionary<string, string>? alt = null, FocalPoint? focal = null) =>
        engine.Services.GetRequiredService<IMediaService>().UploadAsync(new MemoryStream(bytes), name, alt ?? Alt, focal, Editor, Ct);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_image_is_stored_measured_and_listed(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var media = engine.Services.GetRequiredService<IMediaService>();

        var result = await UploadAsync(engine, TestImages.Jpeg(), "Tampere Hall.png");

        Assert.True(result.Succeeded, result.Message?.ToString());
        var item = result.Item!;
        Assert.Equal(("image/jpeg", ".jpg", 1200, 800), (item.MediaType, item.Extension, item.Width!.Value, item.Height!.Value));
        Assert.Equal("Tampere Hall", item.Alt("en-US"));
        Assert.Matches(@"^/media/[0-9a-f]{32}/[0-9a-f]{12}/tampere-hall\.jpg$", item.Url);
        Assert.True(File.Exists(media.OriginalPath(item)));
        Assert.Equal(item.Key, Assert.Single((await media.ListAsync(0, 10, Ct)).Items).Key);
    }

    [Fact]
    public async Task A_pdf_needs_no_alt_text()
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await UploadAsync(engine, TestImages.Pdf, "programme.pdf", alt: new Dictionary<string, string>());

        Assert.True(result.Succeeded);
        Assert.Equal((MediaKind.Document, "application/pdf"), (result.Item!.Kind, result.Item.MediaType));
    }

    [Theory]
    [InlineData("script.jpg", "<script>alert(1)</script>")]
    [InlineData("page.png", "<!DOCTYPE html><html></html>")]
    [InlineData("archive.pdf", "PK\u0003\u0004 zip")]
    public async Task A_file_whose_content_is_not_an_allowed_type_is_refused_whatever_its_name(string name, string content)
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await UploadAsync(engine, System.Text.Encoding.UTF8.GetBytes(content), name);

        Assert.Equal(MediaStatus.UnsupportedType, result.Status);
        Assert.Contains("whatever its name says", result.Message!.Get("en-US"), StringComparison.Ordinal);
        Assert.Empty((await engine.Services.GetRequiredService<IMediaService>().ListAsync(0, 10, Ct)).Items);
    }

    [Fact]
    public async Task Too_large_empty_corrupt_and_undescribed_images_are_refused_with_reasons()
    {
        await using var engine = await TestEngine.StartAsync(configure: s =>
            ((Microsoft.Extensions.Options.IOptions<SiteCoreOptions>)s.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Options.IOptions<SiteCoreOptions>)).ImplementationInstance!)
                .Value.Media.MaxUploadBytes = 10_000);

        var big = new byte[20_000];
        TestImages.Jpeg().AsSpan(0, 3).CopyTo(big);
        var tooLarge = await UploadAsync(engine, big, "big.jpg");
        var empty = await UploadAsync(engine, [], "empty.jpg");
        var corrupt = await UploadAsync(engine, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5], "broken.jpg");
        var noEnglishAlt = await UploadAsync(engine, TestImages.Png(), "small.png", alt: new Dictionary<string, string> { ["zh-CN"] = "说明", ["en-US"] = "  " });

        Assert.Equal(MediaStatus.TooLarge, tooLarge.Status);
        Assert.Equal(MediaStatus.Empty, empty.Status);
        Assert.Equal(MediaStatus.Corrupt, corrupt.Status);
        Assert.Equal(MediaStatus.AltTextRequired, noEnglishAlt.Status);
        Assert.Contains("en-US", noEnglishAlt.Message!.Get("en-US"), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(engine.DataPath, "media")) ? Directory.GetFiles(Path.Combine(engine.DataPath, "media"), "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task An_image_with_more_pixels_than_allowed_is_refused_from_its_header_with_the_limit()
    {
        await using var engine = await TestEngine.StartAsync();

        var bomb = await UploadAsync(engine, TestImages.PngHeaderOnly(20_000, 20_000), "bomb.png");

        Assert.Equal(MediaStatus.TooManyPixels, bomb.Status);
        Assert.Contains("20000 × 20000", bomb.Message!.Get("en-US"), StringComparison.Ordinal);
        Assert.Contains("50 megapixels", bomb.Message.Get("en-US"), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(engine.DataPath, "media")) ? Directory.GetFiles(Path.Combine(engine.DataPath, "media"), "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_stored_image_over_the_limit_is_never_resized()
    {
        await using var engine = await TestEngine.StartAsync();
        var uploaded = (await UploadAsync(engine, TestImages.Png(800, 600), "small.png")).Item!;
        // The file is replaced behind the record's back (or was stored before the limit existed): its own header decides.
        await File.WriteAllBytesAsync(engine.Services.GetRequiredService<IMediaService>().OriginalPath(uploaded), TestImages.PngHeaderOnly(), Ct);
        var renditions = engine.Services.GetRequiredService<IMediaRenditions>();

        Assert.Null(await renditions.GetAsync(uploaded, 320, null, Ct));
        Assert.Null(await renditions.GetAsync(uploaded, 320, 240, Ct));
    }

    [Fact]
    public async Task A_crop_keeps_the_focal_point_in_view()
    {
        await using var engine = await TestEngine.StartAsync();
        var uploaded = (await UploadAsync(engine, TestImages.Jpeg(markerLeft: 1050, markerTop: 650), "marker.jpg", focal: new FocalPoint(0.92, 0.87))).Item!;
        var renditions = engine.Services.GetRequiredService<IMediaRenditions>();

        var square = await renditions.GetAsync(uploaded, 320, 320, Ct);
        var wide = await renditions.GetAsync(uploaded, 640, null, Ct);
        var notOffered = await renditions.GetAsync(uploaded, 333, null, Ct);

        Assert.NotNull(square);
        using (var image = Image.NewFromFile(square))
        {
            Assert.Equal((320, 320), (image.Width, image.Height));
            // A centred crop would cut the bright marker off; one around the focal point keeps it.
            Assert.True(image.Max() > 200, "the bright marker near the focal point is inside the crop");
        }

        using (var image = Image.NewFromFile(wide!))
        {
            Assert.Equal((640, 427), (image.Width, image.Height));
        }

        Assert.Null(notOffered);
    }

    [Fact]
    public async Task Alt_text_and_focal_point_can_be_changed_and_an_item_deleted_with_its_files()
    {
        await using var engine = await TestEngine.StartAsync();
        var media = engine.Services.GetRequiredService<IMediaService>();
        var item = (await UploadAsync(engine, TestImages.Png(), "logo.png")).Item!;

        var updated = await media.UpdateAsync(item.Key, new Dictionary<string, string> { ["zh-CN"] = "新说明", ["en-US"] = "New alt" }, new FocalPoint(0.2, 0.3), Editor, Ct);
        var badFocal = await media.UpdateAsync(item.Key, Alt, new FocalPoint(1.5, 0), Editor, Ct);
        var deleted = await media.DeleteAsync(item.Key, Editor, Ct);

        Assert.Equal("New alt", updated.Item!.Alt("en-US"));
        Assert.Equal(new FocalPoint(0.2, 0.3), updated.Item.FocalPoint);
        Assert.Equal(MediaStatus.InvalidFocalPoint, badFocal.Status);
        Assert.True(deleted.Succeeded);
        Assert.Null(await media.GetAsync(item.Key, Ct));
        Assert.False(File.Exists(media.OriginalPath(item)));
    }

    [Fact]
    public async Task What_an_interrupted_upload_or_delete_left_is_removed_once_older_than_the_grace_period()
    {
        await using var engine = await TestEngine.StartAsync();
        var media = engine.Services.GetRequiredService<IMediaService>();
        var kept = (await UploadAsync(engine, TestImages.Jpeg(), "hall.jpg")).Item!;
        var keptFolder = Path.GetDirectoryName(media.OriginalPath(kept))!;
        Assert.Empty(Directory.EnumerateFiles(keptFolder, "*.partial"));
        var root = Path.GetDirectoryName(keptFolder)!;

        // A crash after the file was renamed into place but before its record was committed; another before the rename;
        // a folder written just now (perhaps another instance's upload, not committed yet); a folder this library does not name.
        var orphan = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(orphan.FullName, "original.jpg"), TestImages.Jpeg(), Ct);
        var partial = Path.Combine(keptFolder, "original.png.partial");
        await File.WriteAllBytesAsync(partial, [1, 2, 3], Ct);
        var recent = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(recent.FullName, "original.jpg"), TestImages.Jpeg(), Ct);
        var foreign = Directory.CreateDirectory(Path.Combine(root, "not-media"));
        var old = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(partial, old);
        Directory.SetLastWriteTimeUtc(orphan.FullName, old);
        Directory.SetLastWriteTimeUtc(keptFolder, old);
        Directory.SetLastWriteTimeUtc(foreign.FullName, old);

        Assert.Equal(2, await media.RemoveOrphansAsync(TimeSpan.FromHours(1), Ct));

        Assert.False(Directory.Exists(orphan.FullName));
        Assert.False(File.Exists(partial));
        Assert.True(File.Exists(media.OriginalPath(kept)));
        Assert.True(Directory.Exists(recent.FullName));
        Assert.True(Directory.Exists(foreign.FullName));
        Assert.Equal(1, await media.RemoveOrphansAsync(TimeSpan.Zero, Ct));
        Assert.False(Directory.Exists(recent.FullName));
    }
}
