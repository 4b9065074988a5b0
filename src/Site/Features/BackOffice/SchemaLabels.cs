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

    private string? Translate(string key) =>
        schema.Dictionary.TryGetValue(key, out var item) && item.Translations.TryGetValue(culture, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
