using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>
/// A session with a gallery of generated photos in Chromium: the thumbnails load (lazily) in their 4:3 boxes with no
/// axe violation in either language; the back office's picker rows move with the keyboard and the focal point is set
/// with the arrow keys.
/// </summary>
public sealed class GalleryBrowserTests(SiteServerFixture site)
{
    private const string SessionPath = "/en/sessions/13th-forum-2017";

    private static readonly BackOfficeUser Uploader = new("editor@e2e", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task A_session_gallery_loads_its_cropped_photos_without_axe_violations_and_its_picker_works_by_keyboard()
    {
        var media = site.Services.GetRequiredService<IMediaService>();
        var photos = new List<MediaItem>();
        foreach (var (width, height) in new[] { (1600, 900), (900, 1200), (640, 480) })
        {
            using var image = NetVips.Image.Black(width, height, bands: 3).Linear(new double[] { 1, 1, 1 }, new double[] { 90, 120, 160 }).Cast(NetVips.Enums.BandFormat.Uchar);
            var uploaded = await media.UploadAsync(new MemoryStream(image.JpegsaveBuffer()), $"e2e-gallery-{width}.jpg",
                new Dictionary<string, string> { ["zh-CN"] = $"会场照片 {width}", ["en-US"] = $"Venue photo {width}" }, new FocalPoint(0.7, 0.4), Uploader, CancellationToken.None);
            Assert.True(uploaded.Succeeded);
            photos.Add(uploaded.Item!);
        }

        var content = site.Services.GetRequiredService<IContentService>();
        var publishing = site.Services.GetRequiredService<IPublishingService>();
        var session = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.GetByRoute(SessionPath)!.Key;
        var before = (await content.GetAsync(session, CancellationToken.None))!;
        var cultures = before.PublishedCultures.Select(p => p.Culture).ToList();
        var gallery = "[" + string.Join(",", photos.Select(p => $$"""{"key":"{{Guid.NewGuid()}}","mediaKey":"{{p.Key}}","mediaTypeAlias":"Image"}""")) + "]";
        Assert.True((await content.SaveAsync(new ContentEdit(session, before.ParentKey, "session", before.CurrentVersion.Data with
        {
            Values = [.. before.CurrentVersion.Data.Values.Where(v => v.Alias != "gallery"), new PropertyValue("gallery", null, gallery)],
        }), "e2e", CancellationToken.None)).Succeeded);
        Assert.True((await publishing.PublishAsync(session, cultures, "e2e", CancellationToken.None)).Succeeded);
        try
        {
            await using var context = await site.NewContextAsync();
            var page = await context.NewPageAsync();
            foreach (var path in new[] { SessionPath, "/zh/sessions/13th-forum-2017" })
            {
                await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var thumbnails = page.Locator("section.gallery li img");
                Assert.Equal(3, await thumbnails.CountAsync());
                for (var i = 0; i < 3; i++)
                {
                    var thumbnail = thumbnails.Nth(i);
                    await thumbnail.ScrollIntoViewIfNeededAsync();
                    await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumbnail.ElementHandleAsync());
                    // Drawn in the 4:3 box the width and height attributes reserved, so nothing moved when it arrived.
                    var box = (await thumbnail.BoundingBoxAsync())!;
                    Assert.InRange(box.Width / box.Height, 1.32, 1.35);
                    var natural = await thumbnail.EvaluateAsync<double[]>("img => [img.naturalWidth, img.naturalHeight]");
                    Assert.Equal(natural[0] * 3, natural[1] * 4, 1);
                }

                await Axe.AssertNoViolationsAsync(page, "session with a gallery " + path);
            }

            // The back office: rows move with the keyboard and say so.
            var editor = await context.NewPageAsync();
            var console = new List<string>();
            editor.Console += (_, m) => console.Add(m.Text);
            editor.PageError += (_, e) => console.Add(e);
            await BackOfficeBrowser.SignInAsync(editor, await site.NewUserAsync(BackOfficeGroups.Editors));
            await editor.GotoAsync($"/umbraco/content/{session}");
            var rows = editor.Locator("ol.media-picks select[name='v.gallery']");
            Assert.Equal(photos[0].Key.ToString(), await rows.Nth(0).InputValueAsync());
            var down = editor.Locator("ol.media-picks.sortable > li").Nth(0).Locator("button[data-action=down]");
            Assert.True(await down.CountAsync() == 1, string.Join(" | ", console));
            await down.FocusAsync();
            await editor.Keyboard.PressAsync("Enter");
            Assert.Equal(photos[1].Key.ToString(), await rows.Nth(0).InputValueAsync());
            Assert.Equal(photos[0].Key.ToString(), await rows.Nth(1).InputValueAsync());
            Assert.Equal("data-action=down", await editor.EvaluateAsync<string>("() => 'data-action=' + document.activeElement.dataset.action"));
            await Assertions.Expect(editor.Locator("ol.media-picks.sortable + [role=status]")).Not.ToBeEmptyAsync();
            await Axe.AssertNoViolationsAsync(editor, "edit session with a gallery");

            // The crop editor: the first row (now the 900 × 1200 photo) has the gallery's 4:3 thumbnail crop; the
            // rectangle shrinks and moves with the keyboard, moves with the mouse, and keeps the crop's shape.
            var crops = editor.Locator("ol.media-picks.sortable > li").Nth(0).Locator("details.pick-crops");
            await crops.Locator("summary").ClickAsync();
            var area = crops.Locator(".crop-box");
            var field = crops.Locator("input[name='v.gallery.crop.thumbnail']");
            Assert.Equal(string.Empty, await field.InputValueAsync());
            await area.FocusAsync();
            await editor.Keyboard.PressAsync("-");
            await editor.Keyboard.PressAsync("ArrowDown");
            var keyed = Coordinates(await field.InputValueAsync());
            Assert.Equal(4.0 / 3, (1 - keyed[0] - keyed[2]) * 900 / ((1 - keyed[1] - keyed[3]) * 1200), 2);
            Assert.Equal(0.025, keyed[0], 3); // 0.05 narrower than the full width, centred
            await Assertions.Expect(crops.Locator("[role=status]")).Not.ToBeEmptyAsync();
            var bounds = (await area.BoundingBoxAsync())!;
            await editor.Mouse.MoveAsync(bounds.X + (bounds.Width / 2), bounds.Y + (bounds.Height / 2));
            await editor.Mouse.DownAsync();
            await editor.Mouse.MoveAsync(bounds.X + (bounds.Width / 2) - 200, bounds.Y + (bounds.Height / 2) + 20, new MouseMoveOptions { Steps = 4 });
            await editor.Mouse.UpAsync();
            var dragged = Coordinates(await field.InputValueAsync());
            Assert.Equal(0, dragged[0], 3); // held at the left edge
            Assert.True(dragged[1] > keyed[1], $"{dragged[1]} > {keyed[1]}");
            Assert.Equal(4.0 / 3, (1 - dragged[0] - dragged[2]) * 900 / ((1 - dragged[1] - dragged[3]) * 1200), 2);
            await Axe.AssertNoViolationsAsync(editor, "media picker with the crop editor open");
            await crops.GetByRole(AriaRole.Button, new() { Name = "Crop around the focal point" }).ClickAsync();
            Assert.Equal(string.Empty, await field.InputValueAsync());

            // The focal point follows the arrow keys on the image and fills in the numbers the form sends.
            await editor.GotoAsync("/umbraco/media");
            var row = editor.Locator($"#media-{photos[2].Key:N}");
            await row.Locator("summary").ClickAsync();
            var frame = row.Locator(".focal-frame");
            await frame.FocusAsync();
            await editor.Keyboard.PressAsync("ArrowRight");
            await editor.Keyboard.PressAsync("ArrowDown");
            Assert.Equal("0.75", await row.Locator("input[name=FocalLeft]").InputValueAsync());
            Assert.Equal("0.45", await row.Locator("input[name=FocalTop]").InputValueAsync());
            await Axe.AssertNoViolationsAsync(editor, "media with the focal point picker open");
        }
        finally
        {
            var now = (await content.GetAsync(session, CancellationToken.None))!;
            await content.SaveAsync(new ContentEdit(session, now.ParentKey, "session", now.CurrentVersion.Data with
            {
                Values = [.. now.CurrentVersion.Data.Values.Where(v => v.Alias != "gallery")],
            }), "e2e", CancellationToken.None);
            await publishing.PublishAsync(session, cultures, "e2e", CancellationToken.None);
            foreach (var photo in photos)
            {
                await media.DeleteAsync(photo.Key, Uploader, CancellationToken.None);
            }
        }
    }

    private static double[] Coordinates(string text) =>
        [.. text.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
}
