using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Site.Core.Rendering;

namespace Site.Core.Content;

/// <summary>
/// Block values (Umbraco.BlockList, and the blocks of Umbraco.RichText) as Umbraco 15+ stores them:
/// <c>{"layout": {"Umbraco.BlockList": [{"contentKey", "settingsKey"}]}, "contentData": [{"contentTypeKey", "key",
/// "values": [{"editorAlias", "culture", "segment", "alias", "value"}]}], "settingsData": […], "expose": [{"contentKey",
/// "culture", "segment"}]}</c>. A value inside a block may carry a culture only when nothing above it varies by culture
/// (Umbraco's block-level variance); <c>expose</c> then says in which cultures a block is shown.
/// </summary>
public static partial class EditorValues
{
    /// <summary>The layout key of a block list value (the editor's alias, as Umbraco writes it).</summary>
    public const string BlockListLayout = PropertyEditors.BlockList;

    /// <summary>The layout key of the blocks inside a rich text value.</summary>
    public const string RichTextLayout = PropertyEditors.RichText;

    /// <summary>Blocks inside blocks inside blocks… stop here: deep enough for any page, and a bound for the checks.</summary>
    private const int MaxBlockDepth = 6;

    private static readonly JsonSerializerOptions BlockWriting = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The blocks of a block list value that are shown in the culture, in order; what does not fit is skipped.</summary>
    public static IReadOnlyList<BlockItem> Blocks(ContentSchema schema, string? value, string culture)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(culture);
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return ParseBlocks(document.RootElement, BlockListLayout, strict: false) is { } raw ? Items(schema, raw, culture) : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Every block of a block list value read in the culture, in layout order, whether or not it is shown there
    /// (<c>expose</c>): for rules across blocks, which hold for what an editor may later expose.
    /// </summary>
    internal static IReadOnlyList<BlockElement> AllBlockElements(ContentSchema schema, string? value, string culture)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return ParseBlocks(document.RootElement, BlockListLayout, strict: false) is { } raw
                ? [.. raw.Layout.Where(l => raw.Content.ContainsKey(l.ContentKey)).Select(l => Element(schema, raw.Content[l.ContentKey], culture))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The markup and blocks of a rich text value in a culture; null when it is empty or not rich text.</summary>
    public static RichTextValue? RichText(ContentSchema schema, string? value, string culture)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (ReadRichText(value, out var blocks, out _) is not { } markup)
        {
            return null;
        }

        return new RichTextValue(markup, RichTextBlocks(schema, blocks, culture));
    }

    /// <summary>
    /// The words of the blocks shown in a culture, for the search index: text values as they are, rich text as its markup
    /// (the caller strips the tags), blocks inside blocks too. Read by each value's stored editor alias, so it needs no schema.
    /// </summary>
    public static IReadOnlyList<(string Text, bool IsMarkup)> BlockTexts(string? value, string culture)
    {
        var texts = new List<(string, bool)>();
        CollectTexts(value, BlockListLayout, culture, texts, 0);
        return texts;
    }

    /// <summary>The words of the blocks placed in a rich text value, in a culture (see <see cref="BlockTexts"/>).</summary>
    public static IReadOnlyList<(string Text, bool IsMarkup)> RichTextBlockTexts(string? value, string culture)
    {
        var texts = new List<(string, bool)>();
        if (ReadRichText(value, out var blocks, out _) is not null)
        {
            CollectTexts(blocks, RichTextLayout, culture, texts, 0);
        }

        return texts;
    }

