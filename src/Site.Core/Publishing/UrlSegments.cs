using System.Globalization;
using System.Text;

namespace Site.Core.Publishing;

/// <summary>Makes URL segments from names: lower case, letters and digits (any script), single hyphens.</summary>
public static class UrlSegments
{
    /// <summary>The property that overrides the segment, as in Umbraco.</summary>
    public const string UrlNameAlias = "umbracoUrlName";

    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var rune in name.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.Length == 0 ? "item" : builder.ToString();
    }

    /// <summary>Normalises a request path for lookup: lower case, no trailing slash (the root stays "/").</summary>
    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim();
        if (trimmed.Length > 1)
        {
            trimmed = trimmed.TrimEnd('/');
        }

        return trimmed.ToLower(CultureInfo.InvariantCulture);
    }
}
