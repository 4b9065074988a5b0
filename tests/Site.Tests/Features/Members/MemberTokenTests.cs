using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>A member's bearer token for other front ends: the Delivery API shows what the member's groups may see.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class MemberTokenTests(SiteFactory site)
{
    private async Task<HttpResponseMessage> TokenAsync(string email, string password)
    {
        using var client = site.CreateClient();
        return await client.PostAsJsonAsync(new Uri("/api/member/token", UriKind.Relative), new { email, password });
    }

    private async Task<HttpStatusCode> ItemStatusAsync(Guid key, string? token)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-us");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_members_token_opens_what_their_group_may_see_and_dies_when_they_leave_the_group()
    {
        var key = await site.PublishNewsAsync("members-only-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("会员新闻", "正文"),
            ["en-US"] = ("Members' news", "Body"),
        });
        Assert.True(await site.Services.GetRequiredService<IPublicAccessService>().ProtectAsync(new PublicAccessRule(key, ["Partner schools"]), "test", CancellationToken.None));
        try
        {
            using var member = new MemberClient(site);
            var email = await member.RegisterAndLogInAsync("en");
            var memberId = await MemberIdAsync(email);
            using var scope = site.Services.CreateScope();
            var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
            Assert.True((await admin.AddToGroupAsync(memberId, "Partner schools", "editor@test", CancellationToken.None)).Succeeded);

            var issued = await TokenAsync(email, MemberClient.Password);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            var token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, null));
            Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(key, token));
            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, "not-a-token"));

            // Leaving the group changes the member's stamp: the old token no longer opens anything.
            Assert.True((await admin.RemoveFromGroupAsync(memberId, "Partner schools", "editor@test", CancellationToken.None)).Succeeded);
            Assert.NotEqual(HttpStatusCode.OK, await ItemStatusAsync(key, token));
            var fresh = (await (await TokenAsync(email, MemberClient.Password)).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.Forbidden, await ItemStatusAsync(key, fresh));
        }
        finally
        {
            // Shared lists (the sitemap counts every public page) must not keep a protected page.
            await site.Services.GetRequiredService<IPublicAccessService>().UnprotectAsync(key, "test", CancellationToken.None);
        }
    }

    [Fact]
    public async Task Unknown_addresses_and_wrong_passwords_get_the_same_401()
    {
        using var member = new MemberClient(site);
        var email = await member.RegisterAndLogInAsync("en");

        var wrong = await TokenAsync(email, "not the password");
        var unknown = await TokenAsync(MemberClient.NewEmail("nobody"), "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(),
            (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    private async Task<Guid> MemberIdAsync(string email)
    {
        using var scope = site.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().SearchAsync(new MemberSearch(email), CancellationToken.None);
        return found.Members.Single().Id;
    }
}
