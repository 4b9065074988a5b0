using Site.Core.Languages;
using Site.Hosting;

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

    /// <summary>The best site language for the request's Accept-Language (exact, else by language, else by URL prefix); none: the default.</summary>
    public static Language? FromAcceptLanguage(LanguageSet languages, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(languages);
        return MatchAcceptLanguage(languages, request) ?? languages.Default;
    }

    /// <summary>The site's language that Accept-Language asks for; null when it names none of them (or is missing).</summary>
    public static Language? MatchAcceptLanguage(LanguageSet languages, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(languages);
        return AcceptLanguage.Best(request, tag => languages.Find(tag) ?? languages.Find(AcceptLanguage.Match(tag, languages.All.Select(l => l.IsoCode)))
            ?? languages.FindByPrefix(tag.Split('-')[0]));
    }

    public static Language? For(LanguageSet languages, HttpRequest request, string? path) =>
        FromPath(languages, path) ?? FromAcceptLanguage(languages, request);
}
