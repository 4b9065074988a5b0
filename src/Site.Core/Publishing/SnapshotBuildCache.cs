using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Site.Core.Content;
using Site.Core.Rendering;

namespace Site.Core.Publishing;

/// <summary>
/// What a snapshot build reuses from the builds before it. Versions never change once saved, so a version's name and
/// URL segment in a culture, and its Markdown rendered as HTML, are worked out once and kept while it is published.
/// One cache per snapshot service; builds use it one at a time, pages read the HTML from any thread.
/// </summary>
internal sealed class SnapshotBuildCache(Func<string, string> renderMarkdown, IRichTextRenderer? richText = null)
{
    private readonly IRichTextRenderer _richText = richText ?? RichTextRenderer.WithoutMedia;

    // Keyed by the parsed version itself: entries go when no snapshot (and no version cache) holds the version.
    private readonly ConditionalWeakTable<ContentData, ConcurrentDictionary<(string Alias, string Culture), string>> _html = [];

    // Rich text points at media by key, so its HTML also depends on the media library: kept with the library's version.
    private readonly ConditionalWeakTable<ContentData, ConcurrentDictionary<(string Alias, string Culture), (long Version, RichTextConfiguration Configuration, string Html)>> _richHtml = [];
    private Dictionary<(long VersionId, string Culture), (string Name, string Segment)> _segments = [];
    private Dictionary<(long VersionId, string Culture), (string Name, string Segment)> _used = [];
    private Dictionary<Guid, CultureEntry> _cultures = [];
    private Dictionary<Guid, CultureEntry> _nextCultures = [];
    private Dictionary<Guid, Guid[]> _children = [];
    private Dictionary<Guid, Guid[]> _nextChildren = [];

    // A build from scratch fills new tables and keeps only what it used; one from the last tree updates them in place.
    private bool _incremental;

    /// <summary>Begins a build; what a failed build left half done is forgotten.</summary>
    public void Starting(bool incremental)
    {
        _incremental = incremental;
        _used.Clear();
        _nextCultures.Clear();
        _nextChildren.Clear();
    }

    /// <summary>The node's cultures in the last build, to be reused as they are when nothing of them changed.</summary>
    public CultureEntry? PreviousCultures(Guid key) => _cultures.GetValueOrDefault(key);

    public void Remember(Guid key, CultureEntry entry) => (_incremental ? _cultures : _nextCultures)[key] = entry;

    /// <summary>A node gone from the tree in a build from the last one.</summary>
    public void Forget(Guid key)
    {
        _cultures.Remove(key);
        _children.Remove(key);
    }

    /// <summary>Whether the parent has the same children in the same order as in the last build (and remembers them).</summary>
    public bool SameChildren(Guid parentKey, Guid[] children)
    {
        var same = _children.TryGetValue(parentKey, out var previous) && (ReferenceEquals(previous, children) || previous.AsSpan().SequenceEqual(children));
        (_incremental ? _children : _nextChildren)[parentKey] = children;
        return same;
    }

    /// <summary>The version's name in the culture and the URL segment made from it (or from its umbracoUrlName).</summary>
    public (string Name, string Segment) NameAndSegment(long versionId, string culture, PublishedVersion version)
    {
        if (!_segments.TryGetValue((versionId, culture), out var known))
        {
            var data = version.Data;
            var name = data.GetName(culture) ?? string.Empty;
            var segment = data.GetValue(UrlSegments.UrlNameAlias, culture) is { } custom ? UrlSegments.FromName(custom) : UrlSegments.FromName(name);
            known = (name, segment);
        }

        if (!_incremental)
        {
            _used[(versionId, culture)] = known; // a build from the last tree asks only for the versions it changed
        }

        return known;
    }

    /// <summary>Ends a build: only what it used is kept for the next, so the cache never outgrows the snapshot.</summary>
    public void Completed()
    {
        if (_incremental)
        {
            return;
        }

        (_segments, _used) = (_used, _segments);
        _used.Clear();
        (_cultures, _nextCultures) = (_nextCultures, _cultures);
        _nextCultures.Clear();
        (_children, _nextChildren) = (_nextChildren, _children);
        _nextChildren.Clear();
    }

    /// <summary>A Markdown value of a version as sanitized HTML, rendered once for every snapshot that publishes it.</summary>
    public string Html(ContentData version, string alias, string culture, string markdown) =>
        _html.GetOrCreateValue(version).GetOrAdd((alias, culture), static (_, state) => state.Render(state.Markdown), (Render: renderMarkdown, Markdown: markdown));

    /// <summary>
    /// A rich text value of a version as sanitized HTML with its images resolved in the culture the page is shown in:
    /// rendered once per version until the media library or the data type's settings change.
    /// </summary>
    public string RichHtml(ContentData version, string alias, string culture, string markup, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration)
    {
        var entries = _richHtml.GetOrCreateValue(version);
        var mediaVersion = _richText.Version;
        if (entries.TryGetValue((alias, culture), out var known) && known.Version == mediaVersion && ReferenceEquals(known.Configuration, configuration))
        {
            return known.Html;
        }

        var html = _richText.ToSafeHtml(markup, culture, blockKeys, configuration);
        entries[(alias, culture)] = (mediaVersion, configuration, html);
        return html;
    }
}

/// <summary>
/// A node's cultures in one build and what they were worked out from: its published rows (the list object), its
/// parent's cultures and the languages (by reference), whether it was the home page; <see cref="Computed"/> before its
/// siblings were deduplicated, <see cref="Final"/> after.
/// </summary>
internal sealed record CultureEntry(
    object Rows,
    IReadOnlyDictionary<string, PublishedCultureInfo>? ParentCultures,
    Languages.LanguageSet Languages,
    bool IsHome,
    IReadOnlyDictionary<string, PublishedCultureInfo> Computed,
    IReadOnlyDictionary<string, PublishedCultureInfo> Final);
