using System.Collections.Concurrent;
using Site.Core.Content;
using Site.Core.Rendering;

namespace Site.Core.Publishing;

/// <summary>A published culture of a node: its name, URL segment and URL, and its values.</summary>
public sealed record PublishedCultureInfo(string Culture, string Name, string UrlSegment, string Url, DateTime PublishedAtUtc)
{
    internal PublishedVersion Version { get; init; } = PublishedVersion.Empty;

    /// <summary>The values published in this culture (decoded again when they were let go: see <see cref="PublishedVersion"/>).</summary>
    public ContentData Data => Version.Data;
}

/// <summary>
/// A node as visitors see it in one snapshot: only what is published, per culture. Immutable. Its data is shared with
/// the other snapshots in which it did not change; its parent and children are this snapshot's.
/// </summary>
public sealed class PublishedContent
{
    private readonly PublishedNode _node;
    private PublishedContent? _parent;
    private PublishedContent[]? _children;

    // Links to pages resolved against this snapshot's URLs, kept with the HTML they were made from.
    private ConcurrentDictionary<(string Alias, string Culture), (string Source, string Html)>? _linked;

    internal PublishedContent(PublishedNode node, PublishedSnapshot snapshot)
    {
        _node = node;
        Snapshot = snapshot;
    }

    public Guid Key => _node.Key;

    public ContentType ContentType => _node.ContentType;

    public string ContentTypeAlias => ContentType.Alias;

    public int Level => _node.Record.Level;

    public int SortOrder => _node.Record.SortOrder;

    public DateTime CreateDateUtc => _node.CreateDateUtc;

    public DateTime UpdateDateUtc => _node.UpdateDateUtc;

    public PublishedContent? Parent => _node.ParentKey is { } key ? _parent ??= Snapshot.GetByKey(key) : null;

    /// <summary>The routable cultures of this node (published, with every ancestor published in the same culture).</summary>
    public IReadOnlyDictionary<string, PublishedCultureInfo> Cultures => _node.Cultures;

    public IReadOnlyList<PublishedContent> AllChildren => _children ??= ChildrenOf(_node, Snapshot);

    /// <summary>The rule protecting this node: its own, else the nearest ancestor's; null when it is public.</summary>
    public Members.PublicAccessRule? AccessRule => _node.AccessRule;

    /// <summary>The snapshot this node belongs to: links in its rich text point at the URLs of that snapshot.</summary>
    internal PublishedSnapshot Snapshot { get; }

    public bool IsProtected => AccessRule is not null;

    /// <summary>Whether the site renders this node as a page; a node of a type without a template (site settings) is data only.</summary>
    public bool IsPage => ContentType.IsPage;

    private static PublishedContent[] ChildrenOf(PublishedNode node, PublishedSnapshot snapshot)
    {
        if (node.ChildKeys.Length == 0)
        {
            return [];
        }

        var children = new PublishedContent[node.ChildKeys.Length];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = snapshot.GetByKey(node.ChildKeys[i])!;
        }

