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
        if (IsNormalized(path))
        {
            return path; // every URL the snapshot makes, so routing tables are built without copies
        }

        var trimmed = path.Trim();
        if (trimmed.Length > 1)
        {
            trimmed = trimmed.TrimEnd('/');
        }

        return trimmed.ToLower(CultureInfo.InvariantCulture);
    }

    private static bool IsNormalized(string path)
    {
        if (path.Length == 0 || char.IsWhiteSpace(path[0]) || char.IsWhiteSpace(path[^1]) || (path.Length > 1 && path[^1] == '/'))
        {
            return false;
        }

        foreach (var rune in path.EnumerateRunes())
        {
            if (Rune.ToLowerInvariant(rune) != rune)
            {
                return false;
            }
        }

        return true;
    }
}
