using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>Content protected for members is not shown, listed, mapped or syndicated to anonymous visitors.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class PublicAccessTests(SiteFactory site)
{
    private IPublicAccessService Access => site.Services.GetRequiredService<IPublicAccessService>();

    private async Task<(Guid Key, string Slug)> PublishArticleAsync()
    {
        var slug = "members-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("会员专享新闻", "会员正文"),
            ["en-US"] = ("Members-only article", "Members-only body"),
        }, publishDate: "2098-06-01");
        return (key, slug);
    }

    [Fact]
    public async Task A_protected_page_is_refused_in_the_visitors_language_and_kept_out_of_every_list()
    {
        var (key, slug) = await PublishArticleAsync();
        Assert.True(await Access.ProtectAsync(new PublicAccessRule(key, ["Partner schools"]), "test", CancellationToken.None));
        try
        {
            foreach (var (culture, prefix, title) in new[] { ("en-US", "en", "Members only"), ("zh-CN", "zh", "仅限会员") })
            {
                var (response, document) = await site.GetPageAsync($"/{prefix}/news/{slug}");
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
                Assert.Equal(title, document.QuerySelector("h1")?.TextContent);
                Assert.DoesNotContain("body", document.QuerySelector("main")!.TextContent.Replace("会员正文", "body", StringComparison.Ordinal), StringComparison.Ordinal);
            }

            using var client = site.CreateBrowserClient();
            foreach (var path in new[] { "/en/news", "/zh/news", "/en/", "/en/feed.xml", "/zh/feed.xml", "/sitemap.xml" })
            {
                Assert.DoesNotContain(slug, await client.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
            }
        }
        finally
        {
            await Access.UnprotectAsync(key, "test", CancellationToken.None);
        }

        var (after, _) = await site.GetPageAsync($"/en/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Protection_covers_descendants_and_sends_visitors_to_the_rules_login_page()
    {
        var snapshot = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;
        var partners = snapshot.GetByRoute("/en/partners")!;
        var sources = snapshot.GetByRoute("/en/sources")!;
        Assert.True(await Access.ProtectAsync(new PublicAccessRule(partners.Key, [], LoginNodeKey: sources.Key), "test", CancellationToken.None));
        try
        {
            using var client = site.CreateBrowserClient();
            var story = await client.GetAsync(new Uri("/en/partners/wuxi-bycirklen", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Redirect, story.StatusCode);
            Assert.Equal("/en/sources?returnUrl=%2Fen%2Fpartners%2Fwuxi-bycirklen", story.Headers.Location?.OriginalString);
            var (_, home) = await site.GetPageAsync("/en/");
            Assert.DoesNotContain(home.QuerySelectorAll("nav.main-nav a"), a => a.GetAttribute("href") == "/en/partners");
        }
        finally
        {
            await Access.UnprotectAsync(partners.Key, "test", CancellationToken.None);
        }
    }
}
