using System.Net;
using Site.Core.Content;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>Drafts only with Preview and the API key; nothing of a draft without both.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class PreviewAndKeyTests(SiteFactory site)
{
    [Fact]
    public async Task A_draft_is_served_only_with_preview_and_the_key()
    {
        var slug = "draft-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.SaveNewsDraftAsync(Guid.NewGuid(), slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("草稿新闻", "草稿正文"),
            ["en-US"] = ("Draft article", "Draft body"),
        });

        var published = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
        var previewWithoutKey = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Preview", "true"));
        var previewWrongKey = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Preview", "true"), ("Api-Key", "not-the-key-at-all-000000"));
        var previewFalse = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Preview", "false"), DeliveryApi.Key);
        var preview = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Preview", "true"), DeliveryApi.Key);
        var previewByPath = await site.GetAsync($"content/item/news/{slug}", DeliveryApi.Chinese, ("Preview", "true"), DeliveryApi.Key);
        var previewList = await site.GetAsync("content?fetch=children:/news&take=100", DeliveryApi.English, ("Preview", "true"), DeliveryApi.Key);
        var publicList = await site.GetAsync("content?fetch=children:/news&take=100", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.NotFound, published.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, previewWithoutKey.Status);
        Assert.Equal("application/problem+json", previewWithoutKey.ContentType?.MediaType);
        Assert.DoesNotContain("Draft", previewWithoutKey.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, previewWrongKey.Status);
        Assert.Equal(HttpStatusCode.NotFound, previewFalse.Status);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("Draft article", preview.Json.GetProperty("name").GetString());
        Assert.Equal("no-store", preview.Header("Cache-Control"));
        Assert.Equal("草稿新闻", previewByPath.Json.GetProperty("name").GetString());
        Assert.Contains("Draft article", previewList.Names);
        Assert.DoesNotContain("Draft article", publicList.Names);
    }

    [Fact]
    public async Task Preview_shows_the_latest_draft_of_published_content_while_the_public_sees_the_published_version()
    {
        var slug = "redraft-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("已发布", "正文"),
            ["en-US"] = ("Published title", "Body"),
        });
        var before = await site.GetAsync($"content/item/{key}", DeliveryApi.English, ("Preview", "true"), DeliveryApi.Key);
        await site.SaveNewsDraftAsync(key, slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("已发布", "正文"),
            ["en-US"] = ("Edited, not yet published", "Body"),
        }, new PropertyValue("relatedSession", null, ContentUdi.Create(site.Snapshot().GetByRoute("/en/sessions/13th-forum-2017")!.Key)));

        var visitors = await site.GetAsync($"content/item/{key}", DeliveryApi.English);
        var preview = await site.GetAsync($"content/item/{key}?expand=properties[relatedSession]", DeliveryApi.English, ("Preview", "true"), DeliveryApi.Key);

        Assert.Equal("Published title", before.Json.GetProperty("name").GetString());
        Assert.Equal("Published title", visitors.Json.GetProperty("name").GetString());
        Assert.Equal("Edited, not yet published", preview.Json.GetProperty("name").GetString());
        Assert.Equal(2017, preview.Json.GetProperty("properties").GetProperty("relatedSession").GetProperty("properties").GetProperty("year").GetInt32());
    }
}