        return children;
    }

    public bool IsPublished(string culture) => Cultures.ContainsKey(culture);

    public PublishedCultureInfo? Culture(string culture) => Cultures.GetValueOrDefault(culture);

    public string? Name(string culture) => Culture(culture)?.Name;

    public string? Url(string culture) => Culture(culture)?.Url;

    public IEnumerable<PublishedContent> Children(string culture) => AllChildren.Where(c => c.IsPublished(culture));

    /// <summary>Ancestors from the root down to the parent.</summary>
    public IReadOnlyList<PublishedContent> Ancestors()
    {
        var list = new List<PublishedContent>();
        for (var node = Parent; node is not null; node = node.Parent)
        {
            list.Add(node);
        }

        list.Reverse();
        return list;
    }

    public IEnumerable<PublishedContent> Descendants()
    {
        foreach (var child in AllChildren)
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>The raw published value in a culture; invariant properties ignore the culture. Null when empty or not published.</summary>
    public string? Value(string alias, string culture)
    {
        var property = ContentType.FindProperty(alias);
        if (property is null)
        {
            return null;
        }

        return property.VariesByCulture
            ? Culture(culture)?.Data.GetValue(alias, culture)
            : _node.Invariant.Data.GetValue(alias, null);
    }

    // Typed reads go through EditorValues, which skips whatever of a stored value does not fit its editor's shape.
    public int? IntValue(string alias, string culture) => EditorValues.WholeNumber(Value(alias, culture));

    public DateOnly? DateValue(string alias, string culture) => EditorValues.Date(Value(alias, culture));

    public bool BoolValue(string alias, string culture) => EditorValues.IsTrue(Value(alias, culture));

    public IReadOnlyList<string> TagsValue(string alias, string culture) => EditorValues.Tags(Value(alias, culture));

    /// <summary>The links a page may show: only http(s), mailto and site paths (<see cref="EditorValues.IsAllowedUrl"/>).</summary>
    public IReadOnlyList<LinkValue> LinksValue(string alias, string culture) => EditorValues.Links(Value(alias, culture));

    public Guid? PickedKey(string alias, string culture) => EditorValues.ContentKey(Value(alias, culture));

    public IReadOnlyList<Guid> MediaKeysValue(string alias, string culture) => EditorValues.MediaKeys(Value(alias, culture));

    /// <summary>The blocks of a block list property shown in the culture (element types from the snapshot's schema).</summary>
    public IReadOnlyList<BlockItem> BlocksValue(ContentSchema schema, string alias, string culture) =>
        EditorValues.Blocks(schema, Value(alias, culture), culture);

    /// <summary>The blocks a rich text property places in its markup, read in the culture.</summary>
    public IReadOnlyList<BlockItem> RichTextBlocks(ContentSchema schema, string alias, string culture) =>
        EditorValues.RichText(schema, Value(alias, culture), culture)?.Blocks ?? [];

    /// <summary>The markup of a rich text property as stored (not sanitized: pages use <see cref="HtmlValue"/>).</summary>
    public string? RichTextMarkup(string alias, string culture) => EditorValues.RichTextMarkup(Value(alias, culture));

    /// <summary>
    /// A Markdown or rich text property as sanitized HTML, rendered once per published version (rich text also again
    /// when the media library changes, as its images point at media by key). Null when empty or not published.
    /// </summary>
    public string? HtmlValue(string alias, string culture)
    {
        var property = ContentType.FindProperty(alias);
        if (property is null)
        {
            return null;
        }

        var (data, valueCulture) = property.VariesByCulture ? (Culture(culture)?.Data, culture) : (_node.Invariant.Data, null);
        if (data?.GetValue(alias, valueCulture) is not { } value)
        {
            return null;
        }

        if (property.EditorAlias == PropertyEditors.RichText)
        {
            // The culture asked for, not the value's: an image's alt text may come from the media item in it.
            return EditorValues.RichTextMarkup(value, out var blockKeys) is { } markup
                && Snapshot.Cache.RichHtml(data, alias, culture, markup, blockKeys, EditorValues.RichTextConfigurationOf(Snapshot.Schema, property)) is { Length: > 0 } html
                    ? WithPageLinks(alias, culture, html)
                    : null;
        }

        return Snapshot.Cache.Html(data, alias, valueCulture ?? string.Empty, value);
    }

    /// <summary>
    /// Links to pages (stored by key) pointed at the pages' URLs in this snapshot and culture, or reduced to their text
    /// when the page is not live in it. Done per snapshot, as a rename or move elsewhere changes the URL.
    /// </summary>
    private string WithPageLinks(string alias, string culture, string html)
    {
        if (!RichTextLinks.HasLocalLinks(html))
        {
            return html;
        }

        var linked = LazyInitializer.EnsureInitialized(ref _linked);
        if (linked.TryGetValue((alias, culture), out var known) && ReferenceEquals(known.Source, html))
        {
            return known.Html;
        }

        var snapshot = Snapshot;
        var resolved = RichTextLinks.Resolve(html, key => snapshot.GetByKey(key)?.Url(culture));
        linked[(alias, culture)] = (html, resolved);
        return resolved;
    }
}
