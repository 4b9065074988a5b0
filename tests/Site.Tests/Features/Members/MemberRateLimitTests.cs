using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>Log-in, registration and reset posts are limited per client address.</summary>
public sealed class MemberRateLimitTests(SiteFactory site)
{
    /// <summary>A host of its own with <paramref name="permits"/> posts per window, on a data folder of its own (the shared site's is in use).</summary>
    private LimitedSite StartLimitedSite(int permits)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", "rate-" + Guid.NewGuid().ToString("N"));
        var host = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", dataPath)
            .UseSetting("Site:Members:RateLimitPermits", permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _ = host.Server;
        return new LimitedSite(host, dataPath);
    }

    private sealed class LimitedSite(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string dataPath) : IAsyncDisposable
    {
        public HttpClient CreateClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions? options = null) =>
            options is null ? host.CreateClient() : host.CreateClient(options);

        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host => host;

        public ValueTask DisposeAsync() => OwnDataFolder.StopAndDeleteAsync(host, dataPath);
    }

    [Fact]
    public async Task Posting_the_login_form_too_often_is_refused_in_both_languages()
    {
        await using var limited = StartLimitedSite(3);
        using var browser = new MemberClient(limited.Host);
        var statuses = new List<HttpStatusCode>();
        string? body = null;
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await browser.LogInAsync("en", "someone@example.org", "a wrong password");
            statuses.Add(response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("尝试次数过多", body, StringComparison.Ordinal);
        Assert.Contains("Too many attempts", body, StringComparison.Ordinal);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/en/member/login")).Response.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoints_answer_too_many_attempts_as_problem_details_with_retry_after()
    {
        await using var limited = StartLimitedSite(2);
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync(new Uri("/api/member/token", UriKind.Relative), new { email = "someone@example.org", password = "a wrong password" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Contains("尝试次数过多", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every form and token endpoint that checks a password or sends mail shares one budget per client address.</summary>
    [Fact]
    public async Task Every_sign_in_registration_reset_and_token_endpoint_answers_429_with_retry_after_once_the_budget_is_spent()
    {
        await using var limited = StartLimitedSite(1);
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var spend = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "someone@example.org", ["Password"] = "wrong" }))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync(new Uri("/en/member/login", UriKind.Relative), spend)).StatusCode);
        }

        foreach (var path in new[]
        {
            "/en/member/login", "/zh/member/register", "/en/member/forgot-password", "/en/member/reset-password",
            "/umbraco/login", "/umbraco/setup", "/api/member/token",
            "/umbraco/management/api/v1/security/token", "/umbraco/management/api/v1/security/back-office/token",
            "/umbraco/delivery/api/v1/security/member/authorize", "/umbraco/delivery/api/v1/security/member/token",
        })
        {
            // The token endpoints read JSON (a form is refused by content type before anything else runs).
            var fields = new Dictionary<string, string> { ["Email"] = "someone@example.org", ["Password"] = "wrong" };
            using HttpContent body = path.Contains("/api/", StringComparison.Ordinal) ? JsonContent.Create(fields) : new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{path}: {(int)response.StatusCode}");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{path}: Retry-After in seconds");
        }

        // Reading the forms is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/zh/member/register", UriKind.Relative))).StatusCode);
    }
}
