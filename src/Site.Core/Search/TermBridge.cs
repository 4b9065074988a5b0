using System.Collections.Frozen;
using System.Globalization;
using Site.Core.Publishing;

namespace Site.Core.Search;

/// <summary>
/// Cross-language equivalents learnt from the content itself: where a node records a short value in two cultures
/// (a city, a country, a partner, the n-th tag), the two texts name the same thing. "芬兰" ↔ "Finland",
/// "坦佩雷" ↔ "Tampere", "徐州" ↔ "Xuzhou". A query word with an equivalent also searches for it, so a Chinese word
/// finds (and highlights) the English text, and the other way round.
/// </summary>
public sealed class TermBridge
{
    private const int MaxLength = 40;

    private static readonly string[] AlignedProperties = ["venueCity", "venueCountry", "partnerCountry", "jiangsuPartner"];

    private readonly FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> _equivalents;

    private TermBridge(FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> equivalents) => _equivalents = equivalents;

    public static TermBridge Empty { get; } = new(FrozenDictionary<string, IReadOnlyList<(string, string)>>.Empty);

    public int Count => _equivalents.Count;

    /// <summary>Learns the equivalents recorded in the published content.</summary>
    public static TermBridge Build(IEnumerable<PublishedContent> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var map = new Dictionary<string, HashSet<(string Culture, string Text)>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Cultures.Count < 2)
            {
                continue;
            }

            var cultures = node.Cultures.Keys.ToList();
            foreach (var alias in AlignedProperties)
            {
                Align(map, cultures.Select(c => (c, (IReadOnlyList<string>)(node.Value(alias, c) is { } v ? [v] : []))).ToList());
            }

            Align(map, cultures.Select(c => (c, node.TagsValue("tags", c))).ToList());
        }

        return new TermBridge(map.ToFrozenDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<(string, string)>)[.. kv.Value.OrderBy(v => v.Culture, StringComparer.Ordinal).ThenBy(v => v.Text, StringComparer.Ordinal)],
            StringComparer.Ordinal));
    }

    /// <summary>The texts in other cultures that name what <paramref name="text"/> names; empty when none is known.</summary>
    public IReadOnlyList<(string Culture, string Text)> Translate(string text) =>
        _equivalents.TryGetValue(Normalize(text), out var list) ? list : [];

    internal static string Normalize(string text) => text.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>Values at the same position in each culture are equivalents, when every culture has the same count.</summary>
    private static void Align(Dictionary<string, HashSet<(string Culture, string Text)>> map, List<(string Culture, IReadOnlyList<string> Values)> perCulture)
    {
        var withValues = perCulture.Where(p => p.Values.Count > 0).ToList();
        if (withValues.Count < 2 || withValues.Select(p => p.Values.Count).Distinct().Count() != 1)
        {
            return;
        }

        for (var i = 0; i < withValues[0].Values.Count; i++)
        {
            foreach (var (culture, values) in withValues)
            {
                var text = values[i].Trim();
                if (text.Length is 0 or > MaxLength)
                {
                    continue;
                }

                foreach (var (otherCulture, otherValues) in withValues)
                {
                    var other = otherValues[i].Trim();
                    if (string.Equals(otherCulture, culture, StringComparison.OrdinalIgnoreCase) || other.Length is 0 or > MaxLength
                        || string.Equals(Normalize(other), Normalize(text), StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var key = Normalize(text);
                    if (!map.TryGetValue(key, out var set))
                    {
                        map[key] = set = [];
                    }

                    set.Add((otherCulture, other));
                }
            }
        }
    }
}
