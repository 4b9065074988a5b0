using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Publishing;

namespace Site.Features.BackOffice;

/// <summary>What a culture of an item looks like in the tree.</summary>
public enum TreeCultureStatus
{
    /// <summary>Live, and what is saved is what is live.</summary>
    Published,

    /// <summary>Live, with later changes saved but not published.</summary>
    Changed,

    /// <summary>Written (it has a name in the culture) but never published, or taken down.</summary>
    Draft,

    /// <summary>Not written in this culture yet.</summary>
    Missing,
}

public sealed record TreeCultureState(string Culture, TreeCultureStatus Status);

/// <summary>An item in the tree: its children are null until its level is opened (they are fetched on demand).</summary>
public sealed record TreeItem(ContentNode Node, bool HasChildren, IReadOnlyList<TreeItem>? Children, bool IsCurrent, IReadOnlyList<TreeCultureState> Cultures)
{
    /// <summary>Whether its content type allows children: the tree then offers to create one under it.</summary>
    public bool TakesChildren { get; init; }

    public string Name(string culture) =>
        Node.CurrentVersion.Data.GetName(culture) ?? Node.CurrentVersion.Data.Names.Values.FirstOrDefault() ?? Node.Key.ToString();
}

/// <summary>
/// The content tree as the back office shows it: the roots, the path to the open item expanded, and any other level
/// fetched when an editor opens it, so a tree of 50,000 items costs one level at a time.
/// </summary>
public sealed class ContentTreeView(IContentService content, IPublishedSnapshotAccessor snapshots)
{
    /// <summary>The roots, with every level on the way to <paramref name="current"/> (and its own children) opened.</summary>
    public async Task<IReadOnlyList<TreeItem>> AroundAsync(Guid? current, IReadOnlyList<ContentNode> ancestors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        var open = ancestors.Select(a => a.Key).ToHashSet();
        if (current is { } key)
        {
            open.Add(key);
        }

        return await LevelAsync(null, open, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One level: the children of <paramref name="parent"/> (the roots for null), all closed.</summary>
    public Task<IReadOnlyList<TreeItem>> ChildrenAsync(Guid? parent, CancellationToken cancellationToken) =>
        LevelAsync(parent, new HashSet<Guid>(), null, cancellationToken);

    /// <summary>Items whose name contains the text, for the tree's search box.</summary>
    public async Task<IReadOnlyList<TreeItem>> FindAsync(string text, CancellationToken cancellationToken)
    {
        var languages = snapshots.Current.Languages;
        var found = await content.FindByNameAsync(text, 20, cancellationToken).ConfigureAwait(false);
        return [.. found.Select(n => new TreeItem(n, false, null, false, StatesOf(n, languages)))];
    }

    /// <summary>
    /// An item's name as a chooser shows it (the link dialog, the content picker): in the field's culture when the site
    /// has it (else the editor's), with its names in the other languages beside it, so an item written in one language
    /// only is still recognised.
    /// </summary>
    public static (string Culture, string Name, string OtherNames) NamesOf(ContentNode node, LanguageSet languages, string? culture, string editorCulture)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(languages);
        var preferred = culture is { Length: > 0 } && languages.Contains(culture) ? culture : editorCulture;
        var data = node.CurrentVersion.Data;
        var name = data.GetName(preferred) ?? data.Names.Values.FirstOrDefault() ?? node.Key.ToString();
        var others = languages.All.Select(l => data.GetName(l.IsoCode)).Where(n => !string.IsNullOrWhiteSpace(n) && n != name).Distinct();
        return (preferred, name, string.Join(" / ", others));
    }

    private bool TakesChildren(ContentNode node) =>
        snapshots.Current.Schema.FindContentType(node.ContentTypeAlias)?.AllowedChildAliases.Count > 0;

    public static IReadOnlyList<TreeCultureState> StatesOf(ContentNode node, LanguageSet languages)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(languages);
        return [.. languages.All.Select(l => new TreeCultureState(l.IsoCode, StatusOf(node, l.IsoCode)))];
    }

    private static TreeCultureStatus StatusOf(ContentNode node, string culture)
    {
        var live = node.PublishedCultures.FirstOrDefault(p => string.Equals(p.Culture, culture, StringComparison.OrdinalIgnoreCase));
        if (live is not null)
        {
            return live.VersionId == node.CurrentVersion.Id ? TreeCultureStatus.Published : TreeCultureStatus.Changed;
        }

        return string.IsNullOrWhiteSpace(node.CurrentVersion.Data.GetName(culture)) ? TreeCultureStatus.Missing : TreeCultureStatus.Draft;
    }

    private async Task<IReadOnlyList<TreeItem>> LevelAsync(Guid? parent, HashSet<Guid> open, Guid? current, CancellationToken cancellationToken)
    {
        var languages = snapshots.Current.Languages;
        var nodes = await content.GetChildrenAsync(parent, cancellationToken).ConfigureAwait(false);
        var withChildren = await content.WithChildrenAsync([.. nodes.Select(n => n.Key)], cancellationToken).ConfigureAwait(false);
        var items = new List<TreeItem>(nodes.Count);
        foreach (var node in nodes)
        {
            var hasChildren = withChildren.Contains(node.Key);
            var children = hasChildren && open.Contains(node.Key) ? await LevelAsync(node.Key, open, current, cancellationToken).ConfigureAwait(false) : null;
            items.Add(new TreeItem(node, hasChildren, children, node.Key == current, StatesOf(node, languages)) { TakesChildren = TakesChildren(node) });
        }

        return items;
    }
}
