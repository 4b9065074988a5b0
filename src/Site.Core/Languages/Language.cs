using System.Globalization;

namespace Site.Core.Languages;

/// <summary>A content language, as Umbraco defines it: an ISO code, and whether it is the default and mandatory.</summary>
public sealed record Language(string IsoCode, string Name, bool IsDefault, bool IsMandatory, string? FallbackIsoCode = null)
{
    /// <summary>The URL prefix of the culture: "zh" for zh-CN, "en" for en-US.</summary>
    public string UrlPrefix => CultureInfo.GetCultureInfo(IsoCode).TwoLetterISOLanguageName;
}
