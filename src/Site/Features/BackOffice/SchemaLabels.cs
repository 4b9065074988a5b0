using Site.Core.Content;

namespace Site.Features.BackOffice;

/// <summary>
/// The names of content types and properties in the editor's language: the uSync dictionary's "label.{alias}" and
/// "label.type.{alias}" items, as Umbraco translates labels through its dictionary; the schema's own name otherwise.
/// </summary>
public sealed class SchemaLabels(ContentSchema schema, string culture)
{
    public string Property(PropertyType property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return Translate("label." + property.Alias) ?? property.Name;
    }

    public string Type(ContentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Translate("label.type." + type.Alias) ?? type.Name;
    }

    /// <summary>
    /// The help text under a property's field: hint.{type}.{alias}, else hint.{alias} from the dictionary in the editor's
    /// language, else the schema's own (English) description; null when there is none.
    /// </summary>
    public string? Description(ContentType type, PropertyType property)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(property);
        return Translate($"hint.{type.Alias}.{property.Alias}") ?? Translate("hint." + property.Alias)
            ?? (string.IsNullOrWhiteSpace(property.Description) ? null : property.Description);
    }

    /// <summary>What a content type is for (hint.type.{alias}), in the editor's language where the dictionary has it.</summary>
    public string? Description(ContentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Translate("hint.type." + type.Alias) ?? (string.IsNullOrWhiteSpace(type.Description) ? null : type.Description);
    }

    /// <summary>Whether the property's data type allows any block (a block list, or rich text with blocks).</summary>
    public bool AllowsBlocks(PropertyType property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return BlockConfiguration.Of(schema.DataTypes.GetValueOrDefault(property.DataTypeKey)).Blocks.Count > 0;
    }

    /// <summary>The rich text editor's settings for a property (its data type's toolbar, extensions and heading levels), as JSON.</summary>
    public string RichTextEditor(PropertyType property) =>
        EditorValues.RichTextConfigurationOf(schema, property).ToEditorJson();

    /// <summary>
    /// A content picker's settings (a document picker or multi-node tree picker): the document types it allows (none for
    /// any), their names in the editor's language, and how many items it takes (0 for any number). Null for other editors.
    /// </summary>
    public object? ContentPicker(PropertyType property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.EditorAlias is not (PropertyEditors.ContentPicker or PropertyEditors.MultiNodeTreePicker))
        {
            return null;
        }

        var dataType = schema.DataTypes.GetValueOrDefault(property.DataTypeKey);
        var types = property.EditorAlias == PropertyEditors.MultiNodeTreePicker
            ? PickerFilter.AllowedTypes(schema, dataType).Order(StringComparer.Ordinal).ToList()
            : [];
        return new
        {
            types,
            typeNames = string.Join(", ", types.Select(schema.FindContentType).OfType<ContentType>().Select(Type)),
            max = PickerFilter.MaxItems(property, dataType),
        };
    }

    /// <summary>
    /// What the block list editor needs for a property, as JSON: the element types its data type allows, each with its
    /// properties (labels in the editor's language, editor alias, whether it varies), and the site's languages.
    /// </summary>
    public string BlockEditor(PropertyType property, IEnumerable<(string Code, string Name)> cultures, IReadOnlyDictionary<string, string> words)
    {
        ArgumentNullException.ThrowIfNull(property);
        var config = BlockConfiguration.Of(schema.DataTypes.GetValueOrDefault(property.DataTypeKey));
        object Properties(ContentType t) => t.Properties.Select(p => new
        {
            alias = p.Alias,
            label = Property(p),
            editor = p.EditorAlias,
            varies = p.VariesByCulture && !property.VariesByCulture,
            mandatory = p.Mandatory,
            richText = p.EditorAlias == PropertyEditors.RichText ? RichTextEditor(p) : null,
            // A date picker whose data type asks for a time (agenda items) gets a date-and-time field.
            hasTime = p.EditorAlias == PropertyEditors.DatePicker ? EditorValues.HasTime(schema.DataTypes.GetValueOrDefault(p.DataTypeKey)) : (bool?)null,
            // A dropdown's values (Umbraco's flexible dropdown "items"), labelled in the editor's language where the site names them.
            options = p.EditorAlias == PropertyEditors.DropDown ? DropDownOptions(p) : null,
            // A picker (the agenda item's speakers) finds items by name, of the types its data type allows.
            picker = ContentPicker(p),
        });
        var blocks = config.Blocks
            .Select(b => (Type: schema.FindContentType(b.ContentElementTypeKey), Settings: b.SettingsElementTypeKey is { } s ? schema.FindContentType(s) : null, b.DisplayInline))
            .Where(b => b.Type is { IsElement: true })
            .Select(b => new
            {
                key = b.Type!.Key,
                alias = b.Type.Alias,
                name = Type(b.Type),
                inline = b.DisplayInline,
                properties = Properties(b.Type),
                // The block's settings (Umbraco's settingsElementTypeKey), edited beside its content.
                settings = b.Settings is { IsElement: true } settings ? new { key = settings.Key, name = Type(settings), properties = Properties(settings) } : null,
            });
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            blocks,
            cultures = cultures.Select(c => new { code = c.Code, name = c.Name }),
            words,
        });
    }

    private object[] DropDownOptions(PropertyType property) =>
    [
        .. Site.Core.Programme.AgendaKinds.ConfiguredItems(schema.DataTypes.GetValueOrDefault(property.DataTypeKey))
            .Select(v => new { value = v, label = Site.Core.Programme.AgendaKinds.IsKnown(v) ? Site.Core.Programme.AgendaKinds.Label(v, culture) : v }),
    ];

    private string? Translate(string key) =>
        schema.Dictionary.TryGetValue(key, out var item) && item.Translations.TryGetValue(culture, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
