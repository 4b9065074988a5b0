using System.Globalization;

namespace Site.Core.Languages;

/// <summary>A content language, as Umbraco defines it: an ISO code, and whether it is the default and mandatory.</summary>
public sealed record Language(string IsoCode, string Name, bool IsDefault, bool IsMandatory, string? FallbackIsoCode = null)
{
    /// <summary>The URL prefix of the culture: its two-letter language code.</summary>
    public string UrlPrefix => CultureInfo.GetCultureInfo(IsoCode).TwoLetterISOLanguageName;
}
