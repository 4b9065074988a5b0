using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Site.Hosting.KeyRing;

namespace Site.Hosting.OpenId;

/// <summary>One of the OpenID server's RSA keys ("signing" or "encryption"), its private key protected by data protection.</summary>
internal sealed class OpenIdServerKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public string Use { get; set; } = "";

    public string ProtectedKey { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// Gives the OpenID server its signing key (identity tokens, the keys at /.well-known/jwks) and encryption key from
/// the key ring's database, made once by whichever instance needs them first: every instance signs with the same key,
/// and a restart does not invalidate what was issued. The tokens themselves use data protection (the shared key ring).
/// </summary>
internal sealed class OpenIdServerKeys(KeyRingDbContextFactory dbFactory, IDataProtectionProvider protection, TimeProvider clock)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private const string Purpose = "Site.OpenId.ServerKeys";

    public void Configure(OpenIddictServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Options are built on the first request, after the key ring's table was migrated at start.
        var signing = Load(OpenIdServerKey.Signing);
        var encryption = Load(OpenIdServerKey.Encryption);
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Load(string use)
    {
        var protector = protection.CreateProtector(Purpose, use);
        using var db = dbFactory.Create();
        var row = db.OpenIdServerKeys.AsNoTracking().SingleOrDefault(k => k.Use == use);
        if (row is null)
        {
            using var created = RSA.Create(2048);
            db.OpenIdServerKeys.Add(new OpenIdServerKey
            {
                Use = use,
                ProtectedKey = Convert.ToBase64String(protector.Protect(created.ExportPkcs8PrivateKey())),
                CreatedUtc = clock.GetUtcNow(),
            });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException)
            {
                // Another instance made it at the same moment: use theirs, so that all sign alike.
            }

            using var again = dbFactory.Create();
            row = again.OpenIdServerKeys.AsNoTracking().Single(k => k.Use == use);
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedKey)), out _);
        // The key id names the key in the JWKS and in token headers: the same on every instance.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());
        return new RsaSecurityKey(rsa) { KeyId = id };
    }
}
