using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Site.Features.Public;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>Links in mails come from the configured public origin, never from a Host header that anyone can set.</summary>
public sealed class PublicOriginTests(SiteFactory site)
{
    private static HttpRequest RequestFor(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    [Fact]
    public void A_configured_origin_is_used_whatever_host_the_request_names() =>
        Assert.Equal("https://forum.example.org", PublicOrigin.ForMail(RequestFor("evil.example"), new PublicSiteOptions { BaseUrl = "https://forum.example.org/" }));

    [Theory]
    [InlineData("localhost:5000", "http://localhost:5000")]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("evil.example", null)]
    [InlineData("forum.example.org", null)]
    public void Without_one_only_a_request_to_this_machine_gets_links(string host, string? expected) =>
        Assert.Equal(expected, PublicOrigin.ForMail(RequestFor(host), new PublicSiteOptions()));

    [Fact]
    public async Task A_password_reset_posted_with_another_host_is_refused_and_mails_nothing()
    {
        using var member = new MemberClient(site);
        var email = await member.RegisterAndLogInAsync("en");
        var mailsBefore = member.MailsTo(email).Count;
        using var attacker = new MemberClient(site);
        var (_, form) = await attacker.GetAsync("/en/member/forgot-password");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/member/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        var response = await attacker.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(mailsBefore, member.MailsTo(email).Count);

        // The same request with the site's own host mails a link to the public origin.
        var (accepted, _) = await attacker.PostAsync("/en/member/forgot-password", new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var mail = member.MailsTo(email)[^1];
        Assert.Contains(SiteFactory.PublicOrigin + "/en/member/reset-password?id=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_for_another_host_are_refused()
    {
        using var client = site.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_site_does_not_start_without_a_public_origin()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:DataPath", dataPath);
            builder.UseSetting("Site:Public:BaseUrl", "");
        });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);
        Assert.Contains(PublicOrigin.Setting, failure.Message, StringComparison.Ordinal);
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
