using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>
/// A second host (the only extra one) whose API is not public, so every request needs the key, and whose member
/// seam reads a test bearer token ("Bearer member:Group A,Group B"), as the members feature will resolve real ones.
/// Its content is its own: tests may protect anything here without disturbing the shared site. It also runs with the
/// API's opt-in settings (no trailing slash in route.path, unknown cultures answered in the default language).
/// </summary>
public sealed class PrivateDeliveryApiFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    private sealed class BearerTestMembers : IDeliveryMemberResolver
    {
        public ValueTask<MemberIdentity?> ResolveAsync(Microsoft.AspNetCore.Http.HttpContext context)
        {
            var header = context.Request.Headers.Authorization.ToString();
            const string Prefix = "Bearer member:";
            return ValueTask.FromResult(header.StartsWith(Prefix, StringComparison.Ordinal)
                ? new MemberIdentity("test-member", header[Prefix.Length..].Split(',').ToHashSet(StringComparer.Ordinal))
                : null);
        }
    }

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "site-http-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("environment", "Production");
        builder.UseSetting("Site:Public:BaseUrl", SiteFactory.PublicOrigin);
        builder.UseSetting("Site:DataPath", _dataPath);
        builder.UseSetting("Site:DeliveryApi:PublicAccess", "false");
        builder.UseSetting("Site:DeliveryApi:ApiKey", SiteFactory.DeliveryApiKey);
        builder.UseSetting("Site:DeliveryApi:AddTrailingSlash", "false");
        builder.UseSetting("Site:DeliveryApi:UnknownCultureAsDefault", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<IDeliveryMemberResolver, BearerTestMembers>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
