using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>Builds the tree of published nodes and their URLs per culture from stored rows.</summary>
internal static class PublishedSnapshotBuilder
{
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
        cache.Starting();
        var publishedByNode = published.ToLookup(p => p.NodeKey);
        var inputs = new Inputs(schema, publishedByNode, versions, cache);
        var contents = new Dictionary<Guid, PublishedContent>();
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
            foreach (var row in publishedByNode[node.Key])
            {
                updated = row.PublishedAtUtc > updated ? row.PublishedAtUtc : updated;
            }

            contents[node.Key] = new PublishedContent(
                node.Key, type, node.Level, node.SortOrder, ContentMapping.AsUtc(node.CreateDateUtc),
                ContentMapping.AsUtc(updated == DateTime.MinValue ? node.UpdateDateUtc : updated), invariant, cache, schema);
        }

        var roots = new List<PublishedContent>();
        foreach (var node in nodes.OrderBy(n => n.Level).ThenBy(n => n.SortOrder).ThenBy(n => n.CreateDateUtc).ThenBy(n => n.Key))
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
            root.Cultures = cache.Remember(root.Key, ComputeCultures(root, inputs, isHome: root == home));
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
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in parent.AllChildren)
        {
            child.Cultures = inputs.Cache.Remember(child.Key, Deduplicate(ComputeCultures(child, inputs, isHome: false), taken));
            AssignChildUrls(child, inputs);
        }
    }

    /// <summary>
    /// The node's live cultures with their URLs. Where nothing of them changed since the last build (same versions,
    /// dates, names and URLs), the last build's dictionary is reused: most nodes are unchanged after a publish, and
    /// what is not allocated again need not be collected either.
    /// </summary>
    private static IReadOnlyDictionary<string, PublishedCultureInfo> ComputeCultures(
        PublishedContent content,
        Inputs inputs,
        bool isHome)
    {
        if (inputs.Cache.PreviousCultures(content.Key) is { } previous && Unchanged(previous, content, inputs, isHome))
        {
            return previous;
        }

        var cultures = new Dictionary<string, PublishedCultureInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in inputs.PublishedByNode[content.Key])
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

    /// <summary>Whether the rows give exactly the cultures of the last build, checked without allocating.</summary>
    private static bool Unchanged(
        IReadOnlyDictionary<string, PublishedCultureInfo> previous,
        PublishedContent content,
        Inputs inputs,
        bool isHome)
    {
        var count = 0;
        foreach (var row in inputs.PublishedByNode[content.Key])
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
        ContentSchema Schema, ILookup<Guid, PublishedCultureRecord> PublishedByNode, IReadOnlyDictionary<long, ContentData> Versions, SnapshotBuildCache Cache);
}
