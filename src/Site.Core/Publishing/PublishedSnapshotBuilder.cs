using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>Builds the tree of published nodes and their URLs per culture from stored rows.</summary>
internal static class PublishedSnapshotBuilder
{
    /// <summary>Builds from rows as they come, in no particular grouping (previews and tests).</summary>
    public static PublishedSnapshot Build(
        long generation,
        DateTime nowUtc,
        ContentSchema schema,
        IReadOnlyList<ContentNodeRecord> nodes,
        IReadOnlyList<PublishedCultureRecord> published,
        IReadOnlyDictionary<long, ContentData> versions,
        IReadOnlyList<Members.PublicAccessRule> accessRules,
        SnapshotBuildCache cache)
    {
        var byNode = new Dictionary<Guid, IReadOnlyList<PublishedCultureRecord>>();
        foreach (var group in published.GroupBy(p => p.NodeKey))
        {
            byNode[group.Key] = [.. group];
        }

        return Build(generation, nowUtc, schema, nodes, byNode, versions, accessRules, cache);
    }

    /// <summary>
    /// Builds from each node's published rows. A node's list of rows is the same object as in the last build when
    /// nothing of it changed (the snapshot service keeps the lists of the nodes the change journal does not name): its
    /// cultures are then taken as they were without a look, so a publish costs a walk of the tree, not a recomputation.
    /// </summary>
    public static PublishedSnapshot Build(
        long generation,
        DateTime nowUtc,
        ContentSchema schema,
        IReadOnlyCollection<ContentNodeRecord> nodes,
        IReadOnlyDictionary<Guid, IReadOnlyList<PublishedCultureRecord>> publishedByNode,
        IReadOnlyDictionary<long, ContentData> versions,
        IReadOnlyList<Members.PublicAccessRule> accessRules,
        SnapshotBuildCache cache)
    {
        cache.Starting();
        var inputs = new Inputs(schema, publishedByNode, versions, cache);
        var contents = new Dictionary<Guid, PublishedContent>(nodes.Count);
        foreach (var node in nodes)
        {
            var type = schema.FindContentType(node.ContentTypeAlias);
            if (type is null)
            {
                continue;
            }

            var invariant = node.InvariantPublishedVersionId is { } invariantId && versions.TryGetValue(invariantId, out var data)
                ? data
                : ContentData.Empty;
            // What visitors see last changed when a culture was last published: a draft saved since does not count.
            var updated = DateTime.MinValue;
            foreach (var row in inputs.RowsOf(node.Key))
            {
                updated = row.PublishedAtUtc > updated ? row.PublishedAtUtc : updated;
            }

            contents[node.Key] = new PublishedContent(
                node.Key, type, node.Level, node.SortOrder, ContentMapping.AsUtc(node.CreateDateUtc),
                ContentMapping.AsUtc(updated == DateTime.MinValue ? node.UpdateDateUtc : updated), invariant, cache, schema);
        }

        // Children are put in order under each parent afterwards, so the nodes are linked in whatever order they come.
        var roots = new List<PublishedContent>();
        foreach (var node in nodes)
        {
            if (!contents.TryGetValue(node.Key, out var content))
            {
                continue;
            }

            if (node.ParentKey is null)
            {
                roots.Add(content);
            }
            else if (contents.TryGetValue(node.ParentKey.Value, out var parent))
            {
                content.Parent = parent;
                parent.AddChild(content);
            }

            // A node whose parent is not published is not reachable, so it is left out.
        }

        roots.Sort(static (a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : PublishedContent.TreeOrder(a, b));
        foreach (var content in contents.Values)
        {
            content.SortChildren();
        }

        // A rule protects its node and every descendant; the nearest rule wins.
        var rulesByNode = accessRules.ToDictionary(r => r.NodeKey);
        foreach (var root in roots)
        {
            ApplyAccessRules(root, null, rulesByNode);
        }

        var home = roots.FirstOrDefault(r => r.IsPage);
        foreach (var root in roots)
        {
            var entry = Entry(root, isHome: root == home, inputs, out _);
            root.Cultures = entry.Final;
            cache.Remember(root.Key, entry);
            AssignChildUrls(root, inputs);
        }

        cache.Completed();
        return new PublishedSnapshot(generation, nowUtc, schema, roots, contents.Count);
    }

    private static void ApplyAccessRules(PublishedContent content, Members.PublicAccessRule? inherited, Dictionary<Guid, Members.PublicAccessRule> rules)
    {
        content.AccessRule = rules.GetValueOrDefault(content.Key) ?? inherited;
        foreach (var child in content.AllChildren)
        {
            ApplyAccessRules(child, content.AccessRule, rules);
        }
    }

    private static void AssignChildUrls(PublishedContent parent, Inputs inputs)
    {
        var children = parent.AllChildren;
        if (children.Count == 0)
        {
            return;
        }

        var entries = new CultureEntry[children.Count];
        var allReused = true;
        for (var i = 0; i < children.Count; i++)
        {
            entries[i] = Entry(children[i], isHome: false, inputs, out var reused);
            allReused &= reused;
        }

        // Siblings' URLs depend on one another (the second "news" is "news-2"): when neither the children nor their
        // order changed, last build's outcome stands; otherwise the whole group is deduplicated again.
        var sameChildren = inputs.Cache.SameChildren(parent.Key, children);
        if (!allReused || !sameChildren)
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

        for (var i = 0; i < children.Count; i++)
        {
            children[i].Cultures = entries[i].Final;
            inputs.Cache.Remember(children[i].Key, entries[i]);
        }

        foreach (var child in children)
        {
            AssignChildUrls(child, inputs);
        }
    }

    /// <summary>
    /// The node's cultures with what they were worked out from. When its rows, its parent's cultures, the languages and
    /// whether it is the home page are all the last build's (compared by reference), the last build's entry is taken
    /// as it is.
    /// </summary>
    private static CultureEntry Entry(PublishedContent content, bool isHome, Inputs inputs, out bool reused)
    {
        var rows = inputs.RowsOf(content.Key);
        var parentCultures = content.Parent?.Cultures;
        var previous = inputs.Cache.PreviousCultures(content.Key);
        if (previous is not null && ReferenceEquals(previous.Rows, rows) && ReferenceEquals(previous.ParentCultures, parentCultures)
            && ReferenceEquals(previous.Languages, inputs.Schema.Languages) && previous.IsHome == isHome)
        {
            reused = true;
            return previous;
        }

        reused = false;
        if (previous is not null && Unchanged(previous.Computed, content, rows, inputs, isHome))
        {
            // Nothing of them changed, only what they were compared with: the same dictionaries, so the nodes below
            // are reused in turn.
            return previous with { Rows = rows, ParentCultures = parentCultures, Languages = inputs.Schema.Languages, IsHome = isHome };
        }

        var computed = ComputeCultures(content, rows, inputs, isHome);
        return new CultureEntry(rows, parentCultures, inputs.Schema.Languages, isHome, computed, computed);
    }

    /// <summary>The node's live cultures with their URLs, before siblings are deduplicated.</summary>
    private static Dictionary<string, PublishedCultureInfo> ComputeCultures(
        PublishedContent content,
        IReadOnlyList<PublishedCultureRecord> rows,
        Inputs inputs,
        bool isHome)
    {
        var cultures = new Dictionary<string, PublishedCultureInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (Resolve(row, content, inputs, isHome) is not var (language, data, name, segment, parentUrl))
            {
                continue;
            }

            var url = isHome ? $"/{language.UrlPrefix}/"
                : parentUrl is null ? $"/{language.UrlPrefix}/{segment}"
                : $"{parentUrl.TrimEnd('/')}/{segment}";
            cultures[language.IsoCode] = new PublishedCultureInfo(language.IsoCode, name, segment, url, ContentMapping.AsUtc(row.PublishedAtUtc), data);
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
        PublishedContent content,
        IReadOnlyList<PublishedCultureRecord> rows,
        Inputs inputs,
        bool isHome)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (Resolve(row, content, inputs, isHome) is not var (language, data, name, segment, parentUrl))
            {
                continue;
            }

            count++;
            if (!previous.TryGetValue(language.IsoCode, out var known)
                || !ReferenceEquals(known.Data, data)
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
    private static (Languages.Language Language, ContentData Data, string Name, string Segment, string? ParentUrl)? Resolve(
        PublishedCultureRecord row,
        PublishedContent content,
        Inputs inputs,
        bool isHome)
    {
        var language = inputs.Schema.Languages.Find(row.Culture);
        if (language is null || !inputs.Versions.TryGetValue(row.VersionId, out var data))
        {
            return null;
        }

        var parentUrl = content.Parent?.Url(language.IsoCode);
        if (content.Parent is not null && parentUrl is null)
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
        IReadOnlyDictionary<Guid, IReadOnlyList<PublishedCultureRecord>> PublishedByNode,
        IReadOnlyDictionary<long, ContentData> Versions,
        SnapshotBuildCache Cache)
    {
        public IReadOnlyList<PublishedCultureRecord> RowsOf(Guid key) => PublishedByNode.TryGetValue(key, out var rows) ? rows : [];
    }
}
