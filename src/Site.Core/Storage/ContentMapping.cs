using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core.Content;
using Site.Core.Languages;

namespace Site.Core.Storage;

/// <summary>Turns rows into the engine's records and back.</summary>
internal static class ContentMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new PropertyValueConverter() },
    };

    public static string Serialize(ContentData data) => JsonSerializer.Serialize(data, Json);

    public static ContentData DeserializeData(string json) =>
        JsonSerializer.Deserialize<ContentData>(json, Json) ?? ContentData.Empty;

    public static ContentData DeserializeData(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<ContentData>(utf8Json, Json) ?? ContentData.Empty;

    public static string Serialize(ContentType type) => JsonSerializer.Serialize(type, Json);

    public static ContentType DeserializeType(string json) =>
        JsonSerializer.Deserialize<ContentType>(json, Json) ?? throw new InvalidDataException("Empty content type definition.");

    public static string Serialize(IReadOnlyDictionary<string, string> translations) => JsonSerializer.Serialize(translations, Json);

    public static Dictionary<string, string> DeserializeTranslations(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];

    public static int? ReadMaxChars(string configJson)
    {
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return null;
        }

        using var document = JsonDocument.Parse(configJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && (document.RootElement.TryGetProperty("maxChars", out var max) || document.RootElement.TryGetProperty("MaxChars", out max))
            && max.TryGetInt32(out var value)
            && value > 0
                ? value
                : null;
    }

    public static Language ToLanguage(LanguageRecord record) =>
        new(record.IsoCode, record.Name, record.IsDefault, record.IsMandatory, record.FallbackIsoCode);

    public static DataType ToDataType(DataTypeRecord record) =>
        new(record.Key, record.Alias, record.EditorAlias, record.ConfigJson, ReadMaxChars(record.ConfigJson)) { EditorUiAlias = record.EditorUiAlias };

    public static DictionaryItem ToDictionaryItem(DictionaryRecord record) =>
        new(record.Key, record.Alias, DeserializeTranslations(record.TranslationsJson)) { ParentKey = record.ParentKey };

    public static ContentVersion ToVersion(ContentVersionRecord record) =>
        new(record.Id, record.Number, AsUtc(record.CreatedAtUtc), record.CreatedBy, DeserializeData(record.DataJson));

    public static ContentNode ToNode(ContentNodeRecord node, ContentVersionRecord current, IEnumerable<PublishedCultureRecord> published) =>
        new(
            node.Key,
            node.ParentKey,
            node.ContentTypeAlias,
            node.SortOrder,
            node.Level,
            AsUtc(node.CreateDateUtc),
            AsUtc(node.UpdateDateUtc),
            node.Trashed,
            ToVersion(current),
            [.. published.Select(p => new PublishedCulture(p.Culture, p.VersionId, AsUtc(p.PublishedAtUtc))).OrderBy(p => p.Culture, StringComparer.Ordinal)],
            node.InvariantPublishedVersionId);

    /// <summary>SQLite hands dates back unspecified; they were written as UTC.</summary>
    public static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
