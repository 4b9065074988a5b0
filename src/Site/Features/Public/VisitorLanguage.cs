using Site.Core.Languages;

namespace Site.Features.Public;

/// <summary>Which site language suits a visitor: the URL's prefix first, then Accept-Language, then the default.</summary>
internal static class VisitorLanguage
{
    public static Language? FromPath(LanguageSet languages, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var first = path.TrimStart('/').Split('/', 2)[0];
        return languages.FindByPrefix(first);
    }

    public static Language? FromAcceptLanguage(LanguageSet languages, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in header.OrderByDescending(h => h.Quality ?? 1))
        {
            if (value.Quality is 0)
            {
                continue;
            }

            var tag = value.Value.Value;
            var match = languages.Find(tag) ?? languages.FindByPrefix(tag?.Split('-')[0]);
            if (match is not null)
            {
                return match;
            }
        }

        return languages.Default;
    }

    public static Language? For(LanguageSet languages, HttpRequest request, string? path) =>
        FromPath(languages, path) ?? FromAcceptLanguage(languages, request);
}