    private static void CollectTexts(string? value, string layoutAlias, string culture, List<(string, bool)> texts, int depth)
    {
        if (string.IsNullOrEmpty(value) || value is "null" || depth >= MaxBlockDepth)
        {
            return;
        }

        RawBlocks? raw;
        try
        {
            using var document = JsonDocument.Parse(value);
            raw = ParseBlocks(document.RootElement, layoutAlias, strict: false);
        }
        catch (JsonException)
        {
            return;
        }

        foreach (var layout in raw?.Layout ?? [])
        {
            if (!raw!.Content.TryGetValue(layout.ContentKey, out var element) || !raw.IsExposed(layout.ContentKey, culture))
            {
                continue;
            }

            foreach (var v in element.Values.Where(v => v.Value is not null && (v.Culture is null || string.Equals(v.Culture, culture, StringComparison.OrdinalIgnoreCase))))
            {
                switch (v.EditorAlias)
                {
                    case PropertyEditors.TextBox or PropertyEditors.TextArea or PropertyEditors.Markdown:
                        texts.Add((v.Value!, false));
                        break;
                    case PropertyEditors.RichText when ReadRichText(v.Value, out var inner, out _) is { } markup:
                        texts.Add((markup, true));
                        CollectTexts(inner, RichTextLayout, culture, texts, depth + 1);
                        break;
                    case PropertyEditors.BlockList:
                        CollectTexts(v.Value, BlockListLayout, culture, texts, depth + 1);
                        break;
                }
            }
        }
    }

    /// <summary>The blocks of a rich text value as their JSON text; null when it holds none (or is not rich text).</summary>
    public static string? RichTextBlocksJson(string? value) =>
        ReadRichText(value, out var blocks, out _) is not null && blocks is not (null or "null") ? blocks : null;

    /// <summary>A rich text value of this markup and these blocks (their JSON as posted; checked when saved).</summary>
    public static string RichTextWithBlocks(string markup, string blocksJson)
    {
        ArgumentNullException.ThrowIfNull(markup);
        ArgumentNullException.ThrowIfNull(blocksJson);
        return $"{{\"markup\":{JsonSerializer.Serialize(markup, BlockWriting)},\"blocks\":{blocksJson}}}";
    }

    /// <summary>
    /// New markup for a rich text value that keeps the blocks of <paramref name="previous"/> (a form edits the markup
    /// only); the markup itself when the previous value held no blocks.
    /// </summary>
    public static string WithMarkup(string? previous, string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        if (markup.Length == 0 || ReadRichText(previous, out var blocks, out _) is null || blocks is null or "null" || RichTextBlockKeys(blocks).Count == 0)
        {
            return markup;
        }

        return $"{{\"markup\":{JsonSerializer.Serialize(markup, BlockWriting)},\"blocks\":{blocks}}}";
    }

    /// <summary>The markup of a rich text value (not sanitized) and the keys of the blocks it holds; null when empty or not rich text.</summary>
    internal static string? RichTextMarkup(string? value, out IReadOnlySet<Guid> blockKeys)
    {
        var markup = ReadRichText(value, out var blocks, out _);
        blockKeys = markup is null ? new HashSet<Guid>() : RichTextBlockKeys(blocks);
        return markup;
    }

    /// <summary>The keys of the blocks a rich text value holds: the only ones its markup may place.</summary>
    internal static IReadOnlySet<Guid> RichTextBlockKeys(string? blocks)
    {
        if (string.IsNullOrEmpty(blocks))
        {
            return new HashSet<Guid>();
        }

        try
        {
            using var document = JsonDocument.Parse(blocks);
            return ParseBlocks(document.RootElement, RichTextLayout, strict: false) is { } raw
                ? raw.Layout.Select(l => l.ContentKey).Where(raw.Content.ContainsKey).ToHashSet()
                : new HashSet<Guid>();
        }
        catch (JsonException)
        {
            return new HashSet<Guid>();
        }
    }

