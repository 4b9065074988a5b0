using Microsoft.Net.Http.Headers;

namespace Site.Hosting;

/// <summary>
/// The one reader of Accept-Language: the tags in order of quality (q=0 never), the first that <c>find</c> knows wins.
/// Umbraco's clients send one culture, in lower case; browsers a weighted list; a malformed header counts as none.
/// </summary>
public static class AcceptLanguage
{
    public static T? Best<T>(HttpRequest request, Func<string, T?> find)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(find);
        var values = request.Headers.AcceptLanguage;
        if (values.Count == 0 || !StringWithQualityHeaderValue.TryParseList(values, out var parsed))
        {
            return null;
        }

        foreach (var value in parsed.OrderByDescending(h => h.Quality ?? 1))
        {
            if (value.Quality is 0 || value.Value.Value is not { Length: > 0 } tag)
            {
                continue;
            }

            if (find(tag) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The culture of <paramref name="cultures"/> that the tag names exactly, else one of the same language (another region of it).</summary>
    public static string? Match(string tag, IEnumerable<string> cultures)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var list = cultures as IReadOnlyCollection<string> ?? [.. cultures];
        var language = tag.Split('-')[0];
        return list.FirstOrDefault(c => string.Equals(c, tag, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(c => string.Equals(c.Split('-')[0], language, StringComparison.OrdinalIgnoreCase));
    }
}
