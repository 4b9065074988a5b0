using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// A session's gallery: a list of figures whose thumbnails are 4:3 crops around the focal point (srcset of offered
/// widths, sized, lazy), each linking to a large image, alt text and caption in the page's language; nothing when
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
            // 4:3, the data type's thumbnail crop, at the largest offered width that fits inside 1600 × 900.
            Assert.Equal(("1024", "768"), (first.GetAttribute("width"), first.GetAttribute("height")));
            // The first pick has the page's own focal point (a quarter from the left): its crops say so.
            Assert.Contains("/480x360-25-50/gallery-1600x900.jpg 480w", first.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.Contains("/480x360/gallery-900x1200.jpg 480w", figures[1].QuerySelector("img")!.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.DoesNotContain("1280x960", first.GetAttribute("srcset"), StringComparison.Ordinal);
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

            // A focal point no published page uses is sent to the crop around the item's own, and no file is made for it.
            var madeUp = first.GetAttribute("src")!.Replace("-25-50/", "-26-50/", StringComparison.Ordinal);
            using var redirected = await client.GetAsync(new Uri(madeUp, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Equal(madeUp.Replace("-26-50/", "/", StringComparison.Ordinal), redirected.Headers.Location!.OriginalString);

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
