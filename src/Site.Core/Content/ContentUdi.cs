using System.Globalization;

namespace Site.Core.Content;

/// <summary>Umbraco's document identifier as stored by content pickers: umb://document/{key without dashes}.</summary>
public static class ContentUdi
{
    private const string Prefix = "umb://document/";

    public static string Create(Guid key) => Prefix + key.ToString("N", CultureInfo.InvariantCulture);

    public static Guid? TryParse(string? value) =>
        value is not null
        && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && Guid.TryParseExact(value[Prefix.Length..], "N", out var key)
            ? key
            : null;
}
