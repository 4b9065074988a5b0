using System.Text.Json;

namespace Site.Core.Content;

/// <summary>Reads a data type's configuration JSON: an object, or nothing usable (then the editor's defaults).</summary>
internal static class DataTypeConfig
{
    public static T Read<T>(string? configJson, T fallback, Func<JsonElement, T> read)
    {
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return fallback;
        }

        try
        {
            using var document = JsonDocument.Parse(configJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
