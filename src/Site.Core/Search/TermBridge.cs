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

    private static readonly FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> None = FrozenDictionary<string, IReadOnlyList<(string, string)>>.Empty;

    private readonly FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> _equivalents;
    private readonly FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> _glossaryTerms;

    private TermBridge(FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> equivalents, Glossary glossary)
    {
        _equivalents = equivalents;
        Glossary = glossary;
        _glossaryTerms = GlossaryTerms(glossary);
        Phrases = PhrasesOf(_glossaryTerms.Keys);
    }

    public static TermBridge Empty { get; } = new(None, Glossary.Empty);

    public int Count => _equivalents.Count + _glossaryTerms.Count;

    /// <summary>What the content taught, by normalized text, in order (for comparing bridges).</summary>
    internal IEnumerable<(string Key, string Named)> Learnt =>
        _equivalents.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Select(v => (kv.Key, $"{v.Culture}:{v.Text}")));

    /// <summary>The glossary this bridge knows (editors' term pairs), besides what it learnt from the content.</summary>
    public Glossary Glossary { get; }

    /// <summary>
    /// Glossary terms that a query reads as several words ("sister school", 科学、技术、工程和数学), by their first
    /// word: a query's consecutive words may spell one.
    /// </summary>
    internal FrozenDictionary<string, IReadOnlyList<(string[] Words, string Term)>> Phrases { get; }

    /// <summary>
    /// The same learnt equivalents with another glossary: a glossary change costs the glossary's size, not the
    /// content's, and what the content taught is not learnt again.
    /// </summary>
    public TermBridge WithGlossary(Glossary glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        return new(_equivalents, glossary);
    }

    /// <summary>Learns the equivalents recorded in the published content (all of it at once; see <see cref="TermBridgeLearning"/>).</summary>
    public static TermBridge Build(IEnumerable<PublishedContent> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var learning = new TermBridgeLearning();
        foreach (var node in nodes)
        {
            learning.Learn(node);
        }

        return learning.Bridge(Glossary.Empty);
    }

    /// <summary>What one node teaches: each text of an aligned value (by its normalized form) and what it names in another culture.</summary>
    internal static (string Key, string Culture, string Text)[] PairsOf(PublishedContent node)
    {
        if (node.Cultures.Count < 2)
        {
            return [];
        }

        var pairs = new HashSet<(string Key, string Culture, string Text)>();
        var cultures = node.Cultures.Keys.ToList();
        foreach (var alias in AlignedProperties)
        {
            Align(pairs, cultures.Select(c => (c, (IReadOnlyList<string>)(node.Value(alias, c) is { } v ? [v] : []))).ToList());
        }

        Align(pairs, cultures.Select(c => (c, node.TagsValue("tags", c))).ToList());
        return [.. pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Culture, StringComparer.Ordinal).ThenBy(p => p.Text, StringComparer.Ordinal)];
    }

    /// <summary>A bridge of what <see cref="TermBridgeLearning"/> counts (every pair some node still teaches).</summary>
    internal static TermBridge FromLearnt(IReadOnlyDictionary<string, Dictionary<(string Culture, string Text), int>> learnt, Glossary glossary) =>
        new(learnt.ToFrozenDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<(string, string)>)[.. kv.Value.Keys.OrderBy(v => v.Culture, StringComparer.Ordinal).ThenBy(v => v.Text, StringComparer.Ordinal)],
                StringComparer.Ordinal),
            glossary);

    /// <summary>
    /// The texts that name what <paramref name="text"/> names: in other cultures (learnt from the content), and every
    /// other term of its glossary entries (synonyms in the same culture too); empty when none is known.
    /// </summary>
    public IReadOnlyList<(string Culture, string Text)> Translate(string text)
    {
        var key = Normalize(text);
        var learnt = _equivalents.TryGetValue(key, out var list) ? list : [];
        return _glossaryTerms.TryGetValue(key, out var glossary) ? [.. learnt.Union(glossary)] : learnt;
    }

    private static FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> Freeze(Dictionary<string, HashSet<(string Culture, string Text)>> map) =>
        map.ToFrozenDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<(string, string)>)[.. kv.Value.OrderBy(v => v.Culture, StringComparer.Ordinal).ThenBy(v => v.Text, StringComparer.Ordinal)],
            StringComparer.Ordinal);

    /// <summary>Every term of an entry names what each of its other terms names.</summary>
    private static FrozenDictionary<string, IReadOnlyList<(string Culture, string Text)>> GlossaryTerms(Glossary glossary)
    {
        var map = new Dictionary<string, HashSet<(string Culture, string Text)>>(StringComparer.Ordinal);
        foreach (var entry in glossary.Entries)
        {
            var terms = entry.Terms.SelectMany(t => t.Value.Select(term => (Culture: t.Key, Text: term))).ToList();
            foreach (var (_, text) in terms)
            {
                var key = Normalize(text);
                if (!map.TryGetValue(key, out var set))
                {
                    map[key] = set = [];
                }

                set.UnionWith(terms.Where(other => Normalize(other.Text) != key));
            }
        }

        return Freeze(map);
    }

    // Split as the query parser splits what a visitor types, so that the words line up.
    private static FrozenDictionary<string, IReadOnlyList<(string[] Words, string Term)>> PhrasesOf(IEnumerable<string> terms) =>
        terms.Select(t => (Words: SearchQueryParser.Parse(t).Words.Select(w => Normalize(w.Text)).ToArray(), Term: t))
            .Where(p => p.Words.Length > 1)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<(string[], string)>)[.. g.OrderByDescending(p => p.Words.Length)], StringComparer.Ordinal);

    internal static string Normalize(string text) => text.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>Values at the same position in each culture are equivalents, when every culture has the same count.</summary>
    private static void Align(HashSet<(string Key, string Culture, string Text)> pairs, List<(string Culture, IReadOnlyList<string> Values)> perCulture)
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

                    pairs.Add((Normalize(text), otherCulture, other));
                }
            }
        }
    }
}

