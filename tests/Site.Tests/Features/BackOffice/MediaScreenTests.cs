using System.Net;
using NetVips;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The media library screen at /umbraco/media: list, upload, edit, delete.</summary>
public sealed class MediaScreenTests(SiteFactory site)
{
    private static byte[] Png()
    {
        using var image = Image.Black(40, 30, bands: 3);
        return image.PngsaveBuffer();
    }

    [Fact]
    public async Task An_editor_uploads_an_image_sees_it_listed_edits_and_deletes_it()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (first, firstPage) = await browser.GetAsync("/umbraco/media");
        Assert.Equal("Media", BackOfficeScreens.AssertPage(first, firstPage));

        var alt = "Venue " + Guid.NewGuid().ToString("N");
        var (uploaded, uploadPage) = await BackOfficeScreens.PostFileAsync(browser, "/umbraco/media", "form[action='/umbraco/media']", Png(), "venue.png",
            new Dictionary<string, string> { ["Alt[en-US]"] = alt, ["Alt[zh-CN]"] = "<script>alert(1)</script>", ["FocalLeft"] = "0.25", ["FocalTop"] = "0.75" });
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, uploadPage.DocumentElement.OuterHtml);
        Assert.Equal("/umbraco/media?saved=1", uploaded.Headers.Location!.OriginalString);

        var (listed, page) = await browser.GetAsync("/umbraco/media?saved=1");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.NotNull(page.QuerySelector("main .notice"));
        var image = page.QuerySelector($"img[alt='{alt}']");
        Assert.NotNull(image);
        var row = image.Closest("tr")!;
        Assert.Contains("40 × 30", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("KB", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("<script>alert(1)</script>", row.QuerySelector("input[name='Alt[zh-CN]']")!.GetAttribute("value"));
        Assert.Equal("0.25", row.QuerySelector("input[name=FocalLeft]")!.GetAttribute("value"));
        var key = row.Id!["media-".Length..];

        var (invalid, invalidPage) = await browser.SubmitAsync("/umbraco/media", new Dictionary<string, string> { ["Alt[en-US]"] = "", ["Alt[zh-CN]"] = "会场" }, $"form[action='/umbraco/media/{Guid.ParseExact(key, "N")}']");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull(invalidPage.QuerySelector(".error-summary"));
        Assert.Equal("true", invalidPage.QuerySelector($"#f-{key}-Alt-en-US")!.GetAttribute("aria-invalid"));

        var renamed = "Stage " + Guid.NewGuid().ToString("N");
        var (edited, _) = await browser.SubmitAsync("/umbraco/media", new Dictionary<string, string> { ["Alt[en-US]"] = renamed, ["Alt[zh-CN]"] = "舞台" }, $"form[action='/umbraco/media/{Guid.ParseExact(key, "N")}']");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var (_, afterEdit) = await browser.GetAsync("/umbraco/media");
        Assert.NotNull(afterEdit.QuerySelector($"img[alt='{renamed}']"));

        var (deleted, _) = await browser.SubmitAsync("/umbraco/media", new Dictionary<string, string>(), $"form[action='/umbraco/media/{Guid.ParseExact(key, "N")}/delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (_, afterDelete) = await browser.GetAsync(deleted.Headers.Location!.OriginalString);
        Assert.Null(afterDelete.QuerySelector($"#media-{key}"));
        Assert.NotNull(afterDelete.QuerySelector("main .notice"));
    }

    [Fact]
    public async Task Text_named_photo_jpg_is_refused_with_415_and_the_typed_alt_text_stays()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (refused, page) = await BackOfficeScreens.PostFileAsync(browser, "/umbraco/media", "form[action='/umbraco/media']", "just some text, not a photo"u8.ToArray(), "photo.jpg",
            new Dictionary<string, string> { ["Alt[en-US]"] = "A photo", ["Alt[zh-CN]"] = "照片" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("Only JPEG", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("A photo", page.QuerySelector("#f-Alt-en-US")!.GetAttribute("value"));
        Assert.Equal("照片", page.QuerySelector("#f-Alt-zh-CN")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#f-File")!.GetAttribute("aria-invalid"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused_with_400_naming_the_field()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (refused, page) = await BackOfficeScreens.PostFileAsync(browser, "/umbraco/media", "form[action='/umbraco/media']", Png(), "no-alt.png",
            new Dictionary<string, string> { ["Alt[en-US]"] = "Only English" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-Alt-zh-CN']"));
        Assert.Equal("Only English", page.QuerySelector("#f-Alt-en-US")!.GetAttribute("value"));
    }
}
