using System.Collections.Frozen;
using Site.Core.Content;

namespace Site.Core.Search;

/// <summary>One glossary entry: the terms that name one thing, per culture (the first is the preferred one).</summary>
public sealed record GlossaryEntry(Guid Key, string Alias, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms);

/// <summary>
/// The bilingual glossary that editors keep as Umbraco dictionary items under the item "Glossary" (so uSync exports
/// and imports it as it does any dictionary): each entry's translation lists its terms in that language, separated by
/// semicolons (AI; artificial intelligence ↔ 人工智能). Search treats every term of an entry as naming the same thing.
/// </summary>
public sealed class Glossary
{
    /// <summary>The alias of the dictionary item the glossary's entries sit under (at any depth).</summary>
    public const string RootAlias = "Glossary";

    private static readonly char[] Separators = [';', '；', '\n', '\r'];

    private Glossary(IReadOnlyList<GlossaryEntry> entries, IReadOnlyDictionary<string, DictionaryItem> source)
    {
        Entries = entries;
        Source = source;
    }

    public static Glossary Empty { get; } = new([], FrozenDictionary<string, DictionaryItem>.Empty);

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>The dictionary it was read from, so that an unchanged dictionary is not read again.</summary>
    internal IReadOnlyDictionary<string, DictionaryItem> Source { get; }

    public static Glossary From(ContentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var byKey = schema.Dictionary.Values.ToDictionary(d => d.Key);
        var root = schema.Dictionary.Values.FirstOrDefault(d => string.Equals(d.Alias, RootAlias, StringComparison.OrdinalIgnoreCase));
        if (root is null)
        {
            return new([], schema.Dictionary);
        }

        var entries = schema.Dictionary.Values
            .Where(d => d.Key != root.Key && IsUnder(d, root.Key, byKey))
            .Select(d => new GlossaryEntry(d.Key, d.Alias, d.Translations.ToDictionary(t => t.Key, t => Terms(t.Value), StringComparer.OrdinalIgnoreCase)))
            .Where(e => e.Terms.Values.Sum(t => t.Count) >= 2)
            .OrderBy(e => e.Alias, StringComparer.Ordinal)
            .ToList();
        return new(entries, schema.Dictionary);
    }

    /// <summary>The terms in one translation: split at semicolons (either width) and line breaks, trimmed, without repeats.</summary>
    public static IReadOnlyList<string> Terms(string? translation) =>
        translation is null ? [] : [.. translation.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool IsUnder(DictionaryItem item, Guid root, Dictionary<Guid, DictionaryItem> byKey)
    {
        // Bounded by the number of items, should the parents ever form a loop.
        var current = item;
        for (var depth = 0; depth < byKey.Count && current.ParentKey is { } parent; depth++)
        {
            if (parent == root)
            {
                return true;
            }

            if (!byKey.TryGetValue(parent, out current!))
            {
                return false;
            }
        }

        return false;
    }
}
