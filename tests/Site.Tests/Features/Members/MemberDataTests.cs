using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>Applications, export and deletion over HTTP: a member sees and changes only their own.</summary>
public sealed class MemberDataTests(SiteFactory site)
{
    [Theory]
    [InlineData("zh", "已提交", "已通过")]
    [InlineData("en", "Submitted", "Accepted")]
    public async Task A_member_applies_and_follows_the_status_editors_set(string prefix, string submitted, string accepted)
    {
        using var browser = new MemberClient(site);
        await browser.RegisterAndLogInAsync(prefix);

        var (invalid, invalidPage) = await browser.SubmitAsync($"/{prefix}/member/applications/new", new Dictionary<string, string> { ["Kind"] = "Bogus", ["Message"] = "寻找友好学校" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull(invalidPage.QuerySelector("#f-Kind-error"));
        Assert.Equal("寻找友好学校", invalidPage.QuerySelector("#f-Message")!.TextContent);

        var (sent, _) = await browser.SubmitAsync($"/{prefix}/member/applications/new", new Dictionary<string, string> { ["Kind"] = "SisterSchool", ["Message"] = "寻找友好学校" });
        Assert.Equal($"/{prefix}/member?done=application", sent.Headers.Location!.OriginalString);
        var (_, account) = await browser.GetAsync($"/{prefix}/member");
        var link = account.QuerySelector(".applications a")!.GetAttribute("href")!;
        Assert.Equal(submitted, account.QuerySelector(".applications .status")!.TextContent);

        var id = Guid.ParseExact(link.Split('/')[^1], "N");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
            Assert.True((await admin.SetApplicationStatusAsync(id, ApplicationStatus.Accepted, "欢迎 / Welcome", "editor", CancellationToken.None)).Succeeded);
        }

        var (_, detail) = await browser.GetAsync(link);
        Assert.Equal(accepted, detail.QuerySelector(".status")!.TextContent);
        Assert.Contains("欢迎 / Welcome", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_cannot_read_another_members_application_or_data()
    {
        using var alice = new MemberClient(site);
        var aliceEmail = await alice.RegisterAndLogInAsync("en", "Alice Adams");
        await alice.SubmitAsync("/en/member/applications/new", new Dictionary<string, string> { ["Kind"] = "NextSession", ["Message"] = "Alice's private reasons" });
        var (_, aliceAccount) = await alice.GetAsync("/en/member");
        var aliceApplication = aliceAccount.QuerySelector(".applications a")!.GetAttribute("href")!;

        using var bob = new MemberClient(site);
        await bob.RegisterAndLogInAsync("en", "Bob Brown");

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(aliceApplication)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(aliceApplication.Replace("/en/", "/zh/", StringComparison.Ordinal))).Response.StatusCode);
        var bobAccount = await bob.Http.GetStringAsync(new Uri("/en/member", UriKind.Relative));
        Assert.DoesNotContain("Alice", bobAccount, StringComparison.Ordinal);
        var export = await bob.Http.GetStringAsync(new Uri("/en/member/export?id=" + aliceApplication.Split('/')[^1], UriKind.Relative));
        Assert.DoesNotContain("Alice", export, StringComparison.Ordinal);
        Assert.DoesNotContain(aliceEmail, export, StringComparison.Ordinal);

        using var anonymous = new MemberClient(site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(aliceApplication)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/en/member/export")).Response.StatusCode);
    }

    [Fact]
    public async Task A_member_downloads_their_data_and_deletes_their_account()
    {
        using var browser = new MemberClient(site);
        var email = await browser.RegisterAndLogInAsync("en", "Leaving Principal");
        await browser.SubmitAsync("/en/member/applications/new", new Dictionary<string, string> { ["Kind"] = "NextSession", ["Message"] = "My reasons" });

        var export = await browser.Http.GetAsync(new Uri("/en/member/export", UriKind.Relative));
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forum-member-data.json", export.Content.Headers.ContentDisposition?.FileName);
        using (var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync()))
        {
            Assert.Equal(email, json.RootElement.GetProperty("profile").GetProperty("email").GetString());
            Assert.Equal("My reasons", json.RootElement.GetProperty("applications")[0].GetProperty("message").GetString());
        }

        var (wrong, _) = await browser.SubmitAsync("/en/member/delete", new Dictionary<string, string> { ["CurrentPassword"] = "not the password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var (deleted, _) = await browser.SubmitAsync("/en/member/delete", new Dictionary<string, string> { ["CurrentPassword"] = MemberClient.Password });
        Assert.Equal("/en/member/deleted", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/en/member")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.LogInAsync("en", email, MemberClient.Password)).Response.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().SearchAsync(new MemberSearch(email), CancellationToken.None)).Members);
    }
}
