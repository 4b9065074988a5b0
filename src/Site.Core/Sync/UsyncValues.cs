using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Core.Content;

namespace Site.Core.Sync;

/// <summary>
/// Values as uSync writes them, in the shape the engine stores: uSync indents JSON values and Umbraco 13 wrote some
/// editors differently (tags as comma-separated text, true/false as "True").
/// </summary>
internal static class UsyncValues
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The editor alias the engine keeps: Umbraco 13's TinyMCE is rich text, as Umbraco 14's upgrade makes it.</summary>
    public static string EditorAlias(string alias) => alias == PropertyEditors.TinyMce ? PropertyEditors.RichText : alias;

    /// <summary>JSON on one line (what the engine stores and compares); empty stays empty. Throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static string CompactJson(string json)
    {
        if (json.Length == 0)
        {
            return json;
        }

        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = UsyncReader.MaxDepth });
        return node is null ? "null" : node.ToJsonString(Compact);
    }

    public static PropertyValue Normalize(PropertyType? property, PropertyValue value)
    {
        if (property is null)
        {
            return value;
        }

        var text = value.Value;
        var normalized = property.EditorAlias switch
        {
            PropertyEditors.TextBox or PropertyEditors.TextArea or PropertyEditors.Markdown or PropertyEditors.EmailAddress => text,
            PropertyEditors.Tags when !LooksLikeJson(text) => JsonSerializer.Serialize(
                text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Compact),
            PropertyEditors.TrueFalse => text.Trim() switch
            {
                "True" or "true" or "1" => "1",
                "False" or "false" or "0" => "0",
                var other => other,
            },
            PropertyEditors.DatePicker => DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
                ? date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                : text,
            _ when LooksLikeJson(text) => TryCompact(text),
            _ => text,
        };
        return normalized == text ? value : value with { Value = normalized };
    }

    private static bool LooksLikeJson(string text)
    {
        var start = text.AsSpan().TrimStart();
        return !start.IsEmpty && start[0] is '{' or '[';
    }

    private static string TryCompact(string text)
    {
        try
        {
            return CompactJson(text);
        }
        catch (JsonException)
        {
            return text; // the editor's check says what is wrong with it
        }
    }
}
