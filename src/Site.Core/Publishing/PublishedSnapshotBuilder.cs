using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>
/// Builds the tree of published nodes and their URLs per culture from stored rows: from scratch, or, after a change
/// the journal names, from the last tree by replacing only what the change reaches.
/// </summary>
internal static class PublishedSnapshotBuilder
{
    /// <summary>Past this many changed nodes, a build from scratch is as quick as working out what each one reaches.</summary>
    internal const int IncrementalLimit = 256;

    /// <summary>Builds from rows as they come, in no particular grouping (previews and tests).</summary>
    public static PublishedSnapshot Build(
        long generation,
        DateTime nowUtc,
        ContentSchema schema,
        IReadOnlyList<ContentNodeRecord> nodes,
        IReadOnlyList<PublishedCultureRecord> published,
        IReadOnlyDictionary<long, ContentData> versions,
        IReadOnlyList<PublicAccessRule> accessRules,
        SnapshotBuildCache cache)
    {
        var kept = versions.ToDictionary(v => v.Key, v => PublishedVersion.Of(v.Value));
        var byNode = new Dictionary<Guid, IReadOnlyList<PublishedCultureRecord>>();
        foreach (var group in published.GroupBy(p => p.NodeKey))
        {
            byNode[group.Key] = [.. group];
        }

        return Build(generation, nowUtc, schema, nodes.ToDictionary(n => n.Key), byNode, kept, accessRules, cache);
    }

    /// <summary>
    /// Builds from each node's record and published rows. With the last snapshot and the keys changed since, only the
    /// nodes those changes reach are made again: the changed ones, their parents' lists of children, and below a node
    /// whose URLs changed, its descendants. Anything a change could reach further (a move, a new subtree, a root, the
    /// languages or access rules changed) is built from scratch. Either way the result is the same (the builder's tests
    /// compare the two after each of hundreds of random changes).
    /// </summary>
    /// <remarks>
    /// A node's record and list of rows are the same objects as in the last build when it did not change (the snapshot
    /// service keeps those of the nodes the change journal does not name): that is how the builder knows a node is
    /// unchanged without comparing what it holds.
    /// </remarks>
    public static PublishedSnapshot Build(
        long generation,
        DateTime nowUtc,
        ContentSchema schema,
        IReadOnlyDictionary<Guid, ContentNodeRecord> nodes,
        IReadOnlyDictionary<Guid, IReadOnlyList<PublishedCultureRecord>> publishedByNode,
        IReadOnlyDictionary<long, PublishedVersion> versions,
        IReadOnlyList<PublicAccessRule> accessRules,
        SnapshotBuildCache cache,
        PublishedSnapshot? previous = null,
        IReadOnlyCollection<Guid>? changed = null)
    {
        var inputs = new Inputs(schema, nodes, publishedByNode, versions, cache);
        PublishedTree? tree = null;
        if (previous is not null && changed is not null && changed.Count <= IncrementalLimit
            && ReferenceEquals(previous.Schema.Structure, schema.Structure) && SameRules(previous.Tree.Rules, accessRules))
        {
            cache.Starting(incremental: true);
            tree = Incremental(previous.Tree, changed.ToHashSet(), inputs);
        }

        if (tree is null)
        {
            cache.Starting(incremental: false);
            tree = FromScratch(inputs, accessRules);
        }

        cache.Completed();
        return new PublishedSnapshot(generation, nowUtc, tree, cache);
    }

