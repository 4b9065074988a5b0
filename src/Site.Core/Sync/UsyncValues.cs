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
internal static partial class UsyncValues
{
    [System.Text.RegularExpressions.GeneratedRegex("data-content-udi=\"umb://element/([0-9a-fA-F]{32})\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex UdiAttribute();

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

    /// <summary>
    /// A data type's configuration with camel-case keys, as Umbraco 14+ stores it: uSync 9–13 wrote Umbraco 13's
    /// configuration objects with their C# names (<c>{"Blocks": [{"ContentElementTypeKey": …}], "MaxChars": 80}</c>).
    /// A configuration already in camel case is left as it is.
    /// </summary>
    public static string CamelCaseConfig(string json)
    {
        if (json.Length == 0 || JsonNode.Parse(json) is not JsonObject root || !root.Any(p => p.Key.Length > 0 && char.IsUpper(p.Key[0])))
        {
            return json;
        }

        return CamelCase(root, 0)!.ToJsonString(Compact);
    }

    private static JsonNode? CamelCase(JsonNode? node, int depth) => node switch
    {
        _ when depth > UsyncReader.MaxDepth => node?.DeepClone(),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
            p.Key.Length > 0 && char.IsUpper(p.Key[0]) ? char.ToLowerInvariant(p.Key[0]) + p.Key[1..] : p.Key, CamelCase(p.Value, depth + 1)))),
        JsonArray a => new JsonArray([.. a.Select(i => CamelCase(i, depth + 1))]),
        _ => node?.DeepClone(),
    };

    public static PropertyValue Normalize(PropertyType? property, PropertyValue value, Func<Guid, ContentType?> elementTypes)
    {
        if (property is null)
        {
            return value;
        }

        var text = value.Value;
        if (property.EditorAlias is PropertyEditors.BlockList or PropertyEditors.BlockGrid or PropertyEditors.RichText && LooksLikeJson(text))
        {
            text = UpgradeBlocks(text, property.EditorAlias, elementTypes, value.Culture);
        }

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
        return normalized == value.Value ? value : value with { Value = normalized };
    }

    /// <summary>
    /// Blocks as Umbraco 14 stored them (<c>contentUdi</c> in the layout, <c>udi</c> and the values as fields of each
    /// element) in Umbraco 15's shape (<c>contentKey</c>, <c>key</c>, a <c>values</c> list, <c>expose</c>), nested
    /// blocks too; a value already in the new shape, or of neither, is left as it is.
    /// </summary>
    internal static string UpgradeBlocks(string text, string editorAlias, Func<Guid, ContentType?> elementTypes, string? culture)
    {
        try
        {
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = UsyncReader.MaxDepth });
            return Upgrade(root, editorAlias, elementTypes, culture, 0) ? root!.ToJsonString(Compact) : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static bool Upgrade(JsonNode? node, string editorAlias, Func<Guid, ContentType?> elementTypes, string? culture, int depth)
    {
        if (node is not JsonObject root || depth > 8)
        {
            return false;
        }

        if (editorAlias == PropertyEditors.RichText)
        {
            if (root["blocks"] is not JsonObject blocks || !Upgrade(blocks, PropertyEditors.BlockList, elementTypes, culture, depth))
            {
                return false;
            }

            // Umbraco 13 and 14 filed rich text blocks under the TinyMCE editor's alias.
            if (blocks["layout"] is JsonObject layoutOfText && layoutOfText[PropertyEditors.TinyMce] is { } tiny)
            {
                layoutOfText.Remove(PropertyEditors.TinyMce);
                layoutOfText[PropertyEditors.RichText] = tiny;
            }

            if (root["markup"] is JsonValue markup && markup.TryGetValue<string>(out var html))
            {
                root["markup"] = UdiAttribute().Replace(html, m => $"data-content-key=\"{Guid.ParseExact(m.Groups[1].Value, "N")}\"");
            }

            return true;
        }

        if (root["layout"] is not JsonObject layout || !layout.Any(l => l.Value is JsonArray items && items.OfType<JsonObject>().Any(i => i.ContainsKey("contentUdi"))))
        {
            return false;
        }

        var keys = new List<Guid>();
        foreach (var (_, items) in layout.ToList())
        {
            if (items is JsonArray array)
            {
                UpgradeLayout(array, keys);
            }
        }

        root["contentData"] = UpgradeElements(root["contentData"] as JsonArray, elementTypes, culture, depth);
        root["settingsData"] = UpgradeElements(root["settingsData"] as JsonArray, elementTypes, culture, depth);
        if (root["expose"] is null)
        {
            var expose = new JsonArray();
            foreach (var element in (root["contentData"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = element["contentTypeKey"] is JsonValue k && k.TryGetValue<Guid>(out var typeKey) ? elementTypes(typeKey) : null;
                expose.Add(new JsonObject { ["contentKey"] = element["key"]?.DeepClone(), ["culture"] = type?.VariesByCulture == true ? culture : null, ["segment"] = null });
            }

            root["expose"] = expose;
        }

        return true;
    }

    private static void UpgradeLayout(JsonArray items, List<Guid> keys)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            Rename(item, "contentUdi", "contentKey");
            Rename(item, "settingsUdi", "settingsKey");
            foreach (var area in (item["areas"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (area["items"] is JsonArray inner)
                {
                    UpgradeLayout(inner, keys);
                }
            }
        }
    }

    private static JsonArray UpgradeElements(JsonArray? elements, Func<Guid, ContentType?> elementTypes, string? culture, int depth)
    {
        var upgraded = new JsonArray();
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            if (element.ContainsKey("key") && element["values"] is JsonArray)
            {
                upgraded.Add(element.DeepClone());
                continue;
            }

            var typeKey = element["contentTypeKey"] is JsonValue k && k.TryGetValue<Guid>(out var key) ? key : Guid.Empty;
            var type = elementTypes(typeKey);
            var values = new JsonArray();
            foreach (var (alias, value) in element)
            {
                if (alias is "contentTypeKey" or "udi" or "key")
                {
                    continue;
                }

                var property = type?.FindProperty(alias);
                var editor = property?.EditorAlias;
                var inner = value?.DeepClone();
                if (editor is PropertyEditors.BlockList or PropertyEditors.BlockGrid or PropertyEditors.RichText)
                {
                    // Umbraco 14 kept nested block values as JSON text or as objects; both are upgraded in place.
                    var nested = inner is JsonValue v && v.TryGetValue<string>(out var nestedText) && LooksLikeJson(nestedText) ? JsonNode.Parse(nestedText) : inner;
                    if (Upgrade(nested, editor, elementTypes, culture, depth + 1))
                    {
                        inner = nested;
                    }
                }

                values.Add(new JsonObject
                {
                    ["editorAlias"] = editor,
                    ["culture"] = property?.VariesByCulture == true ? culture : null,
                    ["segment"] = null,
                    ["alias"] = alias,
                    ["value"] = inner,
                });
            }

            upgraded.Add(new JsonObject
            {
                ["contentTypeKey"] = element["contentTypeKey"]?.DeepClone(),
                ["key"] = ElementKey(element["udi"]),
                ["values"] = values,
            });
        }

        return upgraded;
    }

    private static void Rename(JsonObject item, string from, string to)
    {
        if (item.TryGetPropertyValue(from, out var udi))
        {
            item.Remove(from);
            item[to] = ElementKey(udi);
        }
    }

    /// <summary>The key of <c>umb://element/{32 hex}</c>, as text; null when it is none.</summary>
    private static string? ElementKey(JsonNode? udi) =>
        udi is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith("umb://element/", StringComparison.Ordinal)
            && Guid.TryParseExact(text["umb://element/".Length..], "N", out var key)
                ? key.ToString()
                : null;

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
