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
    private Dictionary<Guid, IReadOnlyDictionary<string, PublishedCultureInfo>> _cultures = [];
    private Dictionary<Guid, IReadOnlyDictionary<string, PublishedCultureInfo>> _nextCultures = [];

    /// <summary>Begins a build; what a failed build left half done is forgotten.</summary>
    public void Starting()
    {
        _used.Clear();
        _nextCultures.Clear();
    }

    /// <summary>The node's cultures in the last build, to be reused as they are when nothing of them changed.</summary>
    public IReadOnlyDictionary<string, PublishedCultureInfo>? PreviousCultures(Guid key) => _cultures.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, PublishedCultureInfo> Remember(Guid key, IReadOnlyDictionary<string, PublishedCultureInfo> cultures)
    {
        _nextCultures[key] = cultures;
        return cultures;
    }

    /// <summary>The version's name in the culture and the URL segment made from it (or from its umbracoUrlName).</summary>
    public (string Name, string Segment) NameAndSegment(long versionId, string culture, ContentData data)
    {
        if (!_segments.TryGetValue((versionId, culture), out var known))
        {
            var name = data.GetName(culture) ?? string.Empty;
            var segment = data.GetValue(UrlSegments.UrlNameAlias, culture) is { } custom ? UrlSegments.FromName(custom) : UrlSegments.FromName(name);
            known = (name, segment);
        }

        _used[(versionId, culture)] = known;
        return known;
    }

    /// <summary>Ends a build: only what it used is kept for the next, so the cache never outgrows the snapshot.</summary>
    public void Completed()
    {
        (_segments, _used) = (_used, _segments);
        _used.Clear();
        (_cultures, _nextCultures) = (_nextCultures, _cultures);
        _nextCultures.Clear();
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
