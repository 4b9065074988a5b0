using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// The edit form's media picker: one labelled row per picked item, in order, and empty rows to add more (within the
/// data type's limit); the rows post in order, so reordering and removing work without script, and a pick that stays
/// keeps its crops and focal point.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class MediaPickerScreenTests(SiteFactory site)
{
    [Fact]
    public async Task The_gallery_rows_show_the_picks_in_order_and_a_reordered_post_keeps_each_picks_crops()
    {
        await using var gallery = await SessionGallery.CreateAsync(site);
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (_, page) = await browser.GetAsync($"/umbraco/content/{gallery.Session}");
        var t = BackOfficeScreens.TextOf(page);

        var rows = page.QuerySelectorAll("ol.media-picks select[name='v.gallery']").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal([.. gallery.Photos.Select(p => p.Key.ToString()), "", "", ""], rows.Select(r => r.Value));
        Assert.Equal(t.MediaPickItem(t.Code == "zh-CN" ? "图集" : "Gallery", 2), rows[1].GetAttribute("aria-label"));
        Assert.Contains("\"up\"", page.QuerySelector("ol.media-picks.sortable")!.GetAttribute("data-words"), StringComparison.Ordinal);
        var cover = Assert.Single(page.QuerySelectorAll("select[name='v.image']"));
        Assert.False(cover.ParentElement!.ParentElement!.ClassList.Contains("sortable"));
        Assert.Null(cover.GetAttribute("aria-label")); // a single picker is labelled by its field's label

        // The rows carry the pick's own focal point (the gallery enables it), filled in for the first photo.
        Assert.Equal(["0.25", "", "", "", "", ""], page.QuerySelectorAll("input[name='v.gallery.focalLeft']").Select(i => i.GetAttribute("value") ?? ""));
        Assert.NotNull(page.QuerySelector($"label[for='{rows[1].Id}-left']"));

        // The third photo first with a focal point of its own, the second removed ("(none)"), the first kept: its pick is kept whole.
        var fields = Fields(page).Where(f => !f.Key.StartsWith("v.gallery", StringComparison.Ordinal)).ToList();
        foreach (var (media, left, top) in new[] { (gallery.Photos[2].Key.ToString(), "0.1", "0.9"), ("", "", ""), (gallery.Photos[0].Key.ToString(), "0.25", "0.5"), ("", "", "") })
        {
            fields.AddRange([new("v.gallery", media), new("v.gallery.focalLeft", left), new("v.gallery.focalTop", top)]);
        }

        using var response = await browser.Http.PostAsync(new Uri($"/umbraco/content/{gallery.Session}", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));

        var stored = (await site.Services.GetRequiredService<IContentService>().GetAsync(gallery.Session, CancellationToken.None))!.CurrentVersion.Data.GetValue("gallery", null);
        Assert.Equal([gallery.Photos[2].Key, gallery.Photos[0].Key], EditorValues.MediaKeys(stored));
        var before = JsonNode.Parse(gallery.Value)!.AsArray()[0]!.ToJsonString();
        Assert.Equal(before, JsonNode.Parse(stored!)!.AsArray()[1]!.ToJsonString());
        Assert.Equal(new Site.Core.Media.FocalPoint(0.1, 0.9), EditorValues.MediaPicks(stored)[0].FocalPoint);
    }

    [Fact]
    public async Task Each_row_has_a_field_per_crop_with_its_coordinates_and_a_post_sets_clears_or_refuses_them()
    {
        await using var gallery = await SessionGallery.CreateAsync(site);
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (_, page) = await browser.GetAsync($"/umbraco/content/{gallery.Session}");

        // The gallery data type defines one crop (thumbnail, 480 × 360); the first pick set it by hand.
        var crops = page.QuerySelectorAll("input[name='v.gallery.crop.thumbnail']").ToList();
        Assert.Equal(["0.1,0.05,0.2,0.1", "", "", "", "", ""], crops.Select(i => i.GetAttribute("value") ?? ""));
        var label = page.QuerySelector($"label[for='{crops[1].Id}']")!;
        Assert.Contains("480 × 360", label.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{crops[0].GetAttribute("aria-describedby")}"));
        Assert.True(crops[0].Closest("details")!.HasAttribute("open"));
        Assert.Contains("/w800/", crops[0].Closest("details")!.GetAttribute("data-src"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[name^='v.image.crop.']")); // the cover's data type has no crops

        // The first photo's crop emptied (around the focal point again), the second's set by hand, the third's left alone.
        async Task<HttpResponseMessage> PostAsync(string first, string second)
        {
            var fields = Fields(page).Where(f => f.Key != "v.gallery.crop.thumbnail").ToList();
            var values = new[] { first, second, string.Empty, string.Empty, string.Empty, string.Empty };
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>("v.gallery.crop.thumbnail", v)));
            return await browser.Http.PostAsync(new Uri($"/umbraco/content/{gallery.Session}", UriKind.Relative), new FormUrlEncodedContent(fields));
        }

        using (var response = await PostAsync(string.Empty, "0, 0.1, 0, 0.2"))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
        }

        var stored = (await site.Services.GetRequiredService<IContentService>().GetAsync(gallery.Session, CancellationToken.None))!.CurrentVersion.Data.GetValue("gallery", null);
        var picks = EditorValues.MediaPicks(stored);
        Assert.Equal(new MediaPickCrop("thumbnail", 480, 360, null), Assert.Single(picks[0].Crops));
        Assert.Equal(new MediaPickCrop("thumbnail", 480, 360, new CropCoordinates(0, 0.1, 0, 0.2)), Assert.Single(picks[1].Crops));
        Assert.Empty(picks[2].Crops);
        Assert.Equal(new Site.Core.Media.FocalPoint(0.25, 0.5), picks[0].FocalPoint); // the rest of the pick stays

        // Coordinates that are not four fractions, or leave nothing between two edges, are refused; nothing is saved.
        (_, page) = await browser.GetAsync($"/umbraco/content/{gallery.Session}");
        Assert.Equal("0,0.1,0,0.2", page.QuerySelectorAll("input[name='v.gallery.crop.thumbnail']")[1].GetAttribute("value"));
        foreach (var bad in new[] { "0.1,0.2", "a,b,c,d", "0.6,0,0.6,0" })
        {
            using var refused = await PostAsync(bad, string.Empty);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(stored, (await site.Services.GetRequiredService<IContentService>().GetAsync(gallery.Session, CancellationToken.None))!.CurrentVersion.Data.GetValue("gallery", null));
    }

    [Fact]
    public async Task A_row_naming_an_unknown_item_is_refused_with_the_fields_message()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var session = site.Services.GetRequiredService<Site.Core.Publishing.IPublishedSnapshotAccessor>().Current.GetByRoute(SessionGallery.EnglishUrl)!.Key;
        var (_, page) = await browser.GetAsync($"/umbraco/content/{session}");
        var fields = Fields(page).Where(f => f.Key != "v.gallery").Append(new("v.gallery", Guid.NewGuid().ToString())).ToList();

        using var response = await browser.Http.PostAsync(new Uri($"/umbraco/content/{session}", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.True(document.QuerySelectorAll(".field-error").Any(e => e.TextContent.Contains("图集", StringComparison.Ordinal) || e.TextContent.Contains("Gallery", StringComparison.Ordinal)), document.QuerySelector("main")?.TextContent);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return $"{response.StatusCode}: {document.QuerySelector(".error-summary")?.TextContent}";
    }

    /// <summary>Every field of the edit form as a browser sends it, a name as often as it occurs.</summary>
    private static List<KeyValuePair<string, string>> Fields(IDocument page)
    {
        var form = page.QuerySelector("form.content-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input is IHtmlInputElement { Type: "checkbox", IsChecked: false } || input.HasAttribute("disabled"))
            {
                continue;
            }

            fields.Add(new(name, input switch
            {
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => input.GetAttribute("value") ?? "",
            }));
        }

        return fields; // the form carries its own antiforgery field
    }
}
