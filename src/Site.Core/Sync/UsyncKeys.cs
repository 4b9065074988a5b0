using System.Security.Cryptography;
using System.Text;

namespace Site.Core.Sync;

/// <summary>Keys for what uSync names by key but the site keeps no key for: stable, so exports stay byte-identical.</summary>
internal static class UsyncKeys
{
    /// <summary>The key of a template the site names by alias only (its own types' templates).</summary>
    public static Guid Template(string alias) => Deterministic("template:" + alias);

    public static Guid Deterministic(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }
}
