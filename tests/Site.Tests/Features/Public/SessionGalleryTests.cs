using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A session's gallery: a list of figures whose thumbnails are 4:3 crops where the editor set them by hand, else around
/// the pick's or the item's focal point (srcset of offered widths, sized, lazy), each linking to a large image, alt text and caption in the page's language; nothing when
/// there is no photo.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class SessionGalleryTests(SiteFactory site)
{
    [Fact]
    public async Task A_gallery_shows_cropped_lazy_thumbnails_linking_to_large_images_in_each_language_and_goes_when_emptied()
    {
        await using (var gallery = await SessionGallery.CreateAsync(site))
        {
            var (_, english) = await site.GetPageAsync(SessionGallery.EnglishUrl);
            var section = english.QuerySelector("main section.gallery")!;
            Assert.Equal("Photos", section.QuerySelector("h2")!.TextContent);
            Assert.Equal(section.QuerySelector("h2")!.Id, section.GetAttribute("aria-labelledby"));
            var figures = section.QuerySelectorAll("ul.gallery-list > li > figure").ToList();
            Assert.Equal(3, figures.Count);
            Assert.Equal(["The main hall", "Principals together", "The signing"], figures.Select(f => f.QuerySelector("img")!.GetAttribute("alt")));
            Assert.Equal(["The main hall", "Principals together", "The signing"], figures.Select(f => f.QuerySelector("figcaption")!.TextContent));

            var first = figures[0].QuerySelector("a > img")!;
            Assert.Equal(("lazy", "async", null), (first.GetAttribute("loading"), first.GetAttribute("decoding"), first.GetAttribute("fetchpriority")));
            // The first pick's thumbnail crop was set by hand (x1 0.1, y1 0.05, x2 0.2, y2 0.1 of 1600 × 900: an area of
            // 1120 × 765): those coordinates win over its own focal point, and the largest offered 4:3 width that fits in
            // the area (not the whole image) is 800.
            var token = FocalCrop.Token(new CropCoordinates(0.1, 0.05, 0.2, 0.1));
            Assert.Equal(("800", "600"), (first.GetAttribute("width"), first.GetAttribute("height")));
            Assert.Contains($"/480x360-c{token}/gallery-1600x900.jpg 480w", first.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.DoesNotContain("1024x768", first.GetAttribute("srcset"), StringComparison.Ordinal);
            // 4:3, the data type's thumbnail crop around the item's focal point, at the largest offered width inside 900 × 1200.
            var second = figures[1].QuerySelector("img")!;
            Assert.Contains("/480x360/gallery-900x1200.jpg 480w", second.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.Equal(("800", "600"), (second.GetAttribute("width"), second.GetAttribute("height")));
            Assert.NotNull(first.GetAttribute("sizes"));
            Assert.Equal(gallery.Photos[0].Url, figures[0].QuerySelector("a")!.GetAttribute("href"));
            var small = figures[2].QuerySelector("img")!;
            Assert.Equal(("320", "240"), (small.GetAttribute("width"), small.GetAttribute("height")));

            using var client = site.CreateBrowserClient();
            foreach (var figure in figures)
            {
                var thumbnail = await client.GetAsync(new Uri(figure.QuerySelector("img")!.GetAttribute("src")!, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
                using var image = Image.NewFromBuffer(await thumbnail.Content.ReadAsByteArrayAsync());
                Assert.Equal(image.Width * 3, image.Height * 4);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(figure.QuerySelector("a")!.GetAttribute("href")!, UriKind.Relative))).StatusCode);
            }

            // The hand-set crop was served above (4:3, 200); its address names the coordinates only by their token.
            var cut = first.GetAttribute("src")!;
            Assert.Contains($"-c{token}/", cut, StringComparison.Ordinal);

            // Coordinates no published pick sets are sent to the crop around the item's own point, and no file is made for them.
            var madeUp = cut.Replace($"-c{token}/", $"-c{FocalCrop.Token(new CropCoordinates(0, 0, 0.5, 0.5))}/", StringComparison.Ordinal);
            using var redirected = await client.GetAsync(new Uri(madeUp, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Equal(cut.Replace($"-c{token}/", "/", StringComparison.Ordinal), redirected.Headers.Location!.OriginalString);
            foreach (var malformed in new[] { cut.Replace($"-c{token}/", "-c../", StringComparison.Ordinal), cut.Replace($"-c{token}/", "-cXYZ/", StringComparison.Ordinal) })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(malformed, UriKind.Relative))).StatusCode);
            }

            var (_, chinese) = await site.GetPageAsync(SessionGallery.ChineseUrl);
            Assert.Equal("照片", chinese.QuerySelector("main section.gallery h2")!.TextContent);
            Assert.Equal("大会主会场", chinese.QuerySelector("main section.gallery img")!.GetAttribute("alt"));
            Assert.Null(chinese.QuerySelector("main section.gallery img")!.GetAttribute("lang"));
        }

        var (_, after) = await site.GetPageAsync(SessionGallery.EnglishUrl);
        Assert.Null(after.QuerySelector(".gallery"));
        Assert.Null(after.QuerySelector(".gallery-list"));
    }

    [Fact]
    public async Task A_picks_own_focal_point_places_the_crop_when_no_coordinates_were_set_and_only_published_points_make_files()
    {
        var media = site.Services.GetRequiredService<IMediaService>();
        var editor = new BackOfficeUser("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
        using var picture = Image.Black(1600, 900, bands: 3);
        var photo = (await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), "focal-only.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "焦点", ["en-US"] = "Focal" }, new FocalPoint(0.8, 0.5), editor, CancellationToken.None)).Item!;
        try
        {
            await using (await SessionGallery.WithValueAsync(site, $$$"""[{"key":"{{{Guid.NewGuid()}}}","mediaKey":"{{{photo.Key}}}","crops":[],"focalPoint":{"left":0.25,"top":0.5}}]"""))
            {
                var (_, page) = await site.GetPageAsync(SessionGallery.EnglishUrl);
                var image = page.QuerySelector("main section.gallery img")!;
                Assert.Equal(("1024", "768"), (image.GetAttribute("width"), image.GetAttribute("height")));
                Assert.Contains("/480x360-25-50/focal-only.jpg 480w", image.GetAttribute("srcset"), StringComparison.Ordinal);

                using var client = site.CreateBrowserClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(image.GetAttribute("src")!, UriKind.Relative))).StatusCode);
                var madeUp = image.GetAttribute("src")!.Replace("-25-50/", "-26-50/", StringComparison.Ordinal);
                using var redirected = await client.GetAsync(new Uri(madeUp, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
                Assert.Equal(madeUp.Replace("-26-50/", "/", StringComparison.Ordinal), redirected.Headers.Location!.OriginalString);
            }
        }
        finally
        {
            await media.DeleteAsync(photo.Key, editor, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_gallery_of_deleted_items_and_documents_shows_nothing()
    {
        var media = site.Services.GetRequiredService<IMediaService>();
        var editor = new BackOfficeUser("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
        var pdf = (await media.UploadAsync(new MemoryStream("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()), "programme.pdf",
            new Dictionary<string, string>(), null, editor, CancellationToken.None)).Item!;
        using var picture = Image.Black(400, 300, bands: 3);
        var photo = (await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), "gone.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "已删除", ["en-US"] = "Gone" }, null, editor, CancellationToken.None)).Item!;

        await using (await SessionGallery.WithValueAsync(site, $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{photo.Key}}"},{"key":"{{Guid.NewGuid()}}","mediaKey":"{{pdf.Key}}"}]"""))
        {
            Assert.True((await media.DeleteAsync(photo.Key, editor, CancellationToken.None)).Succeeded);

            var (response, page) = await site.GetPageAsync(SessionGallery.EnglishUrl);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(page.QuerySelector(".gallery"));
        }

        await media.DeleteAsync(pdf.Key, editor, CancellationToken.None);
    }
}
