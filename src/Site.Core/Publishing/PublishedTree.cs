using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>
/// A node of the published tree as data: what it was made from, its children by key, its cultures and access rule.
/// Immutable, and shared by every snapshot in which nothing of it changed; pages read it through the
/// <see cref="PublishedContent"/> that a snapshot makes for it.
/// </summary>
internal sealed class PublishedNode(
    ContentNodeRecord record,
    IReadOnlyList<PublishedCultureRecord> rows,
    ContentType contentType,
    DateTime updateDateUtc,
    PublishedVersion invariant,
    Guid[] childKeys,
    IReadOnlyDictionary<string, PublishedCultureInfo> cultures,
    PublicAccessRule? accessRule)
{
    /// <summary>The stored row it was made from (the same object while the node is unchanged).</summary>
    public ContentNodeRecord Record { get; } = record;

    /// <summary>Its published rows (the same list while they are unchanged).</summary>
    public IReadOnlyList<PublishedCultureRecord> Rows { get; } = rows;

    public Guid Key => Record.Key;

    public Guid? ParentKey => Record.ParentKey;

    public ContentType ContentType { get; } = contentType;

    public DateTime CreateDateUtc { get; } = ContentMapping.AsUtc(record.CreateDateUtc);

    public DateTime UpdateDateUtc { get; } = updateDateUtc;

    public PublishedVersion Invariant { get; } = invariant;

    /// <summary>Its children in the tree, in order (<see cref="PublishedTree.Order"/>).</summary>
    public Guid[] ChildKeys { get; } = childKeys;

    public IReadOnlyDictionary<string, PublishedCultureInfo> Cultures { get; } = cultures;

    public PublicAccessRule? AccessRule { get; } = accessRule;

    public PublishedNode WithChildren(Guid[] childKeys) =>
        new(Record, Rows, ContentType, UpdateDateUtc, Invariant, childKeys, Cultures, AccessRule);

    /// <summary>The same node under a parent whose URLs or access rule changed.</summary>
    public PublishedNode With(IReadOnlyDictionary<string, PublishedCultureInfo> cultures, PublicAccessRule? accessRule) =>
        new(Record, Rows, ContentType, UpdateDateUtc, Invariant, ChildKeys, cultures, accessRule);
}

/// <summary>
/// One generation of the published tree: the reachable nodes by key, the roots, the routes. A build after a small
/// change copies the last generation's tables and replaces only the nodes that changed (see
/// <see cref="PublishedSnapshotBuilder"/>), so a publish costs what it changed, not the size of the site.
/// </summary>
internal sealed class PublishedTree(
    Dictionary<Guid, PublishedNode> nodes,
    Guid[] roots,
    Guid? home,
    Dictionary<string, Guid> routes,
    bool routesShadowed,
    IReadOnlyList<PublicAccessRule> rules,
    ContentSchema schema)
{
    public static PublishedTree Empty { get; } = new([], [], null, new(StringComparer.Ordinal), false, [], ContentSchema.Empty);

    public Dictionary<Guid, PublishedNode> Nodes { get; } = nodes;

    public Guid[] Roots { get; } = roots;

    public Guid? Home { get; } = home;

    /// <summary>Normalized path to node; where two nodes share a path the first in tree order has it.</summary>
    public Dictionary<string, Guid> Routes { get; } = routes;

    /// <summary>Whether some node's path is taken by another: a change then routes again from scratch.</summary>
    public bool RoutesShadowed { get; } = routesShadowed;

    public IReadOnlyList<PublicAccessRule> Rules { get; } = rules;

    public ContentSchema Schema { get; } = schema;

    /// <summary>The nodes added, changed or removed since the tree this one was made from; null when built from scratch.</summary>
    public IReadOnlyCollection<Guid>? Changed { get; init; }

    /// <summary>Siblings' order: by sort order, then creation, then key.</summary>
    public static int Order(ContentNodeRecord a, ContentNodeRecord b) =>
        a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder)
        : a.CreateDateUtc != b.CreateDateUtc ? a.CreateDateUtc.CompareTo(b.CreateDateUtc)
        : a.Key.CompareTo(b.Key);

    /// <summary>Every node in tree order: each root, then its descendants depth first.</summary>
    public IEnumerable<PublishedNode> InTreeOrder() => InTreeOrder(Nodes, Roots);

    /// <summary>The routing table made from scratch, in tree order; whether some path was taken twice.</summary>
    public static (Dictionary<string, Guid> Routes, bool Shadowed) Route(Dictionary<Guid, PublishedNode> nodes, Guid[] roots, int capacity)
    {
        var routes = new Dictionary<string, Guid>(capacity, StringComparer.Ordinal);
        var shadowed = false;
        foreach (var node in InTreeOrder(nodes, roots))
        {
            foreach (var culture in node.Cultures.Values)
            {
                var path = UrlSegments.NormalizePath(culture.Url);
                shadowed |= !routes.TryAdd(path, node.Key) && routes[path] != node.Key;
            }
        }

        return (routes, shadowed);
    }

    private static IEnumerable<PublishedNode> InTreeOrder(Dictionary<Guid, PublishedNode> nodes, Guid[] roots)
    {
        var stack = new Stack<Guid>();
        for (var i = roots.Length - 1; i >= 0; i--)
        {
            stack.Push(roots[i]);
        }

        while (stack.TryPop(out var key))
        {
            var node = nodes[key];
            yield return node;
            for (var i = node.ChildKeys.Length - 1; i >= 0; i--)
            {
                stack.Push(node.ChildKeys[i]);
            }
        }
    }
}
