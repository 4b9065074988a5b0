using System.Globalization;

namespace Site.Localization;

/// <summary>Names of languages as a reader of another language says them ("Chinese" in English, "英文" in Chinese).</summary>
public static class LanguageNames
{
    /// <summary>
    /// The name of <paramref name="culture"/>'s language in <paramref name="inCulture"/>: its own name when they are the
    /// same language; else its English name, translated where the site's words are (else English).
    /// </summary>
    public static string Of(string culture, string inCulture)
    {
        var language = LanguageOf(culture);
        if (language is null)
        {
            return culture;
        }

        return string.Equals(language.Name, LanguageOf(inCulture)?.Name, StringComparison.OrdinalIgnoreCase)
            ? language.NativeName
            : SiteTexts.Public.Get(inCulture, language.EnglishName);
    }

    /// <summary>Formats a translated text with the culture's own number and date conventions.</summary>
    public static string Format(string culture, string template, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        CultureInfo format;
        try
        {
            format = CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            format = CultureInfo.InvariantCulture;
        }

        return string.Format(format, template, args);
    }

    private static CultureInfo? LanguageOf(string culture)
    {
        try
        {
            var info = CultureInfo.GetCultureInfo(culture);
            return CultureInfo.GetCultureInfo(info.TwoLetterISOLanguageName);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
