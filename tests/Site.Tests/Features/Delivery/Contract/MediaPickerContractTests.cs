using System.Net;
using System.Text.Json;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery.Contract;

/// <summary>
/// A media picker property in the Delivery API is Umbraco's list of ApiMediaWithCrops: the contract's media item
/// shape without path and dates, nothing more; the pick's focal point and crop coordinates win over the item's; the
/// data type's crops come first; fields selects the property like any other.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class MediaPickerContractTests(SiteFactory site)
{
    [Fact]
    public async Task A_gallery_is_a_list_of_media_with_crops_in_the_contracts_shape()
    {
        var contract = await DeliveryContract.LoadAsync();
        await using var gallery = await SessionGallery.CreateAsync(site);

        var response = await site.GetAsync($"content/item/{gallery.Session}", ("Accept-Language", "en-us"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var items = response.Json.GetProperty("properties").GetProperty("gallery").EnumerateArray().ToList();
        Assert.Equal(gallery.Photos.Select(p => p.Key.ToString()), items.Select(i => i.GetProperty("id").GetString()));
        var problems = items.SelectMany(i => contract.ValidateComponent("IApiMediaWithCropsResponseModel", i.GetRawText(), "path", "createDate", "updateDate")).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        var first = items[0];
        Assert.Equal(["id", "name", "mediaType", "url", "extension", "width", "height", "bytes", "properties", "focalPoint", "crops"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal((gallery.Photos[0].Url, "Image", "jpg", 1600, 900), (first.GetProperty("url").GetString(), first.GetProperty("mediaType").GetString(), first.GetProperty("extension").GetString(), first.GetProperty("width").GetInt32(), first.GetProperty("height").GetInt32()));
        // The data type allows a local focal point: the pick's (0.25) wins over the item's (0.8).
        Assert.Equal((0.25, 0.5), (first.GetProperty("focalPoint").GetProperty("left").GetDouble(), first.GetProperty("focalPoint").GetProperty("top").GetDouble()));
        var crops = first.GetProperty("crops").EnumerateArray().ToList();
        Assert.Equal(["thumbnail", "square", "card", "wide"], crops.Select(c => c.GetProperty("alias").GetString()));
        Assert.Equal((480, 360), (crops[0].GetProperty("width").GetInt32(), crops[0].GetProperty("height").GetInt32()));
        Assert.Equal((0.1, 0.05, 0.2, 0.1), Coordinates(crops[0]));
        // The square around the local focal point: 900 of 1600 wide, centred on 400, held at the left edge.
        Assert.Equal((0, 0, 0.4375, 0), Coordinates(crops[1]));

        var second = items[1];
        Assert.Equal((0.5, 0.2), (second.GetProperty("focalPoint").GetProperty("left").GetDouble(), second.GetProperty("focalPoint").GetProperty("top").GetDouble()));
        var thumbnail = second.GetProperty("crops")[0];
        Assert.Equal("thumbnail", thumbnail.GetProperty("alias").GetString());
        // 4:3 from 900 × 1200 keeps 675 rows of 1200, centred on 0.2 and held at the top.
        Assert.Equal((0, 0, 0, 0.4375), Coordinates(thumbnail));

        var selected = await site.GetAsync($"content/item/{gallery.Session}?fields=properties[gallery]");
        Assert.Equal(["gallery"], selected.Json.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, selected.Json.GetProperty("properties").GetProperty("gallery").GetArrayLength());
        var expanded = await site.GetAsync($"content/item/{gallery.Session}?expand=properties[$all]");
        Assert.Equal(first.GetRawText(), expanded.Json.GetProperty("properties").GetProperty("gallery")[0].GetRawText());
    }

    private static (double, double, double, double) Coordinates(JsonElement crop)
    {
        var c = crop.GetProperty("coordinates");
        return (c.GetProperty("x1").GetDouble(), c.GetProperty("y1").GetDouble(), c.GetProperty("x2").GetDouble(), c.GetProperty("y2").GetDouble());
    }
}
