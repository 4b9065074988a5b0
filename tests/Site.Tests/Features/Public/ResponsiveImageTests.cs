using Site.Core.Content;
using Site.Core.Media;
using Site.Features.Public;

namespace Site.Tests.Features.Public;

/// <summary>
/// Where a crop of a responsive image comes from: an area set by hand wins over the page's and the item's focal point,
/// its renditions never exceed the area, and an area too small for any offered width falls back to the focal crop.
/// </summary>
public sealed class ResponsiveImageTests
{
    private static readonly MediaItem Photo = new(
        Guid.Parse("11111111-2222-3333-4444-555555555555"), "hall.jpg", MediaKind.Image, "image/jpeg", ".jpg", 1000, 1600, 900,
        new FocalPoint(0.8, 0.5), new Dictionary<string, string> { ["en-US"] = "The hall" }, new string('a', 64), DateTime.UnixEpoch, "test");

    [Fact]
    public void Coordinates_set_by_hand_name_the_crop_and_bound_its_widths_and_a_tiny_area_falls_back_to_the_focal_point()
    {
        var renditions = new Renditions();
        var area = new CropCoordinates(0.1, 0.05, 0.2, 0.1); // 1120 × 765 of 1600 × 900
        var byHand = ResponsiveImage.For(Photo, renditions, "en-US", (4, 3), new FocalPoint(0.25, 0.5), area)!;
        Assert.Contains($"/480x360-c{FocalCrop.Token(area)}/hall.jpg 480w", byHand.SrcSet, StringComparison.Ordinal);
        Assert.DoesNotContain("1024x768", byHand.SrcSet, StringComparison.Ordinal);
        Assert.Equal((800, 600), (byHand.Width, byHand.Height));

        var tiny = new CropCoordinates(0.5, 0.5, 0.45, 0.45); // 80 × 45: smaller than the smallest offered width
        var fallback = ResponsiveImage.For(Photo, renditions, "en-US", (4, 3), new FocalPoint(0.25, 0.5), tiny)!;
        Assert.Contains("/480x360-25-50/hall.jpg 480w", fallback.SrcSet, StringComparison.Ordinal);
        Assert.Equal((1024, 768), (fallback.Width, fallback.Height));
    }

    private sealed class Renditions : IMediaRenditions
    {
        public IReadOnlyList<int> Sizes { get; } = [160, 320, 480, 640, 800, 1024, 1280, 1600, 1920];

        public IReadOnlyList<(int Width, int Height)> Shapes { get; } = [(4, 3)];

        public Task<string?> GetAsync(MediaItem item, int width, int? height, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<string?> GetAsync(MediaItem item, int width, int height, FocalPercent focal, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<string?> GetAsync(MediaItem item, int width, int height, CropCoordinates crop, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
