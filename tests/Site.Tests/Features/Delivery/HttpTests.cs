using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>ETag, Last-Modified and 304s; Cache-Control; the output cache dropped on publish; CORS; rate limiting.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class HttpTests(SiteFactory site)
{
    private const string Item = "content/item/sessions/13th-forum-2017";

    [Fact]
    public async Task Responses_carry_an_etag_and_last_modified_and_a_matching_request_gets_a_304()
    {
        var first = await site.GetAsync(Item, DeliveryApi.English);
        var etag = first.Header("ETag")!;
        var lastModified = first.Header("Last-Modified")!;

        var byEtag = await site.GetAsync(Item, DeliveryApi.English, ("If-None-Match", etag));
        var byEtagList = await site.GetAsync(Item, DeliveryApi.English, ("If-None-Match", "\"other\", " + etag));
        var byDate = await site.GetAsync(Item, DeliveryApi.English, ("If-Modified-Since", lastModified));
        var otherCulture = await site.GetAsync(Item, DeliveryApi.Chinese, ("If-None-Match", etag));
        var stale = await site.GetAsync(Item, DeliveryApi.English, ("If-None-Match", "\"stale\""));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Matches("^\"[A-Za-z0-9_-]+\"$", etag);
        Assert.Equal("public, no-cache", first.Header("Cache-Control"));
        Assert.Contains("Accept-Language", first.Header("Vary"), StringComparison.Ordinal);
        Assert.Equal("application/json", first.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, byEtag.Status);
        Assert.Empty(byEtag.Body);
        Assert.Equal(HttpStatusCode.NotModified, byEtagList.Status);
        Assert.Equal(HttpStatusCode.NotModified, byDate.Status);
        Assert.Equal(HttpStatusCode.OK, otherCulture.Status);
        Assert.NotEqual(etag, otherCulture.Header("ETag"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Equal(etag, stale.Header("ETag"));
    }

    [Fact]
    public async Task A_publish_is_visible_at_once_even_where_responses_were_cached()
    {
        var before = await site.GetAsync("content?fetch=children:/news&take=1000", DeliveryApi.English);
        var etag = before.Header("ETag")!;
        var slug = "api-visible-" + Guid.NewGuid().ToString("N")[..8];

        await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("接口新闻", "正文"),
            ["en-US"] = ("API article", "Body"),
        });

        var after = await site.GetAsync("content?fetch=children:/news&take=1000", DeliveryApi.English, ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains($"/en/news/{slug}/", after.Paths);
        Assert.NotEqual(etag, after.Header("ETag"));
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        var response = await site.GetAsync("content?sort=sideways", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task An_allowed_origin_gets_cors_headers_and_a_preflight_answer_and_others_do_not()
    {
        using var client = site.CreateBrowserClient();
        var allowed = await client.GetDeliveryAsync(Item, ("Origin", SiteFactory.DeliveryCorsOrigin));
        var again = await client.GetDeliveryAsync(Item, ("Origin", SiteFactory.DeliveryCorsOrigin)); // from the output cache
        var other = await client.GetDeliveryAsync(Item, ("Origin", "https://evil.example"));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(DeliveryApi.Root + "/" + Item, UriKind.Relative));
        preflight.Headers.Add("Origin", SiteFactory.DeliveryCorsOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "accept-language,api-key,preview");
        var preflightResponse = await client.SendAsync(preflight);

        Assert.Equal(SiteFactory.DeliveryCorsOrigin, allowed.Header("Access-Control-Allow-Origin"));
        Assert.Equal(SiteFactory.DeliveryCorsOrigin, again.Header("Access-Control-Allow-Origin"));
        Assert.Contains("ETag", allowed.Header("Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(other.Header("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Contains(SiteFactory.DeliveryCorsOrigin, preflightResponse.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_client_over_its_rate_is_refused_with_a_429_problem_and_retry_after_while_key_holders_are_not()
    {
        // A client address of its own, so that no other test shares its bucket.
        var address = IPAddress.Parse("198.51.100." + Random.Shared.Next(1, 254).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Task<Microsoft.AspNetCore.Http.HttpContext> Send(bool withKey) => site.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = DeliveryApi.Root + "/media/items";
            c.Connection.RemoteIpAddress = address;
            if (withKey)
            {
                c.Request.Headers["Api-Key"] = SiteFactory.DeliveryApiKey;
            }
        });

        Microsoft.AspNetCore.Http.HttpContext? refused = null;
        for (var i = 0; i < 5000 && refused is null; i++)
        {
            var context = await Send(withKey: false);
            refused = context.Response.StatusCode == 429 ? context : null;
        }

        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Response.ContentType?.Split(';')[0]);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(200, (await Send(withKey: true)).Response.StatusCode);
    }
}
