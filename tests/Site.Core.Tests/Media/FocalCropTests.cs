using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Media;

/// <summary>
/// One calculation places a crop: the largest area of the crop's shape, centred on the focal point and kept inside
/// the image. Renditions cut it; only offered widths and shapes are made, never larger than the original.
/// </summary>
public sealed class FocalCropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0.25, 0, 0.5)] // centred on a quarter would start left of the image: kept at the left edge
    [InlineData(0.5, 0.25, 0.25)]
    [InlineData(0.6, 0.35, 0.15)]
    [InlineData(0.95, 0.5, 0)]
    public void A_square_from_a_wide_image_keeps_its_height_and_follows_the_focal_point(double left, double x1, double x2)
    {
        var crop = FocalCrop.Coordinates(2000, 1000, new FocalPoint(left, 0.5), 480, 480);

        Assert.Equal(new CropCoordinates(x1, 0, x2, 0), crop);
        Assert.True(crop.IsValid);
    }

    [Fact]
    public void A_wide_crop_from_a_tall_image_keeps_its_width_and_follows_the_focal_point()
    {
        var crop = FocalCrop.Coordinates(600, 1200, new FocalPoint(0.5, 0.1), 4, 3);

        Assert.Equal(0, crop.X1);
        Assert.Equal(0, crop.X2);
        Assert.Equal(0, crop.Y1);
        Assert.Equal(0.625, crop.Y2, 6);
        Assert.Equal((0, 0, 600, 450), FocalCrop.Pixels(crop, 600, 1200));
    }

    [Fact]
    public void An_invalid_focal_point_crops_around_the_centre()
    {
        Assert.Equal(FocalCrop.Coordinates(2000, 1000, FocalPoint.Centre, 1, 1), FocalCrop.Coordinates(2000, 1000, new FocalPoint(7, -1), 1, 1));
        Assert.Equal(360, FocalCrop.HeightFor(480, 4, 3));
        Assert.Equal(270, FocalCrop.HeightFor(480, 16, 9));
    }

    [Fact]
    public async Task Crops_are_made_in_offered_shapes_around_the_focal_point_and_never_larger_than_the_original()
    {
        await using var engine = await TestEngine.StartAsync();
        var result = await engine.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(TestImages.Jpeg(1200, 800, 1050, 650)), "marker.jpg", new Dictionary<string, string> { ["zh-CN"] = "标记", ["en-US"] = "Marker" },
            new FocalPoint(0.92, 0.87), Editor, Ct);
        var item = result.Item!;
        var renditions = engine.Services.GetRequiredService<IMediaRenditions>();

        var photo = await renditions.GetAsync(item, 480, 360, Ct);
        var video = await renditions.GetAsync(item, 640, 360, Ct);

        using (var image = Image.NewFromFile(photo!))
        {
            Assert.Equal((480, 360), (image.Width, image.Height));
            Assert.True(image.Max() > 200, "the bright marker near the focal point is inside the crop");
        }

        using (var image = Image.NewFromFile(video!))
        {
            Assert.Equal((640, 360), (image.Width, image.Height));
        }

        // Around another point (a page's own): another file, with (at most) a sliver of the marker at its edge.
        var elsewhere = await renditions.GetAsync(item, 480, 360, new FocalPercent(0, 0), Ct);
        Assert.NotEqual(photo, elsewhere);
        using (var image = Image.NewFromFile(elsewhere!))
        using (var around = Image.NewFromFile(photo!))
        {
            Assert.Equal((480, 360), (image.Width, image.Height));
            Assert.True(image.Avg() < around.Avg() / 2, "the crop around the top-left corner holds less of the marker");
        }

        Assert.Null(await renditions.GetAsync(item, 480, 333, Ct)); // no offered shape
        Assert.Null(await renditions.GetAsync(item, 1600, 1200, Ct)); // larger than the original
        Assert.Null(await renditions.GetAsync(item, 500, 375, Ct)); // a width not offered
    }

    [Fact]
    public async Task A_crop_set_by_hand_cuts_exactly_that_area_filled_without_stretching_and_never_scaled_up()
    {
        await using var engine = await TestEngine.StartAsync();
        // The bright marker sits at 1050–1150 × 650–750 of 1200 × 800, near the bottom-right corner.
        var item = (await engine.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(TestImages.Jpeg(1200, 800, 1050, 650)), "hand-crop.jpg", new Dictionary<string, string> { ["zh-CN"] = "标记", ["en-US"] = "Marker" },
            FocalPoint.Centre, Editor, Ct)).Item!;
        var renditions = engine.Services.GetRequiredService<IMediaRenditions>();
        var aroundMarker = new CropCoordinates(0.75, 0.625, 0, 0); // the bottom-right 300 × 300
        var topLeft = new CropCoordinates(0, 0, 0.5, 0.5); // 600 × 400, far from the marker

        var marked = await renditions.GetAsync(item, 160, 120, aroundMarker, Ct);
        var dark = await renditions.GetAsync(item, 480, 360, topLeft, Ct);
        var centred = await renditions.GetAsync(item, 160, 120, Ct);

        using (var image = Image.NewFromFile(marked!))
        {
            Assert.Equal((160, 120), (image.Width, image.Height));
            Assert.True(image.Avg() > 20, "the marker is a large part of the small area cut around it");
        }

        using (var image = Image.NewFromFile(dark!))
        {
            Assert.Equal((480, 360), (image.Width, image.Height));
            Assert.True(image.Max() < 60, "nothing of the marker in the top-left area");
        }

        Assert.NotEqual(marked, centred);
        Assert.NotEqual(Path.GetFileName(marked), Path.GetFileName(await renditions.GetAsync(item, 160, 120, new CropCoordinates(0.75, 0.625, 0, 0.01), Ct)));
        Assert.Null(await renditions.GetAsync(item, 640, 480, topLeft, Ct)); // larger than the 600 × 400 area: would be scaled up
        Assert.Null(await renditions.GetAsync(item, 480, 333, topLeft, Ct)); // no offered shape
        Assert.Null(await renditions.GetAsync(item, 160, 120, new CropCoordinates(0.6, 0, 0.6, 0), Ct)); // nothing left between the edges

        Assert.Equal(FocalCrop.Token(aroundMarker), FocalCrop.Token(new CropCoordinates(0.75, 0.625, 0, 0)));
        Assert.NotEqual(FocalCrop.Token(aroundMarker), FocalCrop.Token(topLeft));
        Assert.True(FocalCrop.IsToken(FocalCrop.Token(topLeft)));
        Assert.False(FocalCrop.IsToken("../../etc"));
    }
}
