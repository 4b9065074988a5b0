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
        Func<string, string> renderMarkdown)
    {
        var publishedByNode = published.ToLookup(p => p.NodeKey);
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
            contents[node.Key] = new PublishedContent(
                node.Key, type, node.Level, node.SortOrder, ContentMapping.AsUtc(node.CreateDateUtc), ContentMapping.AsUtc(node.UpdateDateUtc), invariant, renderMarkdown);
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

        var home = roots.Count > 0 ? roots[0] : null;
        foreach (var root in roots)
        {
            root.Cultures = ComputeCultures(root, schema, publishedByNode, versions, isHome: root == home);
            AssignChildUrls(root, schema, publishedByNode, versions);
        }

        return new PublishedSnapshot(generation, nowUtc, schema, roots);
    }

    private static void ApplyAccessRules(PublishedContent content, Members.PublicAccessRule? inherited, Dictionary<Guid, Members.PublicAccessRule> rules)
    {
        content.AccessRule = rules.GetValueOrDefault(content.Key) ?? inherited;
        foreach (var child in content.AllChildren)
        {
            ApplyAccessRules(child, content.AccessRule, rules);
        }
    }

    private static void AssignChildUrls(
        PublishedContent parent,
        ContentSchema schema,
        ILookup<Guid, PublishedCultureRecord> publishedByNode,
        IReadOnlyDictionary<long, ContentData> versions)
    {
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in parent.AllChildren)
        {
            child.Cultures = Deduplicate(ComputeCultures(child, schema, publishedByNode, versions, isHome: false), taken);
            AssignChildUrls(child, schema, publishedByNode, versions);
        }
    }

    private static Dictionary<string, PublishedCultureInfo> ComputeCultures(
        PublishedContent content,
        ContentSchema schema,
        ILookup<Guid, PublishedCultureRecord> publishedByNode,
        IReadOnlyDictionary<long, ContentData> versions,
        bool isHome)
    {
        var cultures = new Dictionary<string, PublishedCultureInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in publishedByNode[content.Key])
        {
            var language = schema.Languages.Find(row.Culture);
            if (language is null || !versions.TryGetValue(row.VersionId, out var data))
            {
                continue;
            }

            var parentUrl = content.Parent?.Url(language.IsoCode);
            if (content.Parent is not null && parentUrl is null)
            {
                continue; // the parent is not live in this culture, so neither is this node
            }

            var name = data.GetName(language.IsoCode) ?? string.Empty;
            var segment = isHome ? string.Empty
                : data.GetValue(UrlSegments.UrlNameAlias, language.IsoCode) is { } custom ? UrlSegments.FromName(custom)
                : UrlSegments.FromName(name);
            var url = isHome ? $"/{language.UrlPrefix}/"
                : content.Parent is null ? $"/{language.UrlPrefix}/{segment}"
                : $"{parentUrl!.TrimEnd('/')}/{segment}";
            cultures[language.IsoCode] = new PublishedCultureInfo(language.IsoCode, name, segment, url, ContentMapping.AsUtc(row.PublishedAtUtc), data);
        }

        return cultures;
    }

    /// <summary>Two siblings with the same segment would share a URL; later ones get "-2", "-3"... as Umbraco does.</summary>
    private static Dictionary<string, PublishedCultureInfo> Deduplicate(
        Dictionary<string, PublishedCultureInfo> computed, Dictionary<string, HashSet<string>> taken)
    {
        var cultures = new Dictionary<string, PublishedCultureInfo>(computed, StringComparer.OrdinalIgnoreCase);
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
                cultures[culture] = info with { UrlSegment = segment, Url = url };
            }
        }

        return cultures;
    }
}
