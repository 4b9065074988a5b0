using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>
/// Accept-Language picks the culture; without it (or with a list naming none of the site's) the default; one culture
/// the site does not have finds nothing, as in Umbraco; cultures{} gives every culture's route; fallback is opt-in and marked.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class CultureTests(SiteFactory site)
{
    [Theory]
    [InlineData("en-us", "13th Forum (2017)", "/en/sessions/13th-forum-2017/", "en-US")]
    [InlineData("EN-US", "13th Forum (2017)", "/en/sessions/13th-forum-2017/", "en-US")]
    [InlineData("zh-cn", "第十三届 (2017)", "/zh/sessions/13th-forum-2017/", "zh-CN")]
    [InlineData("fr-FR,en;q=0.8", "13th Forum (2017)", "/en/sessions/13th-forum-2017/", "en-US")]
    [InlineData("fr-FR,fr;q=0.9", "第十三届 (2017)", "/zh/sessions/13th-forum-2017/", "zh-CN")]
    [InlineData(null, "第十三届 (2017)", "/zh/sessions/13th-forum-2017/", "zh-CN")]
    public async Task Accept_language_picks_the_culture_and_without_it_the_default_culture_answers(string? language, string name, string path, string contentLanguage)
    {
        var headers = language is null ? Array.Empty<(string, string)>() : [("Accept-Language", language)];
        var response = await site.GetAsync("content/item/sessions/13th-forum-2017", headers);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(name, response.Json.GetProperty("name").GetString());
        Assert.Equal(path, response.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(contentLanguage, response.Header("Content-Language"));
    }

    [Fact]
    public async Task Cultures_give_the_route_of_every_culture_and_values_follow_the_culture()
    {
        var zh = await site.GetAsync("content/item/sessions/13th-forum-2017", DeliveryApi.Chinese);
        var en = await site.GetAsync("content/item/sessions/13th-forum-2017", DeliveryApi.English);

        var cultures = zh.Json.GetProperty("cultures");
        Assert.Equal("/en/sessions/13th-forum-2017/", cultures.GetProperty("en-us").GetProperty("path").GetString());
        Assert.Equal("/zh/sessions/13th-forum-2017/", cultures.GetProperty("zh-cn").GetProperty("path").GetString());
        Assert.Contains("坦佩雷", zh.Body, StringComparison.Ordinal);
        Assert.Contains("Tampere", en.Body, StringComparison.Ordinal);
        Assert.Equal(2017, zh.Json.GetProperty("properties").GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_site_url_with_its_prefix_is_served_in_that_culture_whatever_the_header()
    {
        var response = await site.GetAsync("content/item/zh/sessions/13th-forum-2017", DeliveryApi.English);

        Assert.Equal("第十三届 (2017)", response.Json.GetProperty("name").GetString());
        Assert.Equal("zh-CN", response.Header("Content-Language"));
    }

    [Fact]
    public async Task The_root_path_is_the_home_page()
    {
        var response = await site.GetAsync("content/item/", DeliveryApi.English);
        var slash = await site.GetAsync("content/item/%2F", DeliveryApi.English);

        Assert.Equal("home", response.Json.GetProperty("contentType").GetString());
        Assert.Equal("/en/", response.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal("home", slash.Json.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Route_paths_end_in_a_slash_as_umbracos_and_lookups_by_path_take_either_form()
    {
        var root = await site.GetAsync("content/item/", DeliveryApi.Chinese);
        var without = await site.GetAsync("content/item/sessions/13th-forum-2017", DeliveryApi.English);
        var with = await site.GetAsync("content/item/sessions/13th-forum-2017/", DeliveryApi.English);
        var siteUrl = await site.GetAsync("content/item/en/sessions/13th-forum-2017/", DeliveryApi.Chinese);
        var fetched = await site.GetAsync("content?fetch=children:/sessions/&take=1", DeliveryApi.English);

        Assert.Equal("/zh/", root.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal("/en/sessions/13th-forum-2017/", without.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.OK, with.Status);
        Assert.Equal(without.Json.GetProperty("id").GetGuid(), with.Json.GetProperty("id").GetGuid());
        Assert.Equal("13th Forum (2017)", siteUrl.Json.GetProperty("name").GetString());
        Assert.Equal(["/en/sessions/1st-forum-2005/"], fetched.Paths);

        // A route.path as the API writes it leads back to its item.
        var back = await site.GetAsync("content/item" + without.Json.GetProperty("route").GetProperty("path").GetString(), DeliveryApi.Chinese);
        Assert.Equal(without.Json.GetProperty("id").GetGuid(), back.Json.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("fr-fr")]
    [InlineData("x-klingon")]
    public async Task One_culture_the_site_does_not_have_finds_no_item_as_in_umbraco(string culture)
    {
        var key = site.Snapshot().GetByRoute("/en/sessions/13th-forum-2017")!.Key;
        var byPath = await site.GetAsync("content/item/sessions/13th-forum-2017", ("Accept-Language", culture));
        var byId = await site.GetAsync($"content/item/{key}", ("Accept-Language", culture));
        var items = await site.GetAsync($"content/items?id={key}", ("Accept-Language", culture));
        var fallback = await site.GetAsync($"content/item/{key}", ("Accept-Language", culture), ("Language-Fallback", "default"));

        Assert.Equal(HttpStatusCode.NotFound, byPath.Status);
        Assert.Equal("application/problem+json", byPath.ContentType?.MediaType);
        Assert.Contains(culture, byPath.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byId.Status);
        Assert.Empty(items.Json.EnumerateArray());
        // The opted-in fallback still serves the default language, marked.
        Assert.Equal("第十三届 (2017)", fallback.Json.GetProperty("name").GetString());
        Assert.Equal("zh-CN", fallback.Json.GetProperty("fallbackCulture").GetString());
    }

    [Theory]
    [InlineData("content")]
    [InlineData("content?fetch=children:/sessions")]
    [InlineData("content?fetch=descendants:/&filter=contentType:session&sort=name:asc")]
    public async Task A_query_in_a_culture_the_site_does_not_have_finds_nothing_as_in_umbraco(string path)
    {
        var response = await site.GetAsync(path, ("Accept-Language", "fr-fr"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Json.GetProperty("total").GetInt64());
        Assert.Empty(response.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("fr-fr", response.Header("Content-Language"));
    }

    [Fact]
    public async Task Content_missing_in_a_culture_is_a_404_unless_the_client_opts_into_the_fallback_which_is_marked()
    {
        var slug = "zh-only-api-" + Guid.NewGuid().ToString("N")[..8];
        var title = "只有中文 " + slug;
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = (title, "中文正文") });

        var missing = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
        var missingByPath = await site.GetAsync($"content/item/news/{slug}", DeliveryApi.English);
        var fallback = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Language-Fallback", "default"));
        var fallbackByPath = await site.GetAsync($"content/item/news/{slug}", DeliveryApi.English, ("Language-Fallback", "default"));
        var listed = await site.GetAsync($"content?fetch=children:/news&filter=name:{slug}&take=100", DeliveryApi.English, ("Language-Fallback", "default"));
        var notListed = await site.GetAsync($"content?fetch=children:/news&take=100", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, missingByPath.Status);
        Assert.Equal(HttpStatusCode.OK, fallback.Status);
        Assert.Equal(title, fallback.Json.GetProperty("name").GetString());
        Assert.Equal("zh-CN", fallback.Json.GetProperty("fallbackCulture").GetString());
        Assert.Equal("zh-CN", fallback.Header("Content-Language"));
        Assert.Equal($"/zh/news/{slug}/", fallbackByPath.Json.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal("zh-CN", Assert.Single(listed.Json.GetProperty("items").EnumerateArray()).GetProperty("fallbackCulture").GetString());
        Assert.DoesNotContain(slug, notListed.Body, StringComparison.Ordinal);

        var served = await site.GetAsync($"content/item/{key}", DeliveryApi.Chinese, ("Language-Fallback", "default"));
        Assert.False(served.Json.TryGetProperty("fallbackCulture", out _));
    }

    [Fact]
    public async Task Values_have_the_shapes_of_their_editors()
    {
        var session = await site.GetAsync("content/item/sessions/13th-forum-2017", DeliveryApi.English);
        var news = await site.GetAsync("content/item/news/20th-forum-suzhou-2025", DeliveryApi.English);

        var properties = session.Json.GetProperty("properties");
        Assert.Equal(System.Text.Json.JsonValueKind.Number, properties.GetProperty("sessionNumber").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, properties.GetProperty("tags").ValueKind);
        var link = properties.GetProperty("sources").EnumerateArray().First();
        Assert.StartsWith("http", link.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("External", link.GetProperty("linkType").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T00:00:00$", news.Json.GetProperty("properties").GetProperty("publishDate").GetString());
        // No media library yet: a media picker resolves to nothing.
        Assert.Equal(System.Text.Json.JsonValueKind.Array, news.Json.GetProperty("properties").GetProperty("image").ValueKind);
        Assert.Empty(news.Json.GetProperty("properties").GetProperty("image").EnumerateArray());
    }
}
