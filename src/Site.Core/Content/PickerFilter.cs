using System.Text.Json;

namespace Site.Core.Content;

/// <summary>
/// A content picker's rules: a multi-node tree picker's type filter (Umbraco's <c>filter</c> setting: the allowed document types, comma-separated,
/// by alias or by key), how many items it takes, and the picks a version makes with such pickers, at the top level and
/// inside block lists.
/// </summary>
internal static class PickerFilter
{
    /// <summary>A pick: where it is (property, culture, block position or null), the node picked and the allowed type aliases.</summary>
    public sealed record Pick(string Alias, string? Culture, string PropertyName, Guid Key, IReadOnlySet<string> Allowed);

    /// <summary>The aliases the data type allows; empty when it allows any (no filter, or Umbraco's "!" exclusion form).</summary>
    public static IReadOnlySet<string> AllowedTypes(ContentSchema schema, DataType? dataType)
    {
        var filter = DataTypeConfig.Read(dataType?.ConfigJson, string.Empty, static root =>
            root.TryGetProperty("filter", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() ?? string.Empty : string.Empty);
        if (filter.Length == 0 || filter.StartsWith('!'))
        {
            return new HashSet<string>();
        }

        return filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Guid.TryParse(t, out var key) ? schema.FindContentType(key)?.Alias : t)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// How many items a picker takes: one for a document picker, a multi-node tree picker's <c>maxNumber</c> (0, for any
    /// number, as Umbraco reads it).
    /// </summary>
    public static int MaxItems(PropertyType property, DataType? dataType)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.EditorAlias == PropertyEditors.ContentPicker
            ? 1
            : DataTypeConfig.Read(dataType?.ConfigJson, 0, static root =>
                root.TryGetProperty("maxNumber", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var n) && n > 0 ? n : 0);
    }

    /// <summary>A multi-node tree picker's <c>minNumber</c> (0 when it sets none).</summary>
    public static int MinItems(DataType? dataType) =>
        DataTypeConfig.Read(dataType?.ConfigJson, 0, static root =>
            root.TryGetProperty("minNumber", out var min) && min.ValueKind == JsonValueKind.Number && min.TryGetInt32(out var n) && n > 0 ? n : 0);

    /// <summary>Whether a multi-node tree picker picks documents (Umbraco's <c>startNode.type</c> "content", the default), not media or members.</summary>
    public static bool PicksDocuments(DataType? dataType) =>
        DataTypeConfig.Read(dataType?.ConfigJson, true, static root =>
            !root.TryGetProperty("startNode", out var start) || start.ValueKind != JsonValueKind.Object
            || !start.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || string.Equals(type.GetString(), "content", StringComparison.OrdinalIgnoreCase));

    /// <summary>Why a document tree picker's value does not fit: an item that is not a document udi, or too many or too few items.</summary>
    public static LocalizedText? Check(PropertyType property, DataType? dataType, string value)
    {
        ArgumentNullException.ThrowIfNull(property);
        var items = GenericValues.Items(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (ContentUdi.TryParse(items[i]) is null)
            {
                return Messages.PickedItemNotDocument.Format(property.Name, i + 1);
            }
        }

        var max = MaxItems(property, dataType);
        if (max > 0 && items.Count > max)
        {
            return Messages.TooManyPicked.Format(property.Name, max);
        }

        var min = MinItems(dataType);
        return items.Count < min ? Messages.TooFewPicked.Format(property.Name, min) : null;
    }

    /// <summary>Every node picked by a filtered multi-node tree picker in the version (blocks read in each site language).</summary>
    public static IReadOnlyList<Pick> Picks(ContentSchema schema, ContentType type, ContentData data)
    {
        var picks = new List<Pick>();
        foreach (var value in data.Values)
        {
            var property = type.FindProperty(value.Alias);
            if (property?.EditorAlias == PropertyEditors.MultiNodeTreePicker)
            {
                Add(picks, schema, property, value.Alias, value.Culture, value.Value);
            }
            else if (property?.EditorAlias == PropertyEditors.BlockList && value.Value.Length > 0)
            {
                foreach (var language in schema.Languages.All)
                {
                    foreach (var element in EditorValues.AllBlockElements(schema, value.Value, language.IsoCode))
                    {
                        foreach (var inner in element.ContentType?.Properties.Where(p => p.EditorAlias == PropertyEditors.MultiNodeTreePicker) ?? [])
                        {
                            Add(picks, schema, inner, value.Alias, value.Culture, element.Value(inner.Alias));
                        }
                    }
                }
            }
        }

        return picks;
    }

    private static void Add(List<Pick> picks, ContentSchema schema, PropertyType property, string alias, string? culture, string? value)
    {
        var allowed = AllowedTypes(schema, schema.DataTypes.GetValueOrDefault(property.DataTypeKey));
        if (allowed.Count == 0 || string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var key in GenericValues.Items(value).Select(ContentUdi.TryParse).OfType<Guid>())
        {
            picks.Add(new Pick(alias, culture, property.Name, key, allowed));
        }
    }
}
