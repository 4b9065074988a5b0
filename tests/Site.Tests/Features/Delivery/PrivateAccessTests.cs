using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Tests.Features.Delivery;

/// <summary>
/// On the private host: the API key gate, the member seam (members see what their groups allow, others get 401 or 403),
/// and the opt-in settings it turns on (Umbraco's behaviours are the defaults).
/// </summary>
public sealed class PrivateAccessTests(PrivateDeliveryApiFactory site) : IClassFixture<PrivateDeliveryApiFactory>
{
    [Theory]
    [InlineData("content?fetch=children:/sessions")]
    [InlineData("content/item/sessions/13th-forum-2017")]
    [InlineData("content/items?id=66a338ba-0000-0000-0000-000000000000")]
    [InlineData("media?fetch=children:/")]
    [InlineData("media/item/66a338ba-0000-0000-0000-000000000000")]
    [InlineData("media/items?id=66a338ba-0000-0000-0000-000000000000")]
    public async Task Without_the_key_every_endpoint_is_a_401_and_with_it_the_content(string path)
    {
        using var client = site.CreateClient();
        var anonymous = await client.GetDeliveryAsync(path);
        var wrong = await client.GetDeliveryAsync(path, ("Api-Key", "wrong-key-wrong-key-wrong-key"));
        var keyed = await client.GetDeliveryAsync(path, DeliveryApi.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("application/problem+json", anonymous.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.NotEqual(HttpStatusCode.Unauthorized, keyed.Status);
        if (keyed.Status == HttpStatusCode.OK)
        {
            Assert.Contains("private", keyed.Header("Cache-Control"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cached_response_is_not_served_to_a_caller_without_the_key()
    {
        using var client = site.CreateClient();
        var keyed = await client.GetDeliveryAsync("content/item/sessions/13th-forum-2017", DeliveryApi.Key);
        var again = await client.GetDeliveryAsync("content/item/sessions/13th-forum-2017");

        Assert.Equal(HttpStatusCode.OK, keyed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
    }

    [Fact]
    public async Task Members_see_protected_content_their_groups_allow_and_no_one_else_does()
    {
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var session = snapshot.GetByRoute("/en/sessions/20th-forum-2025")!;
        var access = site.Services.GetRequiredService<IPublicAccessService>();
        Assert.True(await access.ProtectAsync(new PublicAccessRule(session.Key, ["Partner schools"]), "test", CancellationToken.None));

        using var client = site.CreateClient();
        var member = ("Authorization", "Bearer member:Partner schools");
        var otherMember = ("Authorization", "Bearer member:Press");
        const string News = "content/item/news/20th-forum-suzhou-2025?expand=properties[relatedSession]";

        var allowed = await client.GetDeliveryAsync($"content/item/{session.Key}", DeliveryApi.Key, DeliveryApi.English, member);
        var anonymous = await client.GetDeliveryAsync($"content/item/{session.Key}", DeliveryApi.Key, DeliveryApi.English);
        var forbidden = await client.GetDeliveryAsync($"content/item/{session.Key}", DeliveryApi.Key, DeliveryApi.English, otherMember);
        var memberNews = await client.GetDeliveryAsync(News, DeliveryApi.Key, DeliveryApi.English, member);
        var anonymousNews = await client.GetDeliveryAsync(News, DeliveryApi.Key, DeliveryApi.English);
        var memberList = await client.GetDeliveryAsync("content?fetch=children:/sessions&take=100", DeliveryApi.Key, DeliveryApi.English, member);
        var anonymousList = await client.GetDeliveryAsync("content?fetch=children:/sessions&take=100", DeliveryApi.Key, DeliveryApi.English);

        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Contains("private", allowed.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal("application/problem+json", forbidden.ContentType?.MediaType);
        Assert.Equal(2025, memberNews.Json.GetProperty("properties").GetProperty("relatedSession").GetProperty("properties").GetProperty("year").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymousNews.Json.GetProperty("properties").GetProperty("relatedSession").ValueKind);
        Assert.Equal(20, memberList.Json.GetProperty("total").GetInt64());
        Assert.Equal(19, anonymousList.Json.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AddTrailingSlash_off_writes_route_paths_without_it_and_lookups_still_take_either_form()
    {
        using var client = site.CreateClient();
        var without = await client.GetDeliveryAsync("content/item/sessions/13th-forum-2017", DeliveryApi.Key, DeliveryApi.English);
        var with = await client.GetDeliveryAsync("content/item/sessions/13th-forum-2017/", DeliveryApi.Key, DeliveryApi.English);
        var root = await client.GetDeliveryAsync("content/item/", DeliveryApi.Key, DeliveryApi.English);

        Assert.Equal("/en/sessions/13th-forum-2017", without.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal("/en/sessions/13th-forum-2017", without.Json.GetProperty("cultures").GetProperty("en-us").GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.OK, with.Status);
        Assert.Equal(without.Json.GetProperty("id").GetGuid(), with.Json.GetProperty("id").GetGuid());
        Assert.Equal("/en/", root.Json.GetProperty("route").GetProperty("path").GetString());
    }

    [Fact]
    public async Task UnknownCultureAsDefault_answers_a_culture_the_site_does_not_have_in_the_default_language()
    {
        using var client = site.CreateClient();
        var item = await client.GetDeliveryAsync("content/item/sessions/13th-forum-2017", DeliveryApi.Key, ("Accept-Language", "fr-fr"));
        var query = await client.GetDeliveryAsync("content?fetch=children:/sessions&take=1", DeliveryApi.Key, ("Accept-Language", "fr-fr"));

        Assert.Equal(HttpStatusCode.OK, item.Status);
        Assert.Equal("第十三届 (2017)", item.Json.GetProperty("name").GetString());
        Assert.Equal("zh-CN", item.Header("Content-Language"));
        Assert.True(query.Json.GetProperty("total").GetInt64() > 0);
        Assert.Equal("zh-CN", query.Header("Content-Language"));
    }
}