    private static PublishedTree FromScratch(Inputs inputs, IReadOnlyList<PublicAccessRule> rules)
    {
        var childrenOf = new Dictionary<Guid, List<ContentNodeRecord>>();
        var roots = new List<ContentNodeRecord>();
        foreach (var record in inputs.Nodes.Values)
        {
            if (inputs.Schema.FindContentType(record.ContentTypeAlias) is null)
            {
                continue;
            }

            if (record.ParentKey is not { } parent)
            {
                roots.Add(record);
            }
            else if (childrenOf.TryGetValue(parent, out var siblings))
            {
                siblings.Add(record);
            }
            else
            {
                childrenOf[parent] = [record];
            }
        }

        roots.Sort(static (a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : PublishedTree.Order(a, b));
        foreach (var siblings in childrenOf.Values)
        {
            siblings.Sort(PublishedTree.Order);
        }

        // A rule protects its node and every descendant; the nearest rule wins.
        var rulesByNode = rules.ToDictionary(r => r.NodeKey);
        var nodes = new Dictionary<Guid, PublishedNode>(inputs.Nodes.Count);
        var home = roots.FirstOrDefault(r => inputs.Schema.FindContentType(r.ContentTypeAlias)!.IsPage)?.Key;
        var rootKeys = roots.Select(r => r.Key).ToArray();
        var cultures = CultureGroup(null, null, rootKeys, home, inputs);
        for (var i = 0; i < roots.Count; i++)
        {
            AddSubtree(roots[i], cultures[i], rulesByNode.GetValueOrDefault(roots[i].Key));
        }

        // A node whose parent is not published is not reachable, so it is left out.
        var (routes, shadowed) = PublishedTree.Route(nodes, rootKeys, nodes.Count * Math.Max(1, inputs.Schema.Languages.All.Count));
        return new PublishedTree(nodes, rootKeys, home, routes, shadowed, rules, inputs.Schema);

        void AddSubtree(ContentNodeRecord record, IReadOnlyDictionary<string, PublishedCultureInfo> final, PublicAccessRule? rule)
        {
            var children = childrenOf.GetValueOrDefault(record.Key) ?? [];
            var childKeys = children.Select(c => c.Key).ToArray();
            var node = NewNode(record, childKeys, final, rule, inputs);
            nodes[record.Key] = node;
            if (childKeys.Length == 0)
            {
                return;
            }

            var childCultures = CultureGroup(record.Key, final, childKeys, null, inputs);
            for (var i = 0; i < children.Count; i++)
            {
                AddSubtree(children[i], childCultures[i], rulesByNode.GetValueOrDefault(children[i].Key) ?? rule);
            }
        }
    }

    /// <summary>The last tree with the changed nodes applied; null when what changed needs a build from scratch.</summary>
    private static PublishedTree? Incremental(PublishedTree previous, HashSet<Guid> changed, Inputs inputs)
    {
        var nodes = new Dictionary<Guid, PublishedNode>(previous.Nodes);
        var rules = previous.Rules.ToDictionary(r => r.NodeKey);
        var touched = new HashSet<Guid>();
        var parents = new HashSet<Guid>();
        var rootsChanged = false;
        foreach (var key in changed)
        {
            var before = previous.Nodes.GetValueOrDefault(key);
            var record = inputs.Nodes.GetValueOrDefault(key);
            var live = record is not null && inputs.Schema.FindContentType(record.ContentTypeAlias) is not null;
            if (before is not null && live && InPlace(before.Record, record!))
            {
                rootsChanged |= record!.ParentKey is null;
                if (record.ParentKey is { } parent)
                {
                    parents.Add(parent);
                }
            }
            else if (before is null && live && record!.ParentKey is { } parent && nodes.TryGetValue(parent, out var parentNode))
            {
                if (HasChildren(key, inputs))
                {
                    return null; // a subtree is back
                }

                nodes[parent] = parentNode.WithChildren(Inserted(parentNode.ChildKeys, record, nodes));
                touched.Add(parent);
                parents.Add(parent);
            }
            else if (before is null)
            {
                if (live && (record!.ParentKey is not { } parentKey || changed.Contains(parentKey) || nodes.ContainsKey(parentKey)))
                {
                    return null; // a new root, or its parent changes too
                }

                // neither in the tree before nor reachable now: an orphan (its parent not published) stays out of it
            }
            else if (!live && nodes[key].ChildKeys.Length == 0 && before.ParentKey is { } formerParent
                && nodes.TryGetValue(formerParent, out var formerParentNode))
            {
                nodes[formerParent] = formerParentNode.WithChildren([.. formerParentNode.ChildKeys.Where(k => k != key)]);
                nodes.Remove(key);
                inputs.Cache.Forget(key);
                touched.Add(formerParent);
                touched.Add(key);
                parents.Add(formerParent);
            }
            else
            {
                return null; // moved, sorted, a root or a subtree gone or added: from scratch
            }
        }

        if (rootsChanged)
        {
            var cultures = CultureGroup(null, null, previous.Roots, previous.Home, inputs);
            for (var i = 0; i < previous.Roots.Length; i++)
            {
                Update(previous.Roots[i], cultures[i], rules.GetValueOrDefault(previous.Roots[i]));
            }
        }

        // Parents above first: a parent's new URLs reach its children anyway.
        foreach (var parent in parents.Where(nodes.ContainsKey).OrderBy(p => nodes[p].Record.Level))
        {
            UpdateChildren(parent);
        }

        var (routes, shadowed) = previous.RoutesShadowed ? (null, true) : (Rerouted(previous, nodes, touched), false);
        if (routes is null)
        {
            (routes, shadowed) = PublishedTree.Route(nodes, previous.Roots, previous.Routes.Count);
        }

        return new PublishedTree(nodes, previous.Roots, previous.Home, routes, shadowed, previous.Rules, inputs.Schema) { Changed = touched };

        void UpdateChildren(Guid parentKey)
        {
            var parent = nodes[parentKey];
            var cultures = CultureGroup(parentKey, parent.Cultures, parent.ChildKeys, null, inputs);
            for (var i = 0; i < parent.ChildKeys.Length; i++)
            {
                Update(parent.ChildKeys[i], cultures[i], rules.GetValueOrDefault(parent.ChildKeys[i]) ?? parent.AccessRule);
            }
        }

        void Update(Guid key, IReadOnlyDictionary<string, PublishedCultureInfo> final, PublicAccessRule? rule)
        {
            var before = nodes.GetValueOrDefault(key);
            PublishedNode node;
            if (before is null || changed.Contains(key))
            {
                node = NewNode(inputs.Nodes[key], before?.ChildKeys ?? [], final, rule, inputs);
            }
            else if (!ReferenceEquals(before.Cultures, final) || !ReferenceEquals(before.AccessRule, rule))
            {
                node = before.With(final, rule);
            }
            else
            {
                return;
            }

            nodes[key] = node;
            touched.Add(key);
            if (before is not null && node.ChildKeys.Length > 0
                && (!ReferenceEquals(before.Cultures, node.Cultures) || !ReferenceEquals(before.AccessRule, node.AccessRule)))
            {
                UpdateChildren(key); // its URLs or its rule reach its descendants
            }
        }
    }

    /// <summary>Still in the same place among the same siblings: only what it holds or publishes changed.</summary>
    private static bool InPlace(ContentNodeRecord before, ContentNodeRecord now) =>
        before.ParentKey == now.ParentKey && before.SortOrder == now.SortOrder && before.Level == now.Level
        && before.CreateDateUtc == now.CreateDateUtc && string.Equals(before.ContentTypeAlias, now.ContentTypeAlias, StringComparison.Ordinal);

    private static bool HasChildren(Guid key, Inputs inputs)
    {
        foreach (var record in inputs.Nodes.Values)
        {
            if (record.ParentKey == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The children with one more, in its place.</summary>
    private static Guid[] Inserted(Guid[] childKeys, ContentNodeRecord added, Dictionary<Guid, PublishedNode> nodes)
    {
        var at = 0;
        while (at < childKeys.Length && PublishedTree.Order(nodes[childKeys[at]].Record, added) < 0)
        {
            at++;
        }

        return [.. childKeys[..at], added.Key, .. childKeys[at..]];
    }

    /// <summary>
    /// The last routing table with the touched nodes' old paths taken out and new ones put in; null when a new path is
    /// already another node's (which of the two has it depends on tree order: the table is then made from scratch).
    /// </summary>
    private static Dictionary<string, Guid>? Rerouted(PublishedTree previous, Dictionary<Guid, PublishedNode> nodes, HashSet<Guid> touched)
    {
        var routes = new Dictionary<string, Guid>(previous.Routes, StringComparer.Ordinal);
        foreach (var key in touched)
        {
            if (previous.Nodes.TryGetValue(key, out var before) && !(nodes.TryGetValue(key, out var now) && ReferenceEquals(before.Cultures, now.Cultures)))
            {
                foreach (var culture in before.Cultures.Values)
                {
                    var path = UrlSegments.NormalizePath(culture.Url);
                    if (routes.TryGetValue(path, out var owner) && owner == key)
                    {
                        routes.Remove(path);
                    }
                }
            }
        }

        foreach (var key in touched)
        {
            if (nodes.TryGetValue(key, out var now) && !(previous.Nodes.TryGetValue(key, out var before) && ReferenceEquals(before.Cultures, now.Cultures)))
            {
                foreach (var culture in now.Cultures.Values)
                {
                    var path = UrlSegments.NormalizePath(culture.Url);
                    if (!routes.TryAdd(path, key) && routes[path] != key)
                    {
                        return null;
                    }
                }
            }
        }

        return routes;
    }

    private static bool SameRules(IReadOnlyList<PublicAccessRule> before, IReadOnlyList<PublicAccessRule> now)
    {
        if (before.Count != now.Count)
        {
            return false;
        }

        var byNode = before.ToDictionary(r => r.NodeKey);
        return now.All(rule => byNode.TryGetValue(rule.NodeKey, out var other)
            && rule.LoginNodeKey == other.LoginNodeKey && rule.NoAccessNodeKey == other.NoAccessNodeKey
            && rule.AllowedGroups.SequenceEqual(other.AllowedGroups, StringComparer.Ordinal));
    }

    private static PublishedNode NewNode(
        ContentNodeRecord record, Guid[] childKeys, IReadOnlyDictionary<string, PublishedCultureInfo> cultures, PublicAccessRule? rule, Inputs inputs)
    {
        var rows = inputs.RowsOf(record.Key);
        var invariant = record.InvariantPublishedVersionId is { } invariantId && inputs.Versions.TryGetValue(invariantId, out var data)
            ? data
            : PublishedVersion.Empty;

        // What visitors see last changed when a culture was last published: a draft saved since does not count.
        var updated = DateTime.MinValue;
        foreach (var row in rows)
        {
            updated = row.PublishedAtUtc > updated ? row.PublishedAtUtc : updated;
        }

        return new PublishedNode(
            record, rows, inputs.Schema.FindContentType(record.ContentTypeAlias)!,
            ContentMapping.AsUtc(updated == DateTime.MinValue ? record.UpdateDateUtc : updated), invariant, childKeys, cultures, rule);
    }

    /// <summary>
    /// The cultures of one parent's children (or of the roots, with the home page named), siblings deduplicated. Where
    /// neither the children nor their order nor anything their cultures are made from changed, the last outcome stands.
    /// </summary>
    private static IReadOnlyDictionary<string, PublishedCultureInfo>[] CultureGroup(
        Guid? parentKey, IReadOnlyDictionary<string, PublishedCultureInfo>? parentCultures, Guid[] keys, Guid? home, Inputs inputs)
    {
        var entries = new CultureEntry[keys.Length];
        var allReused = true;
        for (var i = 0; i < keys.Length; i++)
        {
            entries[i] = Entry(keys[i], parentCultures, isHome: keys[i] == home, inputs, out var reused);
            allReused &= reused;
        }

        // Siblings' URLs depend on one another (the second "news" is "news-2"): when neither the children nor their
        // order changed, last build's outcome stands; otherwise the whole group is deduplicated again. Roots are not.
        if (parentKey is { } parent && (!inputs.Cache.SameChildren(parent, keys) || !allReused))
        {
            var taken = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i];
                var final = Deduplicate(entry.Computed, taken);
                if (!ReferenceEquals(final, entry.Computed) && SameCultures(final, entry.Final))
                {
                    final = entry.Final; // deduplicated as last time: the nodes below keep their cultures too
                }

                entries[i] = ReferenceEquals(final, entry.Final) ? entry : entry with { Final = final };
            }
        }

        var finals = new IReadOnlyDictionary<string, PublishedCultureInfo>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            inputs.Cache.Remember(keys[i], entries[i]);
            finals[i] = entries[i].Final;
        }

        return finals;
    }

    /// <summary>
    /// The node's cultures with what they were worked out from. When its rows, its parent's cultures, the languages and
    /// whether it is the home page are all the last build's (compared by reference), the last build's entry is taken
    /// as it is.
    /// </summary>
    private static CultureEntry Entry(
        Guid key, IReadOnlyDictionary<string, PublishedCultureInfo>? parentCultures, bool isHome, Inputs inputs, out bool reused)
    {
        var rows = inputs.RowsOf(key);
        var previous = inputs.Cache.PreviousCultures(key);
        if (previous is not null && ReferenceEquals(previous.Rows, rows) && ReferenceEquals(previous.ParentCultures, parentCultures)
            && ReferenceEquals(previous.Languages, inputs.Schema.Languages) && previous.IsHome == isHome)
        {
            reused = true;
            return previous;
        }

        reused = false;
        if (previous is not null && Unchanged(previous.Computed, parentCultures, rows, inputs, isHome))
        {
            // Nothing of them changed, only what they were compared with: the same dictionaries, so the nodes below
            // are reused in turn.
            return previous with { Rows = rows, ParentCultures = parentCultures, Languages = inputs.Schema.Languages, IsHome = isHome };
        }

        var computed = ComputeCultures(parentCultures, rows, inputs, isHome);
        return new CultureEntry(rows, parentCultures, inputs.Schema.Languages, isHome, computed, computed);
    }

    /// <summary>The node's live cultures with their URLs, before siblings are deduplicated.</summary>
    private static Dictionary<string, PublishedCultureInfo> ComputeCultures(
        IReadOnlyDictionary<string, PublishedCultureInfo>? parentCultures,
        IReadOnlyList<PublishedCultureRecord> rows,
        Inputs inputs,
        bool isHome)
    {
        var cultures = new Dictionary<string, PublishedCultureInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (Resolve(row, parentCultures, inputs, isHome) is not var (language, data, name, segment, parentUrl))
            {
                continue;
            }

            var url = isHome ? $"/{language.UrlPrefix}/"
                : parentUrl is null ? $"/{language.UrlPrefix}/{segment}"
                : $"{parentUrl.TrimEnd('/')}/{segment}";
            cultures[language.IsoCode] = new PublishedCultureInfo(language.IsoCode, name, segment, url, ContentMapping.AsUtc(row.PublishedAtUtc)) { Version = data };
        }

        return cultures;
    }

