using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(Site.Tests.TestSupport.SiteFactory))]

namespace Site.Tests.TestSupport;

/// <summary>
/// The one site every HTTP test talks to: the real host on a fresh data folder, with the repository's uSync content
/// imported on start. News pages hold two articles so that paging is exercised by the real content.
/// </summary>
/// <summary>Tests that publish content, and tests that would see it change mid-test, run one at a time in this collection.</summary>
[CollectionDefinition(ContentChanges)]
public sealed class ContentChangeTests
{
    public const string ContentChanges = "content changes";
}

public sealed class SiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", Guid.NewGuid().ToString("N"));

    public const int NewsPageSize = 2;

    /// <summary>The Delivery API's key (for preview) and the one other front end allowed to call it from a browser.</summary>
    public const string DeliveryApiKey = "test-delivery-api-key-0123456789";
    public const string DeliveryCorsOrigin = "https://app.example.org";

    /// <summary>The members' app: a native app's loopback redirect (RFC 8252) for the code and for the sign-out.</summary>
    public const string MemberAppRedirect = "http://127.0.0.1:53682/callback";
    public const string MemberAppSignedOut = "http://127.0.0.1:53682/signed-out";

    /// <summary>An API member's client (server to server); the member registers in the test that uses it.</summary>
    public const string ApiMemberClientId = "umbraco-member-test-server";
    public const string ApiMemberClientSecret = "api member secret for tests";
    public const string ApiMemberEmail = "api-member@example.org";

    /// <summary>The unattended install's first administrator (BackOffice:Admin:*).</summary>
    public const string AdminEmail = "admin@forum.test";
    public const string AdminPassword = "admin password for tests";

    /// <summary>The public origin (required outside Development): the test client's own, so host filtering lets it in.</summary>
    public const string PublicOrigin = "http://localhost";

    /// <summary>What the site logged at Warning and above.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:Public:BaseUrl", PublicOrigin);
        builder.UseSetting("Site:DataPath", _dataPath);
        builder.UseSetting("Site:Public:NewsPageSize", NewsPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Members: mail goes to {DataPath}/mail (the default pickup folder); the tests post far more forms than a person.
        builder.UseSetting("Site:Members:RateLimitPermits", "100000");
        builder.UseSetting("Site:Search:RateLimit:TokenLimit", "100000");
        builder.UseSetting("Site:Scheduling:PollInterval", "00:00:00.200");
        builder.UseSetting("Site:DeliveryApi:ApiKey", DeliveryApiKey);
        builder.UseSetting("Site:DeliveryApi:Cors:AllowedOrigins:0", DeliveryCorsOrigin);
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:AuthorizationCodeFlow:Enabled", "true");
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:AuthorizationCodeFlow:LoginRedirectUrls:0", MemberAppRedirect);
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:AuthorizationCodeFlow:LogoutRedirectUrls:0", MemberAppSignedOut);
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:ClientCredentialsFlow:Enabled", "true");
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:ClientCredentialsFlow:Clients:0:ClientId", ApiMemberClientId);
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:ClientCredentialsFlow:Clients:0:ClientSecret", ApiMemberClientSecret);
        builder.UseSetting("Site:DeliveryApi:MemberAuthorization:ClientCredentialsFlow:Clients:0:MemberEmail", ApiMemberEmail);
        builder.UseSetting("BackOffice:Admin:Email", AdminEmail);
        builder.UseSetting("BackOffice:Admin:Password", AdminPassword);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddScoped<IPasswordHasher<Site.Core.Members.Member>, CountingPasswordHasher<Site.Core.Members.Member>>();
            services.AddScoped<IPasswordHasher<Site.Core.Users.UserAccount>, CountingPasswordHasher<Site.Core.Users.UserAccount>>();
        });
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new KestrelBodyLimit()));
    }

    /// <summary>Starts the host once, before any test: the factory's lazy start is not safe for tests running in parallel.</summary>
    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    public HttpClient CreateBrowserClient(string? acceptLanguage = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (acceptLanguage is not null)
        {
            // Unchecked: tests send malformed headers too, as real clients do.
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return client;
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string path, string? acceptLanguage = null)
    {
        using var client = CreateBrowserClient(acceptLanguage);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return (response, document);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not change any test's result.
        }
    }
}
