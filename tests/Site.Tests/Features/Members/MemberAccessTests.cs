using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>Public-access rules with real members: groups from the sign-in, and no member's page ever cached for anyone else.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class MemberAccessTests(SiteFactory site)
{
    [Fact]
    public async Task A_group_rule_lets_in_its_members_only_and_no_cache_crosses_between_visitors()
    {
        var slug = "partners-only-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("合作学校专享", "合作学校正文"),
            ["en-US"] = ("For partner schools", "Partner schools body"),
        }, publishDate: "2099-12-31");
        var access = site.Services.GetRequiredService<IPublicAccessService>();
        Assert.True(await access.ProtectAsync(new PublicAccessRule(key, ["Partner schools"]), "test", CancellationToken.None));
        try
        {
            using var outsider = new MemberClient(site);
            await outsider.RegisterAndLogInAsync("en", "Outsider");
            using var registering = new MemberClient(site);
            var partnerEmail = await registering.RegisterAndLogInAsync("en", "Partner");
            using var anonymous = new MemberClient(site);

            // Members see the protected page once their group is assigned (and they sign in again).
            await using (var scope = site.Services.CreateAsyncScope())
            {
                var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
                var id = (await admin.SearchAsync(new MemberSearch(partnerEmail), CancellationToken.None)).Members.Single().Id;
                Assert.True((await admin.AddToGroupAsync(id, "Partner schools", "editor", CancellationToken.None)).Succeeded);
            }

            using var partner = new MemberClient(site);
            await partner.LogInAsync("en", partnerEmail, MemberClient.Password);

            // The anonymous list is cached first; a member must not get it, and the anonymous must not get the member's.
            Assert.DoesNotContain(slug, await anonymous.Http.GetStringAsync(new Uri("/en/news", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Contains(slug, await partner.Http.GetStringAsync(new Uri("/en/news", UriKind.Relative)), StringComparison.Ordinal);
            Assert.DoesNotContain(slug, await anonymous.Http.GetStringAsync(new Uri("/en/news", UriKind.Relative)), StringComparison.Ordinal);
            Assert.DoesNotContain(slug, await outsider.Http.GetStringAsync(new Uri("/en/news", UriKind.Relative)), StringComparison.Ordinal);

            var (granted, page) = await partner.GetAsync($"/en/news/{slug}");
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
            Assert.Contains("Partner schools body", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.True(granted.Headers.CacheControl!.NoStore);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/en/news/{slug}")).Response.StatusCode);
            var (refused, refusedPage) = await anonymous.GetAsync($"/zh/news/{slug}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal($"/zh/member/login?returnUrl=%2Fzh%2Fnews%2F{slug}", refusedPage.QuerySelector(".member-box a")!.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/en/news/{slug}")).Response.StatusCode);

            // Sitemaps and feeds are read by machines: public content only, whoever asks.
            foreach (var path in new[] { "/sitemap.xml", "/en/feed.xml", "/zh/feed.xml" })
            {
                Assert.DoesNotContain(slug, await partner.Http.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
            }
        }
        finally
        {
            await access.UnprotectAsync(key, "test", CancellationToken.None);
            await TakeDownAsync(key);
        }
    }

    /// <summary>The test's article leaves the site again, so that other tests' lists are as they expect.</summary>
    private async Task TakeDownAsync(Guid key)
    {
        var result = await site.Services.GetRequiredService<IPublishingService>().UnpublishAsync(key, "zh-CN", "test", CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Any_member_rule_admits_every_signed_in_member()
    {
        var slug = "members-any-" + Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync(slug, new Dictionary<string, (string, string)> { ["zh-CN"] = ("会员", "正文"), ["en-US"] = ("Members", "Body") }, publishDate: "2099-12-30");
        var access = site.Services.GetRequiredService<IPublicAccessService>();
        Assert.True(await access.ProtectAsync(new PublicAccessRule(key, []), "test", CancellationToken.None));
        try
        {
            using var member = new MemberClient(site);
            await member.RegisterAndLogInAsync("zh", "会员");
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/zh/news/{slug}")).Response.StatusCode);
            using var anonymous = new MemberClient(site);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/zh/news/{slug}")).Response.StatusCode);
        }
        finally
        {
            await access.UnprotectAsync(key, "test", CancellationToken.None);
            await TakeDownAsync(key);
        }
    }
}
