using Site.Core.Content;

namespace Site.Core.Programme;

/// <summary>
/// The kinds of agenda item: the values the "Agenda item kind" dropdown stores (Umbraco's flexible dropdown, a JSON
/// list with one value) and their labels in any culture. An unknown or missing kind reads as <see cref="Other"/>.
/// </summary>
public static class AgendaKinds
{
    public const string Keynote = "keynote";
    public const string Seminar = "seminar";
    public const string Panel = "panel";
    public const string SchoolVisit = "schoolVisit";
    public const string Break = "break";
    public const string Other = "other";

    private static readonly Dictionary<string, LocalizedText> Labels = new(StringComparer.Ordinal)
    {
        [Keynote] = LocalizedText.Of("Keynote"),
        [Seminar] = LocalizedText.Of("Seminar"),
        [Panel] = LocalizedText.Of("Panel"),
        [SchoolVisit] = LocalizedText.Of("School visit"),
        [Break] = LocalizedText.Of("Break"),
        [Other] = LocalizedText.Of("Other"),
    };

    public static IReadOnlyList<string> All { get; } = [Keynote, Seminar, Panel, SchoolVisit, Break, Other];

    /// <summary>The kind a stored value names: its first item when it is one of <see cref="All"/>, else <see cref="Other"/>.</summary>
    public static string Read(string? value) =>
        GenericValues.Items(value) is [var kind, ..] && Labels.ContainsKey(kind) ? kind : Other;

    public static bool IsKnown(string? kind) => kind is not null && Labels.ContainsKey(kind);

    /// <summary>The values a flexible dropdown data type offers (Umbraco's <c>items</c>: a list of texts, or of objects with a value).</summary>
    public static IReadOnlyList<string> ConfiguredItems(DataType? dataType) =>
        DataTypeConfig.Read<IReadOnlyList<string>>(dataType?.ConfigJson, [], static root =>
            root.TryGetProperty("items", out var items) && items.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. items.EnumerateArray()
                    .Select(i => i.ValueKind == System.Text.Json.JsonValueKind.String ? i.GetString()
                        : i.ValueKind == System.Text.Json.JsonValueKind.Object && i.TryGetProperty("value", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()
                        : null)
                    .OfType<string>()]
                : []);

    /// <summary>The kind's label in the culture.</summary>
    public static string Label(string kind, string culture) =>
        (Labels.GetValueOrDefault(kind) ?? Labels[Other]).Get(culture);
}