    private static List<BlockItem> RichTextBlocks(ContentSchema schema, string? blocks, string culture)
    {
        if (string.IsNullOrEmpty(blocks))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(blocks);
            return ParseBlocks(document.RootElement, RichTextLayout, strict: false) is { } raw ? Items(schema, raw, culture) : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<BlockItem> Items(ContentSchema schema, RawBlocks raw, string culture)
    {
        var items = new List<BlockItem>(raw.Layout.Count);
        foreach (var layout in raw.Layout)
        {
            if (!raw.Content.TryGetValue(layout.ContentKey, out var content) || !raw.IsExposed(layout.ContentKey, culture))
            {
                continue;
            }

            var settings = layout.SettingsKey is { } s && raw.Settings.TryGetValue(s, out var found) ? Element(schema, found, culture) : null;
            items.Add(new BlockItem(Element(schema, content, culture), settings));
        }

        return items;
    }

    private static BlockElement Element(ContentSchema schema, RawElement raw, string culture)
    {
        var type = schema.FindContentType(raw.TypeKey);
        return new BlockElement(raw.Key, raw.TypeKey, type is { IsElement: true } ? type : null,
            [.. raw.Values.Where(v => v.Value is not null).Select(v => new PropertyValue(v.Alias, v.Culture, v.Value!))], culture);
    }

    /// <summary>Why a block value does not fit: its shape, the data type's rules, and every value inside by its own editor's rule.</summary>
    private static LocalizedText? CheckBlocks(ContentSchema schema, PropertyType property, JsonElement root, string layoutAlias, Nesting nesting)
    {
        var name = property.Name;
        if (nesting.Depth >= MaxBlockDepth)
        {
            return Messages.BlocksTooDeep.Format(name);
        }

        if (ParseBlocks(root, layoutAlias, strict: true) is not { } raw)
        {
            return layoutAlias == BlockListLayout ? Messages.NotBlockList.Format(name) : Messages.NotRichText.Format(name);
        }

        if (raw.DuplicateKey)
        {
            return Messages.BlockKeyTwice.Format(name);
        }

        var config = BlockConfiguration.Of(schema.DataTypes.GetValueOrDefault(property.DataTypeKey));
        if (layoutAlias == BlockListLayout)
        {
            if (config.Min is > 0 and var min && raw.Layout.Count < min)
            {
                return Messages.TooFewBlocks.Format(name, min);
            }

            if (config.Max is > 0 and var max && raw.Layout.Count > max)
            {
                return Messages.TooManyBlocks.Format(name, max);
            }
        }

        foreach (var (contentKey, culture) in raw.Expose)
        {
            if (!raw.Content.ContainsKey(contentKey) || (culture is not null && !schema.Languages.Contains(culture)))
            {
                return Messages.BlockExposeWrong.Format(name);
            }
        }

        var position = 0;
        foreach (var layout in raw.Layout)
        {
            position++;
            if (!raw.Content.TryGetValue(layout.ContentKey, out var content))
            {
                return Messages.BlockWithoutContent.Format(name, position);
            }

            var blockType = config.Find(content.TypeKey);
            if (blockType is null || schema.FindContentType(content.TypeKey) is not { IsElement: true } elementType)
            {
                return Messages.BlockTypeNotAllowed.Format(name, position, schema.FindContentType(content.TypeKey)?.Name ?? content.TypeKey.ToString());
            }

            var exposedCultures = raw.Expose.Where(e => e.Key == content.Key && e.Culture is not null).Select(e => e.Culture!).ToList();
            if (CheckElement(schema, name, position, elementType, content, exposedCultures, nesting) is { } problem)
            {
                return problem;
            }

            if (layout.SettingsKey is { } settingsKey)
            {
                if (!raw.Settings.TryGetValue(settingsKey, out var settings) || settings.TypeKey != blockType.SettingsElementTypeKey
                    || schema.FindContentType(settings.TypeKey) is not { IsElement: true } settingsType)
                {
                    return Messages.BlockSettingsWrong.Format(name, position);
                }

                if (CheckElement(schema, name, position, settingsType, settings, exposedCultures, nesting) is { } settingsProblem)
                {
                    return settingsProblem;
                }
            }
        }

        return null;
    }

    private static LocalizedText? CheckElement(
        ContentSchema schema, string hostName, int position, ContentType type, RawElement element, List<string> exposedCultures, Nesting nesting)
    {
        LocalizedText At(LocalizedText inner) => Messages.BlockValueProblem.Format(hostName, position, type.Name, inner);

        var seen = new HashSet<(string, string)>();
        foreach (var value in element.Values)
        {
            if (type.FindProperty(value.Alias) is not { } property)
            {
                return At(Messages.UnknownProperty.Format(value.Alias));
            }

            if (value.EditorAlias is not null && !string.Equals(value.EditorAlias, property.EditorAlias, StringComparison.Ordinal))
            {
                return At(Messages.BlockEditorMismatch.Format(property.Name, property.EditorAlias));
            }

            if (!seen.Add((value.Alias, (value.Culture ?? string.Empty).ToUpperInvariant())))
            {
                return At(Messages.DuplicateValue.Format(value.Alias));
            }

            // Block-level variance: a culture of its own only for a varying property in a value that does not vary.
            var ownCultures = property.VariesByCulture && !nesting.Varies;
            if (value.Culture is not null && !schema.Languages.Contains(value.Culture))
            {
                return At(Messages.UnknownCulture.Format(value.Culture));
            }

            if (value.Culture is not null && !ownCultures)
            {
                return At(Messages.InvariantGivenCulture.Format(value.Alias));
            }

            if (value.Culture is null && ownCultures)
            {
                return At(Messages.VariantWithoutCulture.Format(value.Alias));
            }

            if (!string.IsNullOrEmpty(value.Value)
                && ContentValidator.CheckValue(schema, property, value.Value, nesting.Inside(value.Culture is not null)) is { } problem)
            {
                return At(problem);
            }
        }

        foreach (var property in type.Properties.Where(p => p.Mandatory))
        {
            var ownCultures = property.VariesByCulture && !nesting.Varies;
            var cultures = ownCultures ? exposedCultures.Select(c => (string?)c).ToList() : [null];
            foreach (var culture in cultures)
            {
                if (!element.Values.Any(v => v.Alias == property.Alias && string.Equals(v.Culture, culture, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(v.Value)))
                {
                    return At(Messages.Required.Format(property.Name));
                }
            }
        }

        return null;
    }

    private static readonly JsonDocumentOptions UniqueNames = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// A block value as saving stores it: rich text inside its blocks sanitized (recursively, blocks in rich text in
    /// blocks too); unchanged, byte for byte, when nothing needed cleaning or it is not a block value.
    /// </summary>
    internal static string NormalizeBlocks(ContentSchema schema, string value, int depth = 0)
    {
        if (depth >= MaxBlockDepth)
        {
            return value;
        }

        JsonNode? root;
        try
        {
            // A name twice in one object would make the node throw when it is read: refused here, and by the check.
            root = JsonNode.Parse(value, documentOptions: UniqueNames);
        }
        catch (JsonException)
        {
            return value;
        }

        return root is JsonObject blocks && NormalizeElements(schema, blocks, depth) ? blocks.ToJsonString(BlockWriting) : value;
    }

    private static bool NormalizeElements(ContentSchema schema, JsonObject blocks, int depth)
    {
        var changed = false;
        foreach (var list in (string[])["contentData", "settingsData"])
        {
            if (blocks[list] is not JsonArray elements)
            {
                continue;
            }

            foreach (var element in elements.OfType<JsonObject>())
            {
                var type = element["contentTypeKey"] is JsonValue k && k.TryGetValue<string>(out var text) && Guid.TryParse(text, out var key)
                    ? schema.FindContentType(key)
                    : null;
                if (type is null || element["values"] is not JsonArray values)
                {
                    continue;
                }

                foreach (var item in values.OfType<JsonObject>())
                {
                    var alias = item["alias"] is JsonValue a && a.TryGetValue<string>(out var s) ? s : null;
                    var property = alias is null ? null : type.FindProperty(alias);
                    var editor = property?.EditorAlias;
                    if (editor is not (PropertyEditors.RichText or PropertyEditors.BlockList) || item["value"] is not { } node)
                    {
                        continue;
                    }

                    var before = node is JsonValue v && v.TryGetValue<string>(out var str) ? str : node.ToJsonString();
                    var after = editor == PropertyEditors.RichText ? NormalizeRichText(schema, before, depth + 1, RichTextConfigurationOf(schema, property)) : NormalizeBlocks(schema, before, depth + 1);
                    if (!string.Equals(before, after, StringComparison.Ordinal))
                    {
                        // Rich text inside a block is stored as Umbraco stores it there: the JSON object itself.
                        item["value"] = after.AsSpan().TrimStart().StartsWith("{") ? JsonNode.Parse(after, documentOptions: UniqueNames) : JsonValue.Create(after);
                        changed = true;
                    }
                }
            }
        }

        return changed;
    }

    /// <summary>The blocks of a value read as JSON: strict (for the check) refuses any part of the wrong shape; otherwise it is skipped.</summary>
    private static RawBlocks? ParseBlocks(JsonElement root, string layoutAlias, bool strict)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var raw = new RawBlocks();
        foreach (var field in root.EnumerateObject())
        {
            var ok = field.Name switch
            {
                "layout" => ReadLayout(field.Value, layoutAlias, raw, strict),
                "contentData" => ReadElements(field.Value, raw.Content, raw, strict),
                "settingsData" => ReadElements(field.Value, raw.Settings, raw, strict),
                "expose" => ReadExpose(field.Value, raw, strict),
                _ => !strict,
            };
            if (!ok)
            {
                return null;
            }
        }

        return raw;
    }

    private static bool ReadLayout(JsonElement layout, string layoutAlias, RawBlocks raw, bool strict)
    {
        if (layout.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (layout.ValueKind != JsonValueKind.Object)
        {
            return !strict;
        }

        foreach (var editor in layout.EnumerateObject())
        {
            if (editor.Name != layoutAlias || editor.Value.ValueKind != JsonValueKind.Array)
            {
                if (strict)
                {
                    return false;
                }

                continue;
            }

            foreach (var item in editor.Value.EnumerateArray())
            {
                Guid? content = null, settings = null;
                var fits = item.ValueKind == JsonValueKind.Object;
                if (fits)
                {
                    foreach (var f in item.EnumerateObject())
                    {
                        switch (f.Name)
                        {
                            case "contentKey" when f.Value.ValueKind == JsonValueKind.String && f.Value.TryGetGuid(out var c):
                                content = c;
                                break;
                            case "settingsKey" when f.Value.ValueKind == JsonValueKind.Null:
                                break;
                            case "settingsKey" when f.Value.ValueKind == JsonValueKind.String && f.Value.TryGetGuid(out var s):
                                settings = s;
                                break;
                            default:
                                fits = false;
                                break;
                        }
                    }
                }

                if (fits && content is { } key)
                {
                    raw.Layout.Add(new RawLayout(key, settings));
                }
                else if (strict)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ReadElements(JsonElement list, Dictionary<Guid, RawElement> into, RawBlocks raw, bool strict)
    {
        if (list.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return !strict;
        }

        foreach (var item in list.EnumerateArray())
        {
            var element = ReadElement(item, strict);
            if (element is null)
            {
                if (strict)
                {
                    return false;
                }

                continue;
            }

            if (!into.TryAdd(element.Key, element))
            {
                raw.DuplicateKey = true;
            }
        }

        return true;
    }

    private static RawElement? ReadElement(JsonElement item, bool strict)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        Guid? key = null, type = null;
        var values = new List<RawValue>();
        foreach (var f in item.EnumerateObject())
        {
            switch (f.Name)
            {
                case "key" when f.Value.ValueKind == JsonValueKind.String && f.Value.TryGetGuid(out var k):
                    key = k;
                    break;
                case "contentTypeKey" when f.Value.ValueKind == JsonValueKind.String && f.Value.TryGetGuid(out var t):
                    type = t;
                    break;
                case "values" when f.Value.ValueKind == JsonValueKind.Array:
                    foreach (var v in f.Value.EnumerateArray())
                    {
                        if (ReadValue(v) is { } value)
                        {
                            values.Add(value);
                        }
                        else if (strict)
                        {
                            return null;
                        }
                    }

                    break;
                default:
                    if (strict)
                    {
                        return null;
                    }

                    break;
            }
        }

        return key is { } elementKey && type is { } typeKey ? new RawElement(elementKey, typeKey, values) : null;
    }

    private static RawValue? ReadValue(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? alias = null, culture = null, editor = null, value = null;
        foreach (var f in item.EnumerateObject())
        {
            var v = f.Value;
            switch (f.Name)
            {
                case "alias" when v.ValueKind == JsonValueKind.String:
                    alias = v.GetString();
                    break;
                case "culture" when v.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    culture = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    break;
                case "editorAlias" when v.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    editor = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    break;
                case "segment" when v.ValueKind == JsonValueKind.Null:
                    break;
                case "value":
                    value = v.ValueKind switch
                    {
                        JsonValueKind.String => v.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        JsonValueKind.True => "1",
                        JsonValueKind.False => "0",
                        _ => v.GetRawText(),
                    };
                    break;
                default:
                    return null;
            }
        }

        return string.IsNullOrEmpty(alias) ? null : new RawValue(alias, string.IsNullOrEmpty(culture) ? null : culture, editor, value);
    }

    private static bool ReadExpose(JsonElement list, RawBlocks raw, bool strict)
    {
        if (list.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return !strict;
        }

        foreach (var item in list.EnumerateArray())
        {
            Guid? key = null;
            string? culture = null;
            var fits = item.ValueKind == JsonValueKind.Object;
            if (fits)
            {
                foreach (var f in item.EnumerateObject())
                {
                    switch (f.Name)
                    {
                        case "contentKey" when f.Value.ValueKind == JsonValueKind.String && f.Value.TryGetGuid(out var k):
                            key = k;
                            break;
                        case "culture" when f.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                            culture = f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString() : null;
                            break;
                        case "segment" when f.Value.ValueKind == JsonValueKind.Null:
                            break;
                        default:
                            fits = false;
                            break;
                    }
                }
            }

            if (fits && key is { } contentKey)
            {
                raw.Expose.Add((contentKey, string.IsNullOrEmpty(culture) ? null : culture));
            }
            else if (strict)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The http(s) address of a video on one of the data type's allowed hosts (its <c>allowedHosts</c> setting), else null.</summary>
    public static Uri? AllowedHostUrl(DataType? dataType, string? value)
    {
        if (dataType is null || string.IsNullOrEmpty(value) || !IsAllowedUrl(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var hosts = AllowedHosts(dataType);
        return hosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase) ? uri : null;
    }

    /// <summary>The hosts a data type's <c>allowedHosts</c> setting names (empty when it has none).</summary>
    public static IReadOnlyList<string> AllowedHosts(DataType dataType)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        try
        {
            using var document = JsonDocument.Parse(dataType.ConfigJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("allowedHosts", out var hosts) && hosts.ValueKind == JsonValueKind.Array
                    ? [.. hosts.EnumerateArray().Where(h => h.ValueKind == JsonValueKind.String).Select(h => h.GetString()!)]
                    : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>How deep a value sits in blocks, and whether anything above it varies by culture.</summary>
    internal readonly record struct Nesting(int Depth, bool Varies)
    {
        public Nesting Inside(bool culture) => new(Depth + 1, Varies || culture);
    }

    private sealed record RawValue(string Alias, string? Culture, string? EditorAlias, string? Value);

    private sealed record RawElement(Guid Key, Guid TypeKey, List<RawValue> Values);

    private sealed record RawLayout(Guid ContentKey, Guid? SettingsKey);

    private sealed class RawBlocks
    {
        public List<RawLayout> Layout { get; } = [];

        public Dictionary<Guid, RawElement> Content { get; } = [];

        public Dictionary<Guid, RawElement> Settings { get; } = [];

        public List<(Guid Key, string? Culture)> Expose { get; } = [];

        public bool DuplicateKey { get; set; }

        /// <summary>Shown in a culture when exposed in it or invariantly; a value without any expose shows every block (older values).</summary>
        public bool IsExposed(Guid key, string culture) =>
            Expose.Count == 0 || Expose.Any(e => e.Key == key && (e.Culture is null || string.Equals(e.Culture, culture, StringComparison.OrdinalIgnoreCase)));
    }
}
