using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>
/// Members' tokens through OpenID Connect (Umbraco's Delivery API member authorization): a native app with a loopback
/// redirect, the authorization code flow with PKCE, the site's own sign-in page.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class MemberAuthorizationTests(SiteFactory site)
{
    private const string AuthorizePath = "/umbraco/delivery/api/v1/security/member/authorize";
    private const string TokenPath = "/umbraco/delivery/api/v1/security/member/token";
    private const string SignOutPath = "/umbraco/delivery/api/v1/security/member/signout";
    private const string ClientId = "umbraco-member";

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string AuthorizeUrl(string? challenge, string redirectUri = SiteFactory.MemberAppRedirect, string state = "app-state")
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid offline_access",
            ["state"] = state,
            ["ui_locales"] = "en-US",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(AuthorizePath, query);
    }

    /// <summary>
    /// Asks for a code in <paramref name="browser"/>, signing in on the site's page if it is not signed in yet, and
    /// returns the code sent to the app.
    /// </summary>
    private static async Task<string> CodeAsync(MemberClient browser, string email, string challenge)
    {
        var (response, _) = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        if (!location.IsAbsoluteUri)
        {
            var loginPage = location.OriginalString;
            Assert.StartsWith("/en/member/login?returnUrl=", loginPage, StringComparison.Ordinal);
            var (signedIn, _) = await browser.SubmitAsync(loginPage, new Dictionary<string, string> { ["Email"] = email, ["Password"] = MemberClient.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var back = signedIn.Headers.Location!.OriginalString;
            Assert.StartsWith(AuthorizePath + "?", back, StringComparison.Ordinal);
            (response, _) = await browser.GetAsync(back);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            location = response.Headers.Location!;
        }

        Assert.StartsWith(SiteFactory.MemberAppRedirect + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("app-state", query["state"].ToString());
        return query["code"].ToString();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(Dictionary<string, string> fields)
    {
        using var client = site.CreateClient();
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(TokenPath, UriKind.Relative), content);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> ExchangeAsync(string code, string verifier) => TokenAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = ClientId,
        ["code"] = code,
        ["code_verifier"] = verifier,
        ["redirect_uri"] = SiteFactory.MemberAppRedirect,
    });

    private Task<(HttpStatusCode Status, JsonObject Body)> RefreshAsync(string refreshToken) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = ClientId,
        ["refresh_token"] = refreshToken,
    });

    private async Task<HttpStatusCode> ItemStatusAsync(Guid key, string? token) => (await ItemAsync(key.ToString(), token)).Status;

    private async Task<(HttpStatusCode Status, string Body)> ItemAsync(string pathAndQuery, string? token)
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{pathAndQuery}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-us");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(string Email, Guid Id)> NewMemberAsync(string? group = null)
    {
        using var registrar = new MemberClient(site);
        var email = await registrar.RegisterAndLogInAsync("en");
        using var scope = site.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        var id = (await admin.SearchAsync(new MemberSearch(email), CancellationToken.None)).Members.Single().Id;
        if (group is not null)
        {
            Assert.True((await admin.AddToGroupAsync(id, group, "editor@test", CancellationToken.None)).Succeeded);
        }

        return (email, id);
    }

    private const string Secret = "SECRET-oidc-members-only";

    private async Task<Guid> ProtectedPageAsync()
    {
        var key = await site.PublishNewsAsync("oidc-members-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("会员新闻 " + Secret, "正文"),
            ["en-US"] = ("Members' news " + Secret, "Body"),
        });
        Assert.True(await site.Services.GetRequiredService<IPublicAccessService>().ProtectAsync(new PublicAccessRule(key, ["Partner schools"]), "test", CancellationToken.None));
        return key;
    }

    [Fact]
    public async Task Discovery_names_the_members_endpoints_and_publishes_a_signing_key()
    {
        using var client = site.CreateClient();
        var discovery = (await client.GetFromJsonAsync<JsonObject>(new Uri("/.well-known/openid-configuration", UriKind.Relative)))!;
        Assert.EndsWith(AuthorizePath, discovery["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(TokenPath, discovery["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(SignOutPath, discovery["end_session_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("S256", discovery["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));

        var jwks = (await client.GetFromJsonAsync<JsonObject>(new Uri(discovery["jwks_uri"]!.GetValue<string>())))!;
        var key = Assert.Single(jwks["keys"]!.AsArray());
        Assert.Equal("RSA", key!["kty"]!.GetValue<string>());
    }

    /// <summary>As a mobile app would: authorize with PKCE, the sign-in page, code, token, read, refresh, sign out.</summary>
    [Fact]
    public async Task An_app_signs_a_member_in_reads_protected_content_refreshes_and_signs_out()
    {
        var key = await ProtectedPageAsync();
        try
        {
            var (email, _) = await NewMemberAsync("Partner schools");
            using var browser = new MemberClient(site);
            var (verifier, challenge) = Pkce();
            var code = await CodeAsync(browser, email, challenge);

            var (status, tokens) = await ExchangeAsync(code, verifier);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
            var access = tokens["access_token"]!.GetValue<string>();
            var refresh = tokens["refresh_token"]!.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(tokens["id_token"]?.GetValue<string>()));

            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, null));
            Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(key, access));

            // A public page that picks the protected one: expanded, it shows it to the member and to nobody else.
            var pickerKey = await site.SaveNewsDraftAsync(Guid.NewGuid(), "oidc-picks-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, (string, string)>
            {
                ["zh-CN"] = ("公开新闻", "公开正文"),
                ["en-US"] = ("Public article", "Public body"),
            }, new Site.Core.Content.PropertyValue("relatedSession", null, Site.Core.Content.ContentUdi.Create(key)));
            await site.PublishAsync(pickerKey, "zh-CN", "en-US");
            Assert.DoesNotContain(Secret, (await ItemAsync($"{pickerKey}?expand=properties[$all]", null)).Body, StringComparison.Ordinal);
            Assert.Contains(Secret, (await ItemAsync($"{pickerKey}?expand=properties[$all]", access)).Body, StringComparison.Ordinal);

            var (refreshed, renewed) = await RefreshAsync(refresh);
            Assert.Equal(HttpStatusCode.OK, refreshed);
            var access2 = renewed["access_token"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(key, access2));

            // Signing out ends the session on the site and the app's tokens, and returns to the app.
            var (signedOut, _) = await browser.GetAsync(QueryHelpers.AddQueryString(SignOutPath, "post_logout_redirect_uri", SiteFactory.MemberAppSignedOut));
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.StartsWith(SiteFactory.MemberAppSignedOut, signedOut.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, access2));
            Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(renewed["refresh_token"]?.GetValue<string>() ?? refresh)).Status);
            var (again, _) = await browser.GetAsync(AuthorizeUrl(Pkce().Challenge));
            Assert.StartsWith("/en/member/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        finally
        {
            await site.Services.GetRequiredService<IPublicAccessService>().UnprotectAsync(key, "test", CancellationToken.None);
        }
    }

    [Fact]
    public async Task Leaving_the_group_ends_the_apps_access_and_refresh_tokens()
    {
        var key = await ProtectedPageAsync();
        try
        {
            var (email, id) = await NewMemberAsync("Partner schools");
            using var browser = new MemberClient(site);
            var (verifier, challenge) = Pkce();
            var (_, tokens) = await ExchangeAsync(await CodeAsync(browser, email, challenge), verifier);
            var access = tokens["access_token"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(key, access));

            using var scope = site.Services.CreateScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().RemoveFromGroupAsync(id, "Partner schools", "editor@test", CancellationToken.None)).Succeeded);
            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, access));
            var (refreshed, error) = await RefreshAsync(tokens["refresh_token"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.BadRequest, refreshed);
            Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
        }
        finally
        {
            await site.Services.GetRequiredService<IPublicAccessService>().UnprotectAsync(key, "test", CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_wrong_code_verifier_and_a_reused_code_are_invalid_grant()
    {
        var (email, _) = await NewMemberAsync();
        using var browser = new MemberClient(site);
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(browser, email, challenge);

        var (wrong, wrongBody) = await ExchangeAsync(code, Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Equal("invalid_grant", wrongBody["error"]!.GetValue<string>());

        // A code is used once: after a failed try it is spent as well, and so after a successful one.
        var code2 = await CodeAsync(browser, email, challenge);
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(code2, verifier)).Status);
        var (reused, reusedBody) = await ExchangeAsync(code2, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, reused);
        Assert.Equal("invalid_grant", reusedBody["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = new MemberClient(site);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var (response, _) = await browser.GetAsync(AuthorizeUrl(Pkce().Challenge, redirectUri: "http://127.0.0.1:9999/elsewhere").Replace("ui_locales=en-US", "ui_locales=zh-CN", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid_request", problem["error"]!.GetValue<string>());
        Assert.Equal("这不是应用发出的有效登录请求。", problem["detail"]!.GetValue<string>());

        // The same for a sign-out that names an address the app did not register.
        var (signOut, _) = await browser.GetAsync(QueryHelpers.AddQueryString(SignOutPath, "post_logout_redirect_uri", "http://127.0.0.1:9999/elsewhere"));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Null(signOut.Headers.Location);
        Assert.Equal("invalid_request", (await signOut.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_pkce_is_refused_as_invalid_request()
    {
        using var browser = new MemberClient(site);
        var (response, _) = await browser.GetAsync(AuthorizeUrl(challenge: null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("invalid_request", problem["error"]!.GetValue<string>());
        Assert.Contains("code_challenge", problem["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_at_the_token_endpoint_is_an_oauth_error_not_a_crash()
    {
        var (status, body) = await TokenAsync(new() { ["grant_type"] = "authorization_code", ["client_id"] = ClientId, ["code"] = "not-a-code", ["code_verifier"] = "x", ["redirect_uri"] = SiteFactory.MemberAppRedirect });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());

        var (unknownClient, clientBody) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = "someone-else", ["refresh_token"] = "x" });
        Assert.True(unknownClient is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, unknownClient.ToString());
        Assert.Equal("invalid_client", clientBody["error"]!.GetValue<string>());
    }

    /// <summary>Bodies no form reader accepts reach OpenIddict before any endpoint: still a 4xx, never a 500.</summary>
    [Theory]
    [InlineData("many fields")]
    [InlineData("one huge field")]
    [InlineData("multipart without a boundary")]
    [InlineData("json")]
    public async Task An_unreadable_token_or_authorize_request_is_a_4xx_not_a_500(string kind)
    {
        using var client = site.CreateClient();
        foreach (var path in new[] { TokenPath, AuthorizePath })
        {
            using HttpContent content = kind switch
            {
                "many fields" => new StringContent(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=x")), Encoding.ASCII, "application/x-www-form-urlencoded"),
                "one huge field" => new StringContent("grant_type=" + new string('x', 5_000_000), Encoding.ASCII, "application/x-www-form-urlencoded"),
                "multipart without a boundary" => new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", Encoding.ASCII, "multipart/form-data"),
                _ => JsonContent.Create(new { grant_type = "authorization_code", client_id = ClientId }),
            };
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path} {kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Umbraco 15's API members: a configured confidential client gets tokens as its member, server to server.</summary>
    [Fact]
    public async Task An_api_members_client_gets_a_token_that_follows_the_members_groups()
    {
        var key = await ProtectedPageAsync();
        try
        {
            Task<(HttpStatusCode Status, JsonObject Body)> ClientTokenAsync(string secret) => TokenAsync(new()
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = SiteFactory.ApiMemberClientId,
                ["client_secret"] = secret,
            });

            // Before the member exists the client gets nothing.
            var (before, beforeBody) = await ClientTokenAsync(SiteFactory.ApiMemberClientSecret);
            Assert.Equal(HttpStatusCode.Unauthorized, before);
            Assert.Equal("invalid_client", beforeBody["error"]!.GetValue<string>());

            using (var registrar = new MemberClient(site))
            {
                var (registered, _) = await registrar.SubmitAsync("/en/member/register", MemberClient.RegistrationFields(SiteFactory.ApiMemberEmail));
                Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync(await registrar.MailLinkAsync(SiteFactory.ApiMemberEmail))).Response.StatusCode);
            }

            using var scope = site.Services.CreateScope();
            var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
            var id = (await admin.SearchAsync(new MemberSearch(SiteFactory.ApiMemberEmail), CancellationToken.None)).Members.Single().Id;
            Assert.True((await admin.AddToGroupAsync(id, "Partner schools", "editor@test", CancellationToken.None)).Succeeded);

            var (wrongStatus, wrong) = await ClientTokenAsync("not the secret");
            Assert.True(wrongStatus is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, wrongStatus.ToString());
            Assert.Equal("invalid_client", wrong["error"]!.GetValue<string>());

            var (status, tokens) = await ClientTokenAsync(SiteFactory.ApiMemberClientSecret);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Null(tokens["refresh_token"]);
            var access = tokens["access_token"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(key, access));

            Assert.True((await admin.RemoveFromGroupAsync(id, "Partner schools", "editor@test", CancellationToken.None)).Succeeded);
            Assert.Equal(HttpStatusCode.Unauthorized, await ItemStatusAsync(key, access));
            var (_, fresh) = await ClientTokenAsync(SiteFactory.ApiMemberClientSecret);
            Assert.Equal(HttpStatusCode.Forbidden, await ItemStatusAsync(key, fresh["access_token"]!.GetValue<string>()));
        }
        finally
        {
            await site.Services.GetRequiredService<IPublicAccessService>().UnprotectAsync(key, "test", CancellationToken.None);
        }
    }
}
