using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Site.Hosting.KeyRing;
using Site.Hosting.OpenId;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting.OpenId;

/// <summary>The OpenID server's keys come from the database: another instance, or the same one restarted, signs alike.</summary>
public sealed class OpenIdServerKeysTests(SiteFactory site)
{
    private OpenIddictServerOptions Configure()
    {
        var keys = new OpenIdServerKeys(
            site.Services.GetRequiredService<KeyRingDbContextFactory>(), site.Services.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
        var options = new OpenIddictServerOptions();
        keys.Configure(options);
        return options;
    }

    [Fact]
    public void Every_instance_gets_the_same_signing_and_encryption_keys_from_the_database()
    {
        var first = Configure();
        var second = Configure();

        var signing = Assert.Single(first.SigningCredentials);
        Assert.IsType<RsaSecurityKey>(signing.Key);
        Assert.Equal(signing.Key.KeyId, Assert.Single(second.SigningCredentials).Key.KeyId);
        Assert.Equal(Assert.Single(first.EncryptionCredentials).Key.KeyId, Assert.Single(second.EncryptionCredentials).Key.KeyId);
        Assert.NotEqual(signing.Key.KeyId, first.EncryptionCredentials[0].Key.KeyId);
    }

    [Fact]
    public async Task The_published_signing_key_is_the_stored_one()
    {
        using var client = site.CreateClient();
        var jwks = await client.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative));
        Assert.Contains(Configure().SigningCredentials[0].Key.KeyId, jwks, StringComparison.Ordinal);
    }
}
