using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Site.Core.Content;

/// <summary>How a value of an editor the site does not render in a view of its own is shown.</summary>
public enum GenericKind
{
    Text,
    List,
    Number,
    Date,
    Link,
    Colour,
    Image,
}

/// <summary>
/// A readable form of a value: <see cref="Text"/> (or the <see cref="Items"/> of a list), a link's <see cref="Url"/>
/// (only a site path or an http(s) address), a colour's <see cref="Colour"/> (only <c>#</c> and hex digits, so it is safe in a style).
/// </summary>
public sealed record GenericValue(GenericKind Kind, string Text, IReadOnlyList<string> Items, string? Url = null, string? Colour = null);

/// <summary>
/// Values of Umbraco's core editors that the engine stores as they come (<see cref="PropertyEditors.Generic"/>): the
/// readers here turn them into something a page or the Delivery API can show, skipping what does not fit.
/// </summary>
public static partial class GenericValues
{
    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Hex();

    /// <summary>The value as a page shows it; null when empty or of no readable shape.</summary>
    public static GenericValue? Display(string editorAlias, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        switch (editorAlias)
        {
            case PropertyEditors.DecimalNumber or PropertyEditors.Slider:
                return Number(value) is { } number ? new(GenericKind.Number, number.ToString(CultureInfo.InvariantCulture), []) : Plain(value);
            case PropertyEditors.ColorPicker or PropertyEditors.EyeDropper:
                return Colour(value) is var (hex, label) ? new(GenericKind.Colour, label ?? hex, [], Colour: hex) : null;
            case PropertyEditors.UploadField:
                return SafeUrl(value) is { } url ? new(GenericKind.Link, Path.GetFileName(url), [], url) : null;
            case PropertyEditors.ImageCropper:
                return SafeUrl(ImageSource(value)) is { } src ? new(GenericKind.Image, Path.GetFileName(src), [], src) : null;
            case PropertyEditors.EmailAddress:
                return value.Contains('@', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace)
                    ? new(GenericKind.Link, value, [], "mailto:" + value)
                    : Plain(value);
            case PropertyEditors.MultipleTextstring:
                return List(value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            case PropertyEditors.DropDown or PropertyEditors.CheckBoxList or PropertyEditors.RadioButtonList:
                return List(Items(value));
            case PropertyEditors.MultiNodeTreePicker or PropertyEditors.LegacyMediaPicker or PropertyEditors.MemberPicker or PropertyEditors.MemberGroupPicker:
                return List(Items(value));
            case PropertyEditors.BlockGrid or PropertyEditors.ListView:
                return null; // blocks are shown as blocks; a list view is the node's children
            default:
                return Plain(value);
        }
    }

    /// <summary>The items of a list value: a JSON list of texts, or text separated by commas (pickers) or line breaks.</summary>
    public static IReadOnlyList<string> Items(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var trimmed = value.Trim();
        if (trimmed[0] == '[')
        {
            try
            {
                return JsonNode.Parse(trimmed) is JsonArray array
                    ? [.. array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : i?.ToJsonString()).OfType<string>().Where(s => s.Length > 0)]
                    : [];
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return trimmed.Split(trimmed.Contains('\n', StringComparison.Ordinal) ? '\n' : ',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A number as Umbraco's decimal and slider editors store it (a slider range as its first value).</summary>
    public static decimal? Number(string? value)
    {
        var first = value?.Split(',')[0].Trim();
        return decimal.TryParse(first, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>A colour: <c>#</c> and hex digits, with its label when the picker stores one (<c>{"value", "label"}</c>).</summary>
    public static (string Hex, string? Label)? Colour(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string? hex = value.Trim(), label = null;
        if (hex.StartsWith('{'))
        {
            try
            {
                var node = JsonNode.Parse(hex) as JsonObject;
                hex = node?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                label = node?["label"] is JsonValue l && l.TryGetValue<string>(out var t) && t.Length > 0 ? t : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return hex is not null && Hex().IsMatch(hex) ? ("#" + hex.TrimStart('#').ToLowerInvariant(), label) : null;
    }

    /// <summary>The image an image cropper value points at (<c>{"src": …}</c>, or a path as older values hold).</summary>
    public static string? ImageSource(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.TrimStart().StartsWith('{'))
        {
            return value?.Trim();
        }

        try
        {
            return JsonNode.Parse(value)?["src"] is JsonValue v && v.TryGetValue<string>(out var src) ? src : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A path on this site or an http(s) address; anything else (javascript:, data:, //host) is null.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
    }

    /// <summary>
    /// The blocks of a block grid value in reading order (areas inside their block), as a block list value, so that the
    /// block readers and views serve grids too.
    /// </summary>
    public static string? GridAsBlockList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(value) is not JsonObject grid || grid["layout"]?[PropertyEditors.BlockGrid] is not JsonArray items)
            {
                return null;
            }

            var flat = new JsonArray();
            Flatten(items, flat, 0);
            var list = new JsonObject
            {
                ["layout"] = new JsonObject { [PropertyEditors.BlockList] = flat },
                ["contentData"] = grid["contentData"]?.DeepClone() ?? new JsonArray(),
                ["settingsData"] = grid["settingsData"]?.DeepClone() ?? new JsonArray(),
                ["expose"] = grid["expose"]?.DeepClone() ?? new JsonArray(),
            };
            return list.ToJsonString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(JsonArray items, JsonArray into, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            into.Add(new JsonObject { ["contentKey"] = item["contentKey"]?.DeepClone(), ["settingsKey"] = item["settingsKey"]?.DeepClone() });
            foreach (var area in (item["areas"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (area["items"] is JsonArray inner)
                {
                    Flatten(inner, into, depth + 1);
                }
            }
        }
    }

    private static GenericValue Plain(string value) => new(GenericKind.Text, value, []);

    private static GenericValue? List(IReadOnlyList<string> items) => items.Count == 0 ? null : new(GenericKind.List, string.Join(", ", items), items);
}
