using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Media;

public sealed class MediaEndpointTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    private async Task<MediaItem> UploadAsync()
    {
        using var image = Image.Black(1000, 600, bands: 3);
        var bytes = image.JpegsaveBuffer();
        var result = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(bytes), "venue.jpg", new Dictionary<string, string> { ["zh-CN"] = "会场", ["en-US"] = "Venue" }, null, Editor, CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.Item!;
    }

    [Fact]
    public async Task Originals_and_renditions_are_served_with_their_type_and_cached_for_a_year()
    {
        var item = await UploadAsync();
        using var client = site.CreateBrowserClient();

        var original = await client.GetAsync(new Uri(item.Url, UriKind.Relative));
        var rendition = await client.GetAsync(new Uri(item.Url.Replace("/venue.jpg", "/w320/venue.jpg", StringComparison.Ordinal), UriKind.Relative));
        var crop = await client.GetAsync(new Uri(item.Url.Replace("/venue.jpg", "/160x160/venue.jpg", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), original.Headers.CacheControl?.MaxAge);
        Assert.Equal(item.Bytes, (await original.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
        using (var image = Image.NewFromBuffer(await rendition.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(320, image.Width);
        }

        Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
    }

    [Theory]
    [InlineData("/w333/")]
    [InlineData("/99999x99999/")]
    [InlineData("/wide/")]
    [InlineData("/480x360-101-5/")]
    [InlineData("/480x360-5/")]
    [InlineData("/w480-5-5/")]
    public async Task Sizes_not_offered_are_not_found(string size)
    {
        var item = await UploadAsync();
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(item.Url.Replace("/venue.jpg", size + "venue.jpg", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_hash_or_key_is_not_found()
    {
        var item = await UploadAsync();
        using var client = site.CreateBrowserClient();

        var wrongHash = await client.GetAsync(new Uri($"/media/{item.Key:N}/000000000000/venue.jpg", UriKind.Relative));
        var wrongKey = await client.GetAsync(new Uri($"/media/{Guid.NewGuid():N}/{item.Hash[..12]}/venue.jpg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, wrongHash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
    }

    [Theory]
    [InlineData("?width=300", "/w320/")]
    [InlineData("?width=300&height=200", "/480x320/")]
    [InlineData("?width=300&height=200&rmode=crop&rxy=0.25,0.5&format=webp&quality=80", "/480x320-25-50/")]
    [InlineData("?width=400&height=400&mode=crop", "/480x480/")]
    [InlineData("?width=800&height=600&rmode=max", "/w800/")]
    [InlineData("?height=300", "/w640/")]
    [InlineData("?width=5000", "/w800/")]
    public async Task Umbracos_imagesharp_sizes_go_to_the_nearest_rendition_offered(string query, string size)
    {
        var item = await UploadAsync();
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(item.Url + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(item.Url.Replace("/venue.jpg", size + "venue.jpg", StringComparison.Ordinal), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_imagesharp_crop_is_an_image_of_the_offered_shape()
    {
        var item = await UploadAsync();
        using var client = site.CreateClient(); // follows the redirect, as a browser does

        var response = await client.GetAsync(new Uri(item.Url + "?width=300&height=200&rxy=0.9,0.1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((480, 320), (image.Width, image.Height)); // 3:2, and 320 wide would not be whole pixels high
    }

    [Theory]
    [InlineData("?width=abc")]
    [InlineData("?width=-5&height=0")]
    [InlineData("?format=webp")]
    [InlineData("?v=12345")]
    public async Task Queries_that_ask_for_no_size_get_the_original(string query)
    {
        var item = await UploadAsync();
        using var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(item.Url + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(item.Bytes, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
