using System.Globalization;

namespace Site.Hosting;

/// <summary>
/// The one check for every return address the site redirects to after a sign-in or a switch: a path on this site, under
/// a prefix that the site itself routes, in plain ASCII. Stricter than Url.IsLocalUrl, because browsers strip tabs and
/// other blanks from a Location ("/\t/evil.example" becomes "//evil.example") and some treat "\" as "/".
/// </summary>
public static class LocalReturnUrl
{
    public const int MaxLength = 2000;

    private static readonly Uri Origin = new("http://return-url.invalid");

    /// <summary>The address, escaped to ASCII, when it is safe to redirect to and starts with one of the prefixes; otherwise null.</summary>
    /// <param name="url">what the request asked for</param>
    /// <param name="prefixes">the routed paths it may lead to, such as "/umbraco" or a language's "/en"</param>
    public static string? Check(string? url, IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return null;
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return null;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(url, i))
                {
                    return null;
                }

                i++;
            }
        }

        // Resolving against a fixed origin normalises dot segments ("/en/../../x") and escapes what is not ASCII.
        if (!Uri.TryCreate(Origin, url, out var resolved) || resolved.Authority != Origin.Authority || resolved.Scheme != Origin.Scheme)
        {
            return null;
        }

        var path = resolved.AbsolutePath;
        foreach (var prefix in prefixes)
        {
            var root = "/" + prefix.Trim('/');
            if (path.Equals(root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
            {
                return resolved.PathAndQuery + resolved.Fragment;
            }
        }

        return null;
    }
}
