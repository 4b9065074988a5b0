using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Core.Content;

namespace Site.Features.BackOffice;

/// <summary>
/// The edit form generated from a content type: field names, how each editor shows a stored value as text, and how
/// posted text becomes a stored value again. A converted value that comes back unchanged keeps what was stored, so
/// that nothing the form cannot show (a link's target, a picker's extra keys) is lost by saving.
/// </summary>
public static class ContentForm
{
    public const string VersionField = "version";

    public static string NameField(string culture) => "name." + culture;

    public static string ValueField(string alias, string? culture) => culture is null ? "v." + alias : $"v.{alias}.{culture}";

    /// <summary>An HTML id for a field (dots are awkward in CSS selectors).</summary>
    public static string Id(string field) => "f-" + field.Replace('.', '-');

    /// <summary>The text an editor shows for a stored value.</summary>
    public static string ToText(string editorAlias, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return string.Empty;
        }

        try
        {
            return editorAlias switch
            {
                PropertyEditors.Tags => string.Join(", ", JsonSerializer.Deserialize<List<string>>(stored) ?? []),
                PropertyEditors.MultiUrlPicker => string.Join("\n", (JsonNode.Parse(stored)?.AsArray() ?? [])
                    .Select(l => $"{l?["name"]?.GetValue<string>()} | {l?["url"]?.GetValue<string>()}".Trim())),
                // The markup only, until the rich text widget exists; unchanged markup keeps the stored value (and its blocks).
                PropertyEditors.RichText => EditorValues.RichTextMarkup(stored) ?? stored,
                // One media key a line, in order: the picker's rows.
                PropertyEditors.MediaPicker => string.Join("\n", (JsonNode.Parse(stored)?.AsArray() ?? []).Select(m => m?["mediaKey"]?.GetValue<string>()).Where(k => k is not null)),
                _ => stored,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // A value the editor cannot read is shown as stored: the editor sees it and nothing is lost.
            return stored;
        }
    }

    /// <summary>The stored value for posted text; <paramref name="previous"/> is kept when the text did not change.</summary>
    public static string FromText(string editorAlias, string? text, string? previous)
    {
        text = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (previous is not null && string.Equals(ToText(editorAlias, previous), text, StringComparison.Ordinal))
        {
            return previous;
        }

        switch (editorAlias)
        {
            case PropertyEditors.Tags:
                var tags = text.Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
                return tags.Count == 0 ? string.Empty : JsonSerializer.Serialize(tags);
            case PropertyEditors.MultiUrlPicker:
                var links = new JsonArray();
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
                    var (name, url) = parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], parts[0]);
                    links.Add(new JsonObject { ["name"] = name, ["url"] = url });
                }

                return links.Count == 0 ? string.Empty : links.ToJsonString();
            case PropertyEditors.MediaPicker:
                return MediaPicks(text, previous);
            case PropertyEditors.TrueFalse:
                return text is "1" or "true" or "on" ? "1" : "0";
            default:
                return editorAlias is PropertyEditors.Numeric or PropertyEditors.DatePicker ? text.Trim() : text;
        }
    }

    /// <summary>
    /// The picker's rows (one media key a line, empty rows skipped) as a MediaPicker3 value. A row of an item that was
    /// picked before keeps its pick (key, crops, focal point), so reordering or adding loses nothing; text that is not
    /// a list of keys is kept as typed, for the check to refuse with a message.
    /// </summary>
    private static string MediaPicks(string text, string? previous)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = new List<Guid>();
        foreach (var line in lines)
        {
            if (!Guid.TryParse(line, out var key))
            {
                return text.Trim();
            }

            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            return string.Empty;
        }

        var before = new List<JsonNode>();
        try
        {
            before = [.. (previous is null ? null : JsonNode.Parse(previous) as JsonArray)?.OfType<JsonObject>() ?? []];
        }
        catch (JsonException)
        {
            // A stored value the picker cannot read: its rows start afresh.
        }

        var picks = new JsonArray();
        foreach (var key in keys)
        {
            var kept = before.FirstOrDefault(p => Guid.TryParse(p["mediaKey"]?.GetValue<string>(), out var k) && k == key);
            if (kept is not null)
            {
                before.Remove(kept);
                picks.Add(kept.DeepClone());
            }
            else
            {
                picks.Add(new JsonObject { ["key"] = Guid.NewGuid().ToString(), ["mediaKey"] = key.ToString() });
            }
        }

        return picks.ToJsonString();
    }

    /// <summary>The version a posted form describes: names and values of every culture, in the type's order.</summary>
    public static ContentData Read(IFormCollection form, ContentType type, IEnumerable<string> cultures, ContentData? previous)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(type);
        var cultureList = cultures.ToList();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in cultureList)
        {
            var name = form[NameField(culture)].ToString().Trim();
            if (name.Length > 0)
            {
                names[culture] = name;
            }
        }

        var values = new List<PropertyValue>();
        foreach (var property in type.Properties)
        {
            foreach (var culture in property.VariesByCulture ? cultureList.Cast<string?>() : [null])
            {
                var field = ValueField(property.Alias, culture);
                // An unchecked box sends nothing; its hidden twin sends "0". A media picker sends one row per item, in order.
                var text = property.EditorAlias == PropertyEditors.MediaPicker
                    ? string.Join("\n", form[field].Where(v => !string.IsNullOrWhiteSpace(v)))
                    : form[field].LastOrDefault();
                var value = FromText(property.EditorAlias, text, previous?.GetValue(property.Alias, culture));
                if (value.Length > 0)
                {
                    values.Add(new PropertyValue(property.Alias, culture, value));
                }
            }
        }

        return new ContentData(names, values);
    }

    public static string InputType(string editorAlias, string value) => editorAlias switch
    {
        PropertyEditors.Numeric => "number",
        PropertyEditors.DatePicker when value.Length == 0 || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "date",
        _ => "text",
    };
}
