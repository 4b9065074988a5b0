using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>An article's picked image is on its page: responsive, sized, with alt text in the page's language.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ArticleImageTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task A_picked_image_shows_with_srcset_size_and_alt_in_each_language_and_goes_when_deleted()
    {
        using var picture = Image.Black(1400, 700, bands: 3);
        var media = site.Services.GetRequiredService<IMediaService>();
        var uploaded = await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), "forum-hall.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "论坛会场", ["en-US"] = "The forum's hall" }, null, Editor, CancellationToken.None);
        Assert.True(uploaded.Succeeded);
        var slug = "with-image-" + Guid.NewGuid().ToString("N")[..8];
        var newsIndex = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;
        var key = Guid.NewGuid();
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = "配图新闻 " + slug, ["en-US"] = "Article with an image " + slug },
            [
                new PropertyValue("publishDate", null, "2026-02-02"),
                new PropertyValue("image", null, $"[{{\"key\":\"{Guid.NewGuid()}\",\"mediaKey\":\"{uploaded.Item!.Key}\"}}]"),
                new PropertyValue("title", "zh-CN", "配图新闻"),
                new PropertyValue("title", "en-US", "Article with an image"),
                new PropertyValue("bodyText", "zh-CN", "正文"),
                new PropertyValue("bodyText", "en-US", "Body"),
                new PropertyValue("umbracoUrlName", "zh-CN", slug),
                new PropertyValue("umbracoUrlName", "en-US", slug),
            ]);
        Assert.True((await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, newsIndex, "newsArticle", data), "test", CancellationToken.None)).Succeeded);
        Assert.True((await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, ["zh-CN", "en-US"], "test", CancellationToken.None)).Succeeded);

        var (_, english) = await site.GetPageAsync($"/en/news/{slug}");
        var img = english.QuerySelector("main .article-image img")!;
        Assert.Equal("The forum's hall", img.GetAttribute("alt"));
        Assert.Equal("1400", img.GetAttribute("width"));
        Assert.Equal("700", img.GetAttribute("height"));
        Assert.Contains("/w640/forum-hall.jpg 640w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.EndsWith("1400w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        // The cover is at the top: fetched at once and first, decoded off the main thread.
        Assert.Equal(("high", null, "async"), (img.GetAttribute("fetchpriority"), img.GetAttribute("loading"), img.GetAttribute("decoding")));
        using var client = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative))).StatusCode);
        // The cover is the page's share image.
        Assert.EndsWith(img.GetAttribute("src")!, english.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.StartsWith(SiteFactory.PublicOrigin + "/media/", english.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("The forum's hall", english.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        var (_, chinese) = await site.GetPageAsync($"/zh/news/{slug}");
        Assert.Equal("论坛会场", chinese.QuerySelector("main .article-image img")!.GetAttribute("alt"));

        Assert.True((await media.DeleteAsync(uploaded.Item.Key, Editor, CancellationToken.None)).Succeeded);
        var (_, after) = await site.GetPageAsync($"/en/news/{slug}");
        Assert.Null(after.QuerySelector("main .article-image"));
    }

    [Theory]
    [InlineData("session", "/en/sessions/13th-forum-2017")]
    [InlineData("partnerStory", null)]
    public async Task Sessions_and_partner_stories_show_their_cover_and_share_it(string type, string? path)
    {
        using var picture = Image.Black(1200, 800, bands: 3);
        var media = site.Services.GetRequiredService<IMediaService>();
        var uploaded = await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), "cover.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "会场外景", ["en-US"] = "Outside the venue" }, null, Editor, CancellationToken.None);
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var node = path is null ? snapshot.OfType(type).First() : snapshot.GetByRoute(path)!;
        var url = node.Url("en-US")!;
        var content = site.Services.GetRequiredService<IContentService>();
        var publishing = site.Services.GetRequiredService<IPublishingService>();
        var before = (await content.GetAsync(node.Key, CancellationToken.None))!;
        var cultures = before.PublishedCultures.Select(p => p.Culture).ToList();
        var withCover = before.CurrentVersion.Data with
        {
            Values = [.. before.CurrentVersion.Data.Values.Where(v => v.Alias != "image"), new PropertyValue("image", null, $"[{{\"key\":\"{Guid.NewGuid()}\",\"mediaKey\":\"{uploaded.Item!.Key}\"}}]")],
        };
        try
        {
            Assert.True((await content.SaveAsync(new ContentEdit(node.Key, before.ParentKey, type, withCover), "test", CancellationToken.None)).Succeeded);
            Assert.True((await publishing.PublishAsync(node.Key, cultures, "test", CancellationToken.None)).Succeeded);

            var (_, page) = await site.GetPageAsync(url);
            var img = page.QuerySelector("main article > figure.article-image img")!;
            Assert.Equal("Outside the venue", img.GetAttribute("alt"));
            Assert.Equal("1200", img.GetAttribute("width"));
            Assert.Equal("800", img.GetAttribute("height"));
            Assert.Contains("/w640/cover.jpg 640w", img.GetAttribute("srcset"), StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("meta[property='og:image']"));
        }
        finally
        {
            // Shared content: as it was.
            var now = (await content.GetAsync(node.Key, CancellationToken.None))!;
            await content.SaveAsync(new ContentEdit(node.Key, now.ParentKey, type, now.CurrentVersion.Data with { Values = [.. now.CurrentVersion.Data.Values.Where(v => v.Alias != "image")] }), "test", CancellationToken.None);
            await publishing.PublishAsync(node.Key, cultures, "test", CancellationToken.None);
        }

        var (_, after) = await site.GetPageAsync(url);
        Assert.Null(after.QuerySelector("main article > figure.article-image"));
        Assert.Null(after.QuerySelector("meta[property='og:image']"));
    }
}