/// <summary>
/// What the content has taught the term bridge, kept per node, so that a publish is learnt from the nodes it changed
/// only (not from every node again): each pair is counted once per node that teaches it, and forgotten when no node
/// teaches it any more. Used by one thread at a time (the indexer's, under its write lock).
/// </summary>
internal sealed class TermBridgeLearning
{
    private readonly Dictionary<Guid, (string Key, string Culture, string Text)[]> _byNode = [];

    // Most nodes teach what many others teach (a country, a city, a tag in both languages): one copy of each list and
    // of each text, instead of one per node (30 MB at 50,000 documents).
    private readonly HashSet<(string Key, string Culture, string Text)[]> _lists = new(SamePairs.Instance);
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string Culture, string Text), int>> _counts = new(StringComparer.Ordinal);
    private TermBridge? _bridge;

    /// <summary>The nodes that teach something.</summary>
    public IReadOnlyCollection<Guid> Nodes => _byNode.Keys;

    /// <summary>What a node teaches, as kept (tests: shared between nodes that teach the same).</summary>
    internal IReadOnlyList<(string Key, string Culture, string Text)>? TaughtBy(Guid key) => _byNode.GetValueOrDefault(key);

    /// <summary>How many distinct lists are kept (tests: the pool does not outgrow what is taught).</summary>
    internal int KeptLists => _lists.Count;

    /// <summary>Learns a node as it is now (replacing what it taught before); true when what it teaches changed.</summary>
    public bool Learn(PublishedContent node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pairs = TermBridge.PairsOf(node);
        var before = _byNode.GetValueOrDefault(node.Key) ?? [];
        if (before.AsSpan().SequenceEqual(pairs))
        {
            return false;
        }

        pairs = Shared(pairs);

        Count(before, -1);
        Count(pairs, 1);
        if (pairs.Length == 0)
        {
            _byNode.Remove(node.Key);
        }
        else
        {
            _byNode[node.Key] = pairs;
        }

        _bridge = null;
        return true;
    }

    /// <summary>Forgets a node that is no longer published; true when it taught something.</summary>
    public bool Forget(Guid key)
    {
        if (!_byNode.Remove(key, out var before))
        {
            return false;
        }

        Count(before, -1);
        _bridge = null;
        return true;
    }

    /// <summary>The bridge of what is learnt, with this glossary: the same object as long as neither changed.</summary>
    public TermBridge Bridge(Glossary glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        if (_bridge is { } bridge && ReferenceEquals(bridge.Glossary, glossary))
        {
            return bridge;
        }

        _bridge = _bridge is null ? TermBridge.FromLearnt(_counts, glossary) : _bridge.WithGlossary(glossary);
        return _bridge;
    }

    private (string Key, string Culture, string Text)[] Shared((string Key, string Culture, string Text)[] pairs)
    {
        if (pairs.Length == 0)
        {
            return pairs;
        }

        if (_lists.TryGetValue(pairs, out var known))
        {
            return known;
        }

        // Lists no node teaches any more are dropped now and then, so the pool never outgrows what is taught.
        if (_lists.Count > (2 * _byNode.Count) + 1_024)
        {
            _lists.Clear();
            _texts.Clear();
            foreach (var list in _byNode.Values)
            {
                _lists.Add(list);
                foreach (var (key, culture, text) in list)
                {
                    _texts.Add(key);
                    _texts.Add(culture);
                    _texts.Add(text);
                }
            }
        }

        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (Text(pairs[i].Key), Text(pairs[i].Culture), Text(pairs[i].Text));
        }

        _lists.Add(pairs);
        return pairs;
    }

    private string Text(string text)
    {
        if (_texts.TryGetValue(text, out var known))
        {
            return known;
        }

        _texts.Add(text);
        return text;
    }

    private void Count((string Key, string Culture, string Text)[] pairs, int by)
    {
        foreach (var (key, culture, text) in pairs)
        {
            if (!_counts.TryGetValue(key, out var named))
            {
                _counts[key] = named = [];
            }

            var count = named.GetValueOrDefault((culture, text)) + by;
            if (count > 0)
            {
                named[(culture, text)] = count;
            }
            else
            {
                named.Remove((culture, text));
                if (named.Count == 0)
                {
                    _counts.Remove(key);
                }
            }
        }
    }
}

/// <summary>Lists of pairs compared by what they hold.</summary>
internal sealed class SamePairs : IEqualityComparer<(string Key, string Culture, string Text)[]>
{
    public static SamePairs Instance { get; } = new();

    public bool Equals((string Key, string Culture, string Text)[]? x, (string Key, string Culture, string Text)[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode((string Key, string Culture, string Text)[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var pair in obj)
        {
            hash.Add(pair);
        }

        return hash.ToHashCode();
    }
}