    private static bool SameCultures(IReadOnlyDictionary<string, PublishedCultureInfo> a, IReadOnlyDictionary<string, PublishedCultureInfo> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (culture, info) in a)
        {
            if (!b.TryGetValue(culture, out var other) || !info.Equals(other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the rows give exactly the cultures of the last build, checked without allocating.</summary>
    private static bool Unchanged(
        IReadOnlyDictionary<string, PublishedCultureInfo> previous,
        IReadOnlyDictionary<string, PublishedCultureInfo>? parentCultures,
        IReadOnlyList<PublishedCultureRecord> rows,
        Inputs inputs,
        bool isHome)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (Resolve(row, parentCultures, inputs, isHome) is not var (language, data, name, segment, parentUrl))
            {
                continue;
            }

            count++;
            if (!previous.TryGetValue(language.IsoCode, out var known)
                || !ReferenceEquals(known.Version, data)
                || known.PublishedAtUtc != ContentMapping.AsUtc(row.PublishedAtUtc)
                || !string.Equals(known.Name, name, StringComparison.Ordinal)
                || !string.Equals(known.UrlSegment, segment, StringComparison.Ordinal)
                || !IsUrl(known.Url, language.UrlPrefix, parentUrl, segment, isHome))
            {
                return false;
            }
        }

        return count == previous.Count;
    }

    private static bool IsUrl(string url, string prefix, string? parentUrl, string segment, bool isHome)
    {
        var span = url.AsSpan();
        if (isHome || parentUrl is null)
        {
            // "/en/" for the home page, "/en/segment" for another root
            return span.Length == prefix.Length + 2 + segment.Length && span[0] == '/' && span[1..].StartsWith(prefix, StringComparison.Ordinal)
                && span[prefix.Length + 1] == '/' && span[(prefix.Length + 2)..].SequenceEqual(segment);
        }

        var parent = parentUrl.AsSpan().TrimEnd('/');
        return span.Length == parent.Length + 1 + segment.Length && span.StartsWith(parent, StringComparison.Ordinal)
            && span[parent.Length] == '/' && span[(parent.Length + 1)..].SequenceEqual(segment);
    }

    /// <summary>A published row's language, data, name, segment and parent URL; null when the row is not live.</summary>
    private static (Languages.Language Language, PublishedVersion Data, string Name, string Segment, string? ParentUrl)? Resolve(
        PublishedCultureRecord row,
        IReadOnlyDictionary<string, PublishedCultureInfo>? parentCultures,
        Inputs inputs,
        bool isHome)
    {
        var language = inputs.Schema.Languages.Find(row.Culture);
        if (language is null || !inputs.Versions.TryGetValue(row.VersionId, out var data))
        {
            return null;
        }

        var parentUrl = parentCultures?.GetValueOrDefault(language.IsoCode)?.Url;
        if (parentCultures is not null && parentUrl is null)
        {
            return null; // the parent is not live in this culture, so neither is this node
        }

        var (name, segment) = inputs.Cache.NameAndSegment(row.VersionId, language.IsoCode, data);
        return (language, data, name, isHome ? string.Empty : segment, parentUrl);
    }

    /// <summary>Two siblings with the same segment would share a URL; later ones get "-2", "-3"... as Umbraco does.</summary>
    private static IReadOnlyDictionary<string, PublishedCultureInfo> Deduplicate(
        IReadOnlyDictionary<string, PublishedCultureInfo> computed, Dictionary<string, HashSet<string>> taken)
    {
        Dictionary<string, PublishedCultureInfo>? cultures = null;
        foreach (var (culture, info) in computed)
        {
            var used = taken.TryGetValue(culture, out var set) ? set : taken[culture] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var segment = info.UrlSegment;
            for (var n = 2; !used.Add(segment); n++)
            {
                segment = $"{info.UrlSegment}-{n}";
            }

            if (segment != info.UrlSegment)
            {
                var url = info.Url[..^info.UrlSegment.Length] + segment;
                cultures ??= new Dictionary<string, PublishedCultureInfo>(computed, StringComparer.OrdinalIgnoreCase);
                cultures[culture] = info with { UrlSegment = segment, Url = url };
            }
        }

        return cultures ?? computed;
    }

    /// <summary>What every step of one build reads: the schema, the published rows by node, the parsed versions, the cache.</summary>
    private sealed record Inputs(
        ContentSchema Schema,
        IReadOnlyDictionary<Guid, ContentNodeRecord> Nodes,
        IReadOnlyDictionary<Guid, IReadOnlyList<PublishedCultureRecord>> PublishedByNode,
        IReadOnlyDictionary<long, PublishedVersion> Versions,
        SnapshotBuildCache Cache)
    {
        public IReadOnlyList<PublishedCultureRecord> RowsOf(Guid key) => PublishedByNode.TryGetValue(key, out var rows) ? rows : [];
    }
}
