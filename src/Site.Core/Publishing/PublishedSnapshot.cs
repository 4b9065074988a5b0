using Site.Core.Content;
using Site.Core.Languages;

namespace Site.Core.Publishing;

/// <summary>
/// Everything published, in memory, with the routing table per culture. Immutable: a new one is built after every
/// change and swapped in atomically, so a request sees one consistent state and never touches the database.
/// </summary>
public sealed class PublishedSnapshot
{
    private readonly Dictionary<Guid, PublishedContent> _byKey;
    private readonly Dictionary<string, PublishedContent> _routes;

    internal PublishedSnapshot(long generation, DateTime builtAtUtc, ContentSchema schema, IReadOnlyList<PublishedContent> roots, int expectedCount = 0)
    {
        Generation = generation;
        BuiltAtUtc = builtAtUtc;
        Schema = schema;
        Roots = roots;
        _byKey = new Dictionary<Guid, PublishedContent>(expectedCount);
        _routes = new Dictionary<string, PublishedContent>(expectedCount * Math.Max(1, schema.Languages.All.Count), StringComparer.Ordinal);
        foreach (var node in roots.SelectMany(r => new[] { r }.Concat(r.Descendants())))
        {
            _byKey[node.Key] = node;
            node.Snapshot = this;
            foreach (var culture in node.Cultures.Values)
            {
                _routes.TryAdd(UrlSegments.NormalizePath(culture.Url), node);
            }
        }

        LastUpdatedUtc = _byKey.Count == 0 ? builtAtUtc : _byKey.Values.Max(n => n.UpdateDateUtc);
    }

    public static PublishedSnapshot Empty { get; } = new(0, DateTime.UnixEpoch, ContentSchema.Empty, []);

    public long Generation { get; }

    /// <summary>The last change-journal row already reflected in this snapshot (read before the content was).</summary>
    public long JournalPosition { get; internal set; }

    public DateTime BuiltAtUtc { get; }

    /// <summary>How many nodes' rows were read from the database for this snapshot: all of them, or only those changed.</summary>
    internal int NodesRead { get; set; }

    /// <summary>The newest change to any published node: for Last-Modified and feeds.</summary>
    public DateTime LastUpdatedUtc { get; }

    public ContentSchema Schema { get; }

    public LanguageSet Languages => Schema.Languages;

    public IReadOnlyList<PublishedContent> Roots { get; }

    /// <summary>The site's home: the first root node that is a page (a settings node beside it is not).</summary>
    public PublishedContent? Home => Roots.FirstOrDefault(r => r.IsPage);

    public IEnumerable<PublishedContent> All => _byKey.Values;

    public int Count => _byKey.Count;

    public PublishedContent? GetByKey(Guid key) => _byKey.GetValueOrDefault(key);

    /// <summary>The node at a path such as "/en/sessions/13th-forum-2017" (any case, with or without a trailing slash).</summary>
    public PublishedContent? GetByRoute(string path) => _routes.GetValueOrDefault(UrlSegments.NormalizePath(path));

    public IEnumerable<PublishedContent> OfType(string contentTypeAlias) =>
        All.Where(n => string.Equals(n.ContentTypeAlias, contentTypeAlias, StringComparison.Ordinal));
}
