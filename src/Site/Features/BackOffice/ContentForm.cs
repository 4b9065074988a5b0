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
                // One media key a line, in order (the picker's rows), with the pick's own focal point: key|left|top.
                PropertyEditors.MediaPicker => string.Join("\n", (JsonNode.Parse(stored)?.AsArray() ?? []).Select(PickText).Where(k => k is not null)),
                // Umbraco writes a date as midnight (2025-11-06T00:00:00): shown as the day, so the field is a date picker.
                PropertyEditors.DatePicker when stored.EndsWith("T00:00:00", StringComparison.Ordinal) && EditorValues.Date(stored) is { } day =>
                    day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
            case PropertyEditors.RichText:
                // The field edits the markup; the blocks it places stay with the value.
                return EditorValues.WithMarkup(previous, text);
            case PropertyEditors.TrueFalse:
                return text is "1" or "true" or "on" ? "1" : "0";
            default:
                return editorAlias is PropertyEditors.Numeric or PropertyEditors.DatePicker ? text.Trim() : text;
        }
    }

    /// <summary>The suffixes of a media picker row's focal point fields (the data type's local focal point).</summary>
    public const string FocalLeftSuffix = ".focalLeft";
    public const string FocalTopSuffix = ".focalTop";

    private static string? PickText(JsonNode? pick)
    {
        if (pick?["mediaKey"]?.GetValue<string>() is not { } key)
        {
            return null;
        }

        var point = pick["focalPoint"] is JsonObject focal && focal["left"] is JsonValue left && focal["top"] is JsonValue top
            ? $"|{Number(left)}|{Number(top)}"
            : null;
        // Crops as alias=x1,y1,x2,y2 (empty: around the focal point), in the pick's order.
        var crops = (pick["crops"] as JsonArray)?.OfType<JsonObject>()
            .Where(c => c["alias"] is JsonValue)
            .Select(c => c["alias"]!.GetValue<string>() + "=" + (c["coordinates"] is JsonObject xy
                ? string.Join(',', CoordinateNames.Select(n => xy[n] is JsonValue v ? Number(v) : string.Empty))
                : string.Empty))
            .ToList() ?? [];
        return crops.Count == 0 ? key + point : $"{key}{point ?? "||"}|{string.Join(';', crops)}";
    }

    private static readonly string[] CoordinateNames = ["x1", "y1", "x2", "y2"];

    /// <summary>The suffix of a media picker row's field for one crop's coordinates ("x1,y1,x2,y2"; empty: around the focal point).</summary>
    public static string CropSuffix(string cropAlias) => ".crop." + cropAlias;

    private static string Number(JsonValue value) => value.GetValue<double>().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The picker's rows (one media key a line, empty rows skipped) as a MediaPicker3 value. A row of an item that was
    /// picked before keeps its pick (key, crops, focal point), so reordering or adding loses nothing; text that is not
    /// a list of keys is kept as typed, for the check to refuse with a message.
    /// </summary>
    private static string MediaPicks(string text, string? previous, MediaPickerConfiguration? configuration = null)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = new List<(Guid Key, double[]? Focal, List<(string Alias, double[]? Coordinates)>? Crops)>();
        foreach (var line in lines)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (!Guid.TryParse(parts[0], out var key) || parts.Length is not (1 or 3 or 4))
            {
                return text.Trim();
            }

            List<(string, double[]?)>? crops = null;
            if (parts.Length == 4)
            {
                if (ReadCrops(parts[3]) is not { } read)
                {
                    return text.Trim();
                }

                crops = read;
            }

            double[]? focal = null;
            if (parts.Length >= 3 && (parts.Length == 3 || parts[1].Length > 0 || parts[2].Length > 0))
            {
                if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
                    || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var top))
                {
                    return text.Trim();
                }

                focal = [left, top];
            }

            keys.Add((key, focal, crops));
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
        foreach (var (key, focal, crops) in keys)
        {
            var kept = before.FirstOrDefault(p => Guid.TryParse(p["mediaKey"]?.GetValue<string>(), out var k) && k == key);
            JsonObject pick;
            if (kept is not null)
            {
                before.Remove(kept);
                pick = (JsonObject)kept.DeepClone();
            }
            else
            {
                pick = new JsonObject { ["key"] = Guid.NewGuid().ToString(), ["mediaKey"] = key.ToString() };
            }

            if (focal is not null)
            {
                pick["focalPoint"] = new JsonObject { ["left"] = focal[0], ["top"] = focal[1] };
            }
            else if (pick.ContainsKey("focalPoint"))
            {
                pick["focalPoint"] = null; // the row's focal point was cleared: the item's own applies
            }

            if (crops is not null)
            {
                SetCrops(pick, crops, configuration);
            }

            picks.Add(pick);
        }

        return picks.ToJsonString();
    }

    /// <summary>"alias=x1,y1,x2,y2;alias2=" as (alias, coordinates or null); null when it is not of that form.</summary>
    private static List<(string, double[]?)>? ReadCrops(string text)
    {
        var crops = new List<(string, double[]?)>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (alias, numbers) = entry.Split('=', 2) is [var a, var n] ? (a.Trim(), n.Trim()) : (string.Empty, string.Empty);
            if (alias.Length == 0)
            {
                return null;
            }

            if (numbers.Length == 0)
            {
                crops.Add((alias, null));
                continue;
            }

            var values = numbers.Split(',', StringSplitOptions.TrimEntries);
            var parsed = new double[4];
            if (values.Length != 4 || !values.Select((v, i) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i])).All(ok => ok))
            {
                return null;
            }

            crops.Add((alias, parsed));
        }

        return crops;
    }

    /// <summary>
    /// Sets the posted crops on a pick as Umbraco stores them (<c>{alias, width, height, coordinates}</c>, the size from
    /// the data type); an emptied crop goes back to the focal point (coordinates null). Crops not posted stay as they were.
    /// </summary>
    private static void SetCrops(JsonObject pick, List<(string Alias, double[]? Coordinates)> crops, MediaPickerConfiguration? configuration)
    {
        var list = pick["crops"] as JsonArray ?? [];
        foreach (var (alias, coordinates) in crops)
        {
            var crop = list.OfType<JsonObject>().FirstOrDefault(c => c["alias"] is JsonValue a && a.GetValue<string>() == alias);
            if (crop is null)
            {
                if (coordinates is null)
                {
                    continue;
                }

                var defined = configuration?.FindCrop(alias);
                crop = new JsonObject { ["alias"] = alias, ["width"] = defined?.Width ?? 0, ["height"] = defined?.Height ?? 0 };
                list.Add(crop);
            }

            crop["coordinates"] = coordinates is [var x1, var y1, var x2, var y2]
                ? new JsonObject { ["x1"] = x1, ["y1"] = y1, ["x2"] = x2, ["y2"] = y2 }
                : null;
        }

        if (list.Count > 0 && list.Parent is null)
        {
            pick["crops"] = list;
        }
    }

    /// <summary>The version a posted form describes: names and values of every culture, in the type's order.</summary>
    public static ContentData Read(IFormCollection form, ContentType type, IEnumerable<string> cultures, ContentData? previous, ContentSchema? schema = null)
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
                var text = property.EditorAlias == PropertyEditors.MediaPicker ? PickerRows(form, field) : form[field].LastOrDefault();
                var old = previous?.GetValue(property.Alias, culture);
                // A media picker's crops take their size from the data type (as Umbraco stores a pick's crops).
                var value = property.EditorAlias == PropertyEditors.MediaPicker && schema is not null && text is not null
                    && !string.Equals(ToText(property.EditorAlias, old), text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal)
                    ? MediaPicks(text.Replace("\r\n", "\n", StringComparison.Ordinal), old, MediaPickerConfiguration.Parse(schema.DataTypes.GetValueOrDefault(property.DataTypeKey)?.ConfigJson))
                    : FromText(property.EditorAlias, text, old);
                // Rich text with blocks: the editor posts the blocks beside the markup (JSON, checked on save).
                if (property.EditorAlias == PropertyEditors.RichText && value.Length > 0 && text is { Length: > 0 }
                    && form[BlocksField(field)].LastOrDefault() is { Length: > 0 } blocks && blocks != EditorValues.RichTextBlocksJson(old))
                {
                    value = EditorValues.RichTextWithBlocks(text.Replace("\r\n", "\n", StringComparison.Ordinal), blocks);
                }

                if (value.Length > 0)
                {
                    values.Add(new PropertyValue(property.Alias, culture, value));
                }
            }
        }

        return new ContentData(names, values);
    }

    /// <summary>
    /// A media picker's posted rows as its text: each chosen row's key, with the row's focal point fields when either
    /// is filled in (every row has both or neither, so the n-th of each belongs to the n-th row).
    /// </summary>
    private static string PickerRows(IFormCollection form, string field)
    {
        var rows = form[field];
        var lefts = form[field + FocalLeftSuffix];
        var tops = form[field + FocalTopSuffix];
        // Crop fields: one per crop and row (field.crop.{alias}); only when every row has one, so the n-th is the n-th row's.
        var prefix = field + CropSuffix(string.Empty);
        var crops = form.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length && form[k].Count == rows.Count)
            .Order(StringComparer.Ordinal)
            .Select(k => (Alias: k[prefix.Length..], Values: form[k]))
            .ToList();
        var lines = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rows[i]))
            {
                continue;
            }

            var left = i < lefts.Count && lefts.Count == rows.Count ? lefts[i]?.Trim() : null;
            var top = i < tops.Count && tops.Count == rows.Count ? tops[i]?.Trim() : null;
            var point = string.IsNullOrEmpty(left) && string.IsNullOrEmpty(top) ? null : $"|{left}|{top}";
            lines.Add(crops.Count == 0
                ? rows[i]!.Trim() + point
                : $"{rows[i]!.Trim()}{point ?? "||"}|{string.Join(';', crops.Select(c => c.Alias + "=" + c.Values[i]?.Trim()))}");
        }

        return string.Join("\n", lines);
    }

    /// <summary>The hidden field that carries a rich text field's blocks.</summary>
    public static string BlocksField(string valueField) => valueField + ":blocks";

    public static string InputType(string editorAlias, string value) => editorAlias switch
    {
        PropertyEditors.Numeric => "number",
        PropertyEditors.DatePicker when value.Length == 0 || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "date",
        _ => "text",
    };
}
