using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>HEAD answers every GET route with the GET's status and headers and no body; a wrong method names HEAD in Allow.</summary>
// GET and HEAD of a page must see the same snapshot: a publish between them changes the ETag.
[Collection(ContentChangeTests.ContentChanges)]
public sealed class HeadRequestTests(SiteFactory site)
{
    public static TheoryData<string> Routes =>
    [
        "/en/", "/zh/", "/en/sessions", "/zh/sessions", "/en/news", "/sitemap.xml", "/en/feed.xml", "/zh/feed.xml", "/robots.txt",
        "/umbraco/delivery/api/v2/content?take=2", "/umbraco/delivery/api/v2/content/item/sessions", "/api/search?q=forum&culture=en-US",
        "/en/search?q=forum", "/css/site.css", "/healthz", "/en/no-such-page", "/",
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        configure?.Invoke(request);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Head_answers_with_the_gets_status_and_headers_and_no_body(string path)
    {
        using var client = site.CreateBrowserClient("en-US");
        var get = await SendAsync(client, HttpMethod.Get, path);
        var head = await SendAsync(client, HttpMethod.Head, path);
        var getBody = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.ETag?.ToString(), head.Headers.ETag?.ToString());
        Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength ?? 0);
    }

    [Fact]
    public async Task Head_of_media_originals_and_renditions_measures_them_without_a_body()
    {
        using var image = Image.Black(800, 500, bands: 3);
        var upload = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(image.JpegsaveBuffer()), "head.jpg", new Dictionary<string, string> { ["zh-CN"] = "图", ["en-US"] = "Picture" }, null,
            new BackOfficeUser("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors }), CancellationToken.None);
        var item = upload.Item!;
        using var client = site.CreateBrowserClient();

        foreach (var path in new[] { item.Url, item.Url.Replace("/head.jpg", "/w320/head.jpg", StringComparison.Ordinal) })
        {
            var get = await SendAsync(client, HttpMethod.Get, path);
            var head = await SendAsync(client, HttpMethod.Head, path);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("image/jpeg", head.Content.Headers.ContentType?.MediaType);
            Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());

            // A browser that has the file asks again with its validators: 304, without a body, for GET and HEAD alike.
            var tag = get.Headers.ETag;
            Assert.NotNull(tag);
            Assert.NotNull(get.Content.Headers.LastModified);
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                var again = await SendAsync(client, method, path, r => r.Headers.IfNoneMatch.Add(tag!));
                Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
                Assert.Empty(await again.Content.ReadAsByteArrayAsync());
                var since = await SendAsync(client, method, path, r => r.Headers.IfModifiedSince = get.Content.Headers.LastModified);
                Assert.Equal(HttpStatusCode.NotModified, since.StatusCode);
            }
        }
    }

    [Theory]
    [InlineData("/en/sessions")]
    [InlineData("/umbraco/delivery/api/v2/content?take=2")]
    public async Task A_conditional_head_is_not_modified(string path)
    {
        using var client = site.CreateBrowserClient("en-US");
        var first = await SendAsync(client, HttpMethod.Get, path);
        Assert.NotNull(first.Headers.ETag);

        var head = await SendAsync(client, HttpMethod.Head, path, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/en/sessions")]
    [InlineData("/sitemap.xml")]
    [InlineData("/umbraco/delivery/api/v2/content")]
    public async Task A_wrong_method_is_405_with_get_and_head_allowed(string path)
    {
        using var client = site.CreateBrowserClient("en-US");
        var response = await SendAsync(client, HttpMethod.Delete, path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }
}
