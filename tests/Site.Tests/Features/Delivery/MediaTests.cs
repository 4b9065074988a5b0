using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>The media endpoints serve the media library with the contract's shapes: url, size, bytes, focal point and crops.</summary>
public sealed class MediaTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    private async Task<MediaItem> UploadImageAsync(string name)
    {
        using var image = Image.Black(1200, 600, bands: 3);
        var result = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(image.JpegsaveBuffer()), name, new Dictionary<string, string> { ["zh-CN"] = "会场", ["en-US"] = "Venue" },
            new FocalPoint(0.25, 0.5), Editor, CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.Item!;
    }

    [Fact]
    public async Task An_uploaded_image_is_served_with_url_size_bytes_focal_point_and_crops()
    {
        var name = $"hall-{Guid.NewGuid():N}.jpg";
        var item = await UploadImageAsync(name);

        var byId = await site.GetAsync($"media/item/{item.Key}");
        Assert.Equal(HttpStatusCode.OK, byId.Status);
        var json = byId.Json;
        Assert.Equal(item.Url, json.GetProperty("url").GetString());
        Assert.Equal("Image", json.GetProperty("mediaType").GetString());
        Assert.Equal("jpg", json.GetProperty("extension").GetString());
        Assert.Equal(1200, json.GetProperty("width").GetInt32());
        Assert.Equal(600, json.GetProperty("height").GetInt32());
        Assert.Equal(item.Bytes, json.GetProperty("bytes").GetInt64());
        Assert.Equal(0.25, json.GetProperty("focalPoint").GetProperty("left").GetDouble());
        var card = json.GetProperty("crops").EnumerateArray().Single(c => c.GetProperty("alias").GetString() == "square");
        Assert.Equal(480, card.GetProperty("width").GetInt32());
        // A square from a 2:1 image keeps half the width, centred on the focal point at a quarter: nothing cut on the left.
        Assert.Equal(0, card.GetProperty("coordinates").GetProperty("x1").GetDouble());
        Assert.Equal(0.5, card.GetProperty("coordinates").GetProperty("x2").GetDouble());
        Assert.Equal("Venue", json.GetProperty("properties").GetProperty("altText").GetProperty("en-US").GetString());

        var path = json.GetProperty("path").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync("media/item" + path)).Status);
        var list = await site.GetAsync("media?fetch=children:/&take=1000");
        Assert.Contains(item.Key.ToString(), list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var items = await site.GetAsync($"media/items?id={item.Key}&id={Guid.NewGuid()}");
        Assert.Single(items.Json.EnumerateArray());

        // The crop is served as the coordinates say.
        using var client = site.CreateBrowserClient();
        var rendition = await client.GetAsync(new Uri(item.Url.Replace("/" + item.FileName, "/480x480/" + item.FileName, StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
    }

    [Fact]
    public async Task A_deleted_item_is_gone_from_the_api_at_once()
    {
        var item = await UploadImageAsync($"gone-{Guid.NewGuid():N}.jpg");
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync($"media/item/{item.Key}")).Status);

        Assert.True((await site.Services.GetRequiredService<IMediaService>().DeleteAsync(item.Key, Editor, CancellationToken.None)).Succeeded);

        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"media/item/{item.Key}")).Status);
    }

    [Fact]
    public async Task Unknown_items_are_not_found_and_folders_that_do_not_exist_are_empty()
    {
        var byId = await site.GetAsync($"media/item/{Guid.NewGuid()}");
        var byPath = await site.GetAsync("media/item/photos/no-such-file.jpg");
        var items = await site.GetAsync($"media/items?id={Guid.NewGuid()}");
        var folder = await site.GetAsync("media?fetch=children:66a338ba-0000-0000-0000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, byId.Status);
        Assert.Equal(HttpStatusCode.NotFound, byPath.Status);
        Assert.Equal(HttpStatusCode.OK, items.Status);
        Assert.Empty(items.Json.EnumerateArray());
        Assert.Equal(0, folder.Json.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("media?fetch=descendants:/", "fetch")]
    [InlineData("media?fetch=children:/&filter=contentType:page", "filter")]
    [InlineData("media?fetch=children:/&sort=level:asc", "sort")]
    [InlineData("media?fetch=children:/&take=-3", "take")]
    [InlineData("media?fetch=children:/&expand=properties[", "expand")]
    [InlineData("media/items?id=nope", "id")]
    public async Task Malformed_media_queries_are_a_400_problem_naming_the_bad_part(string path, string parameter)
    {
        var response = await site.GetAsync(path);

        response.AssertBadRequest(parameter);
    }

    [Theory]
    [InlineData("media")]
    [InlineData("media?take=10")]
    [InlineData("media?fetch=%20")]
    [InlineData("media?filter=mediaType:Image")]
    public async Task A_media_query_without_fetch_is_a_400_problem_as_in_umbraco(string path)
    {
        var response = await site.GetAsync(path);

        response.AssertBadRequest("fetch");
        Assert.StartsWith("The attempted 'fetch' option does not exist", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
