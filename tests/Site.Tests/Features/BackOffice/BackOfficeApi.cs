using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// One back-office account per group (the administrator comes from configuration, the others are made once), each
/// with a bearer token for the management API.
/// </summary>
public static class BackOfficeApi
{
    public const string Prefix = "/umbraco/management/api/v1";
    public const string Password = "a password for the tests";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<(WebApplicationFactory<Program>, string), (string Email, string Token)> Accounts = [];

    public static async Task<string> EmailOfAsync(WebApplicationFactory<Program> site, string group) => (await AccountAsync(site, group)).Email;

    /// <summary>A client with the bearer token of the group's test account.</summary>
    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> site, string group)
    {
        ArgumentNullException.ThrowIfNull(site);
        var (_, token) = await AccountAsync(site, group);
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(WebApplicationFactory<Program> site, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var client = site.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri(Prefix + "/security/token", UriKind.Relative), new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Makes a back-office account directly through the engine (an administrator would use the Users screen).</summary>
    public static async Task<UserProfile> CreateUserAsync(WebApplicationFactory<Program> site, string group, string? translatorCulture = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var result = await users.CreateAsync(
            new NewUser(email ?? $"{group.ToLowerInvariant()}-{Guid.NewGuid():N}@forum.test", $"Test {group}", Password, [group], translatorCulture, "en-US"),
            "tests", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.User!;
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("Not a JSON object: " + text);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(Prefix + path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(new Uri(Prefix + path, UriKind.Relative), body);

    public static Task<HttpResponseMessage> GetApiAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(Prefix + path, UriKind.Relative));

    public static Task<HttpResponseMessage> DeleteApiAsync(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(Prefix + path, UriKind.Relative));

    private static async Task<(string Email, string Token)> AccountAsync(WebApplicationFactory<Program> site, string group)
    {
        await Gate.WaitAsync();
        try
        {
            if (Accounts.TryGetValue((site, group), out var known))
            {
                return known;
            }

            string email;
            string password;
            if (group == BackOfficeGroups.Administrators)
            {
                (email, password) = (TestSupport.SiteFactory.AdminEmail, TestSupport.SiteFactory.AdminPassword);
            }
            else
            {
                email = (await CreateUserAsync(site, group, group == BackOfficeGroups.Translators ? "en-US" : null)).Email;
                password = Password;
            }

            var account = (email, await TokenAsync(site, email, password));
            Accounts[(site, group)] = account;
            return account;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
