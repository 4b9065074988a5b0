using System.Collections.Concurrent;
using Site.Core.Content;
using Site.Core.Languages;

namespace Site.Core.Publishing;

/// <summary>
/// Everything published, in memory, with the routing table per culture. Immutable: a new one is built after every
/// change and swapped in atomically, so a request sees one consistent state and never touches the database.
/// </summary>
public sealed class PublishedSnapshot
{
    private readonly PublishedTree _tree;

    // A node's PublishedContent is made when first asked for, once per snapshot: pages touch a few nodes of thousands.
    private readonly ConcurrentDictionary<Guid, PublishedContent> _contents = new();
    private PublishedContent[]? _roots;

    internal PublishedSnapshot(long generation, DateTime builtAtUtc, PublishedTree tree, SnapshotBuildCache cache)
    {
        Generation = generation;
        BuiltAtUtc = builtAtUtc;
        _tree = tree;
        Cache = cache;
        var last = DateTime.MinValue;
        foreach (var node in tree.Nodes.Values)
        {
            last = node.UpdateDateUtc > last ? node.UpdateDateUtc : last;
        }

        LastUpdatedUtc = tree.Nodes.Count == 0 ? builtAtUtc : last;
    }

    public static PublishedSnapshot Empty { get; } = new(0, DateTime.UnixEpoch, PublishedTree.Empty, new SnapshotBuildCache(static markdown => markdown));

    public long Generation { get; }

    /// <summary>The last change-journal row already reflected in this snapshot (read before the content was).</summary>
    public long JournalPosition { get; internal set; }

    public DateTime BuiltAtUtc { get; }

    /// <summary>How many nodes' rows were read from the database for this snapshot: all of them, or only those changed.</summary>
    internal int NodesRead { get; set; }

    /// <summary>The newest change to any published node: for Last-Modified and feeds.</summary>
    public DateTime LastUpdatedUtc { get; }

    public ContentSchema Schema => _tree.Schema;

    internal PublishedTree Tree => _tree;

    /// <summary>What renders the nodes' Markdown and rich text (shared by every snapshot of one service).</summary>
    internal SnapshotBuildCache Cache { get; }

    /// <summary>
    /// The keys of the nodes added, changed or removed since the snapshot of generation <paramref name="generation"/>;
    /// none when it is this one; null when it is not the one this snapshot was made from (or it was made from scratch).
    /// </summary>
    /// <summary>The versions its service read and still holds decoded (see <see cref="Publishing.HeldVersions"/>).</summary>
    internal HeldVersions? HeldVersions { get; set; }

    /// <summary>Called by the search index once it has read this snapshot: large values it read are read again from the database when needed.</summary>
    internal void LetGoOfDecodedValues() => HeldVersions?.LetGo();

    /// <summary>
    /// Holds every value of this snapshot decoded until <see cref="LetGoOfDecodedValues"/>, reading those not in memory
    /// a chunk at a time: for whoever is about to read them all (a rebuild of the search index).
    /// </summary>
    internal void HoldDecodedValues()
    {
        if (HeldVersions is { } held)
        {
            held.Add(PublishedVersion.HoldAll(_tree.Nodes.Values.SelectMany(n => n.Cultures.Values.Select(c => c.Version).Append(n.Invariant))));
        }
    }

    internal IReadOnlyCollection<Guid>? ChangedSince(long generation) =>
        generation == Generation ? [] : generation == Generation - 1 ? _tree.Changed : null;

    public LanguageSet Languages => Schema.Languages;

    public IReadOnlyList<PublishedContent> Roots => _roots ??= [.. _tree.Roots.Select(k => GetByKey(k)!)];

    /// <summary>The site's home: the first root node that is a page (a settings node beside it is not).</summary>
    public PublishedContent? Home => _tree.Home is { } home ? GetByKey(home) : null;

    /// <summary>Every node in tree order: each root, then its descendants depth first.</summary>
    public IEnumerable<PublishedContent> All => _tree.InTreeOrder().Select(n => Content(n));

    public int Count => _tree.Nodes.Count;

    public PublishedContent? GetByKey(Guid key) => _tree.Nodes.TryGetValue(key, out var node) ? Content(node) : null;

    /// <summary>The node at a path such as "/en/sessions/13th-forum-2017" (any case, with or without a trailing slash).</summary>
    public PublishedContent? GetByRoute(string path) =>
        _tree.Routes.TryGetValue(UrlSegments.NormalizePath(path), out var key) ? GetByKey(key) : null;

    public IEnumerable<PublishedContent> OfType(string contentTypeAlias) =>
        _tree.InTreeOrder().Where(n => string.Equals(n.ContentType.Alias, contentTypeAlias, StringComparison.Ordinal)).Select(n => Content(n));

    private PublishedContent Content(PublishedNode node) =>
        _contents.GetOrAdd(node.Key, static (_, state) => new PublishedContent(state.Node, state.Snapshot), (Node: node, Snapshot: this));
}
