using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.Features.BackOffice.Management;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// API users' client credentials at Umbraco's path are OpenIddict's token endpoint: the token is an OpenIddict access
/// token with a token entry, the secret is checked against the users store, and removing the credentials ends it.
/// </summary>
public sealed class BackOfficeClientsTests(SiteFactory site)
{
    [Fact]
    public async Task The_token_is_an_openiddict_access_token_of_the_api_users_client_and_discovery_lists_the_grant()
    {
        var (user, clientId, secret) = await ApiUserAsync(BackOfficeGroups.Editors);
        using var client = site.CreateClient();

        var token = await TokenAsync(client, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.ReadObjectAsync())["access_token"]!.GetValue<string>();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var application = await applications.FindByClientIdAsync(clientId);
            Assert.NotNull(application);
            Assert.True(await applications.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential));
            var entries = new List<object>();
            await foreach (var entry in tokens.FindByApplicationIdAsync((await applications.GetIdAsync(application))!))
            {
                entries.Add(entry);
            }

            var subjects = await Task.WhenAll(entries.Select(e => tokens.GetSubjectAsync(e).AsTask()));
            Assert.Contains(user.Id.ToString(), subjects);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var current = await client.GetApiAsync("/user/current");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(user.Email, (await current.ReadObjectAsync())["email"]!.GetValue<string>());

        using var anonymous = site.CreateClient();
        var discovery = await (await anonymous.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).ReadObjectAsync();
        Assert.Contains("client_credentials", discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task Removing_the_credentials_ends_the_token_and_the_openiddict_client()
    {
        var (user, clientId, secret) = await ApiUserAsync(BackOfficeGroups.Writers);
        using var client = site.CreateClient();
        var token = await TokenAsync(client, clientId, secret);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.ReadObjectAsync())["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetApiAsync("/user/current")).StatusCode);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUserService>().RemoveClientCredentialAsync(user.Id, clientId, "test", CancellationToken.None)).Succeeded);
        }

        var refused = await client.GetApiAsync("/user/current");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var again = site.CreateClient();
        var retry = await TokenAsync(again, clientId, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, retry.StatusCode);
        Assert.Equal("invalid_client", (await retry.ReadObjectAsync())["error"]!.GetValue<string>());
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId));
        }
    }

    [Fact]
    public async Task A_wrong_secret_or_a_members_client_is_invalid_client_as_problem_details()
    {
        var (_, clientId, secret) = await ApiUserAsync(BackOfficeGroups.Writers);
        using var client = site.CreateClient();

        var wrong = await TokenAsync(client, clientId, secret + "x");
        var member = await TokenAsync(client, "umbraco-member", "x");

        foreach (var response in new[] { wrong, member })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("invalid_client", (await response.ReadObjectAsync())["error"]!.GetValue<string>());
            Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // The right secret still works: a wrong one counts toward the lockout but does not end the credentials.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, clientId, secret)).StatusCode);
    }

    [Fact]
    public async Task An_api_users_client_gets_no_token_from_the_members_token_endpoint()
    {
        var (_, clientId, secret) = await ApiUserAsync(BackOfficeGroups.Writers);
        using var client = site.CreateClient();

        var response = await client.PostAsync(new Uri("/umbraco/delivery/api/v1/security/member/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await response.ReadObjectAsync())["access_token"]);
    }

    private async Task<(UserProfile User, string ClientId, string Secret)> ApiUserAsync(string group)
    {
        var user = await BackOfficeApi.CreateUserAsync(site, group);
        var clientId = $"umbraco-back-office-test-{Guid.NewGuid():N}";
        await using var scope = site.Services.CreateAsyncScope();
        var (result, secret) = await scope.ServiceProvider.GetRequiredService<IUserService>().AddClientCredentialAsync(user.Id, clientId, "test", CancellationToken.None);
        Assert.True(result.Succeeded);
        return (user, clientId, secret!);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string clientId, string secret) =>
        client.PostAsync(new Uri(BackOfficeClients.TokenPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
}
