using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Site.Core.Content;

/// <summary>A block as a page, the API or the index reads it: its content element and its settings element (or none).</summary>
public sealed record BlockItem(BlockElement Content, BlockElement? Settings);

/// <summary>
/// An element of a block value (Umbraco's contentData or settingsData item): its key, its element type (null when the
/// schema does not know the key) and its values, read in one culture.
/// </summary>
public sealed class BlockElement(Guid key, Guid contentTypeKey, ContentType? contentType, IReadOnlyList<PropertyValue> values, string culture)
{
    public Guid Key { get; } = key;

    public Guid ContentTypeKey { get; } = contentTypeKey;

    public ContentType? ContentType { get; } = contentType;

    /// <summary>The element type's alias; empty when the type is unknown.</summary>
    public string ContentTypeAlias => ContentType?.Alias ?? string.Empty;

    /// <summary>The culture the element is read in.</summary>
    public string Culture { get; } = culture;

    /// <summary>Every stored value, in every culture (a block's own cultures: Umbraco's block-level variance).</summary>
    public IReadOnlyList<PropertyValue> Values { get; } = values;

    /// <summary>
    /// The value of a property in the element's culture: a culture's own value (block-level variance) first, else the
    /// invariant one. Null when empty, absent or not a property of the type.
    /// </summary>
    public string? Value(string alias)
    {
        if (ContentType?.FindProperty(alias) is not { } property)
        {
            return null;
        }

        string? invariant = null;
        foreach (var value in Values)
        {
            if (!string.Equals(value.Alias, alias, StringComparison.Ordinal) || string.IsNullOrEmpty(value.Value))
            {
                continue;
            }

            if (value.Culture is null)
            {
                invariant = value.Value;
            }
            else if (property.VariesByCulture && string.Equals(value.Culture, Culture, StringComparison.OrdinalIgnoreCase))
            {
                return value.Value;
            }
        }

        return invariant;
    }

    public IReadOnlyList<LinkValue> LinksValue(string alias) => EditorValues.Links(Value(alias));

    public IReadOnlyList<Guid> MediaKeysValue(string alias) => EditorValues.MediaKeys(Value(alias));

    public string? RichTextMarkup(string alias) => EditorValues.RichTextMarkup(Value(alias));

    public Guid? PickedKey(string alias) => EditorValues.ContentKey(Value(alias));
}

/// <summary>A rich text value read in a culture: its markup (not sanitized) and the blocks it places.</summary>
public sealed record RichTextValue(string Markup, IReadOnlyList<BlockItem> Blocks);

/// <summary>What a Block List or rich text data type allows: which element types, how many blocks (Umbraco's configuration).</summary>
public sealed record BlockConfiguration(IReadOnlyList<BlockType> Blocks, int? Min, int? Max)
{
    private static readonly ConditionalWeakTable<DataType, BlockConfiguration> Parsed = [];

    public static BlockConfiguration None { get; } = new([], null, null);

    public BlockType? Find(Guid contentElementTypeKey) => Blocks.FirstOrDefault(b => b.ContentElementTypeKey == contentElementTypeKey);

    /// <summary>
    /// The configuration of a data type, read once: <c>blocks: [{contentElementTypeKey, settingsElementTypeKey, label, displayInline}]</c>
    /// and <c>validationLimit: {min, max}</c>. What does not fit is ignored (no blocks allowed).
    /// </summary>
    public static BlockConfiguration Of(DataType? dataType) =>
        dataType is null ? None : Parsed.GetValue(dataType, static d => Parse(d.ConfigJson));

    private static BlockConfiguration Parse(string configJson)
    {
        return DataTypeConfig.Read(configJson, None, static root =>
        {
            var blocks = new List<BlockType>();
            if (root.TryGetProperty("blocks", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var block in list.EnumerateArray())
                {
                    if (block.ValueKind == JsonValueKind.Object
                        && block.TryGetProperty("contentElementTypeKey", out var content) && content.ValueKind == JsonValueKind.String && content.TryGetGuid(out var contentKey))
                    {
                        Guid? settingsKey = block.TryGetProperty("settingsElementTypeKey", out var settings) && settings.ValueKind == JsonValueKind.String && settings.TryGetGuid(out var s) ? s : null;
                        var label = block.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                        var inline = block.TryGetProperty("displayInline", out var d) && d.ValueKind == JsonValueKind.True;
                        blocks.Add(new BlockType(contentKey, settingsKey, label, inline));
                    }
                }
            }

            int? min = null, max = null;
            if (root.TryGetProperty("validationLimit", out var limit) && limit.ValueKind == JsonValueKind.Object)
            {
                min = limit.TryGetProperty("min", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var mn) ? mn : null;
                max = limit.TryGetProperty("max", out var x) && x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out var mx) ? mx : null;
            }

            return new BlockConfiguration(blocks, min, max);
        });
    }
}

/// <summary>A block a data type allows; <see cref="DisplayInline"/> (Umbraco's <c>displayInline</c>): rich text places it in a sentence.</summary>
public sealed record BlockType(Guid ContentElementTypeKey, Guid? SettingsElementTypeKey, string? Label, bool DisplayInline = false);
