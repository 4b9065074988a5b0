using Site.Core.Rendering;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// One document the index cannot make (its factory throws) is logged, left out and reported; the rest of that change
/// and every later change are still indexed, and the node is tried again when it is published again.
/// </summary>
public sealed class SkippedDocumentTests
{
    private const string Poison = "POISONED-DOCUMENT";

    private static readonly TimeSpan FollowBound = TimeSpan.FromSeconds(20);

    /// <summary>The site's rich text renderer, except that it fails on one word, as Markdig once did on nesting it could not read.</summary>
    private sealed class FailingRenderer : IRichTextRenderer
    {
        private readonly RichTextRenderer _inner = RichTextRenderer.WithoutMedia;

        public long Version => _inner.Version;

        public string ToSafeHtml(string markup, string culture) => _inner.ToSafeHtml(markup, culture);

        public string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys) => _inner.ToSafeHtml(markup, culture, blockKeys);

        public string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys, Site.Core.Content.RichTextConfiguration configuration) =>
            _inner.ToSafeHtml(markup, culture, blockKeys, configuration);

        public string ToPlainText(string markup) =>
            markup.Contains(Poison, StringComparison.Ordinal) ? throw new InvalidOperationException("cannot read this document") : _inner.ToPlainText(markup);
    }

    private static Site.Core.Sync.UsyncContentItem Poisoned(Site.Core.Sync.UsyncContentItem item) =>
        item with { Data = item.Data.WithValue("bodyText", KnownContent.English, Poison + " in the Tampere session") };

    private static Site.Core.Sync.UsyncContentItem NewArticle(Guid key) => UsyncSnapshots.Item(KnownContent.NewsSuzhou2025) with
    {
        Key = key,
        File = "rovaniemi.config",
        Data = ContentDataExtensions.Create(
            [(KnownContent.Chinese, "罗瓦涅米会议"), (KnownContent.English, "Rovaniemi meeting")],
            ("title", KnownContent.English, "Rovaniemi meeting"),
            ("bodyText", KnownContent.English, "Held in Rovaniemi, Lapland."),
            ("publishDate", null, "2026-01-15"),
            ("umbracoUrlName", KnownContent.Chinese, "rovaniemi"),
            ("umbracoUrlName", KnownContent.English, "rovaniemi")),
    };

    [Fact]
    public async Task A_document_that_cannot_be_made_is_skipped_and_reported_and_later_publishes_are_indexed()
    {
        await using var search = await SnapshotSearch.StartAsync(richText: new FailingRenderer());
        Assert.Empty(search.Status.SkippedDocuments);

        // Before, the whole update failed on this node and the index stayed at generation 1 for good.
        await search.SwapAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13 ? Poisoned(i) : i));

        Assert.Equal(2, search.Status.IndexedGeneration);
        var skipped = Assert.Single(search.Status.SkippedDocuments);
        Assert.Equal(KnownContent.Session13, skipped.Key);
        Assert.Contains("cannot read this document", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(search.Find("Tampere").Items, i => i.Key == KnownContent.Session13);
        Assert.Contains(search.Find("Oulu").Items, i => i.Key != KnownContent.Session13);

        // A later publish of something else is indexed; the bad node is not tried again while it is unchanged.
        var key = Guid.NewGuid();
        await search.SwapAsync(UsyncSnapshots.Build(3, i => i.Key == KnownContent.Session13 ? Poisoned(i) : i, extra: [NewArticle(key)]));
        Assert.Equal(3, search.Status.IndexedGeneration);
        Assert.Contains(search.Find("Lapland").Items, i => i.Key == key);
        Assert.Equal([KnownContent.Session13], search.Status.SkippedDocuments.Select(s => s.Key));

        // Published again without the bad text, it is indexed and no longer reported.
        await search.SwapAsync(UsyncSnapshots.Build(4, extra: [NewArticle(key)]));
        Assert.True(await SearchTestEngine.EventuallyAsync(() => search.Find("Tampere").Items.Any(i => i.Key == KnownContent.Session13), FollowBound));
        Assert.Empty(search.Status.SkippedDocuments);
    }

    [Fact]
    public async Task A_rebuild_skips_and_reports_the_document_it_cannot_make_and_indexes_the_rest()
    {
        await using var search = await SnapshotSearch.StartAsync(richText: new FailingRenderer());
        await search.SwapAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13 ? Poisoned(i) : i));

        var count = await search.Rebuilder.RebuildAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(KnownContent.PageCount - 1, count);
        Assert.Equal(KnownContent.PageCount - 1, search.Status.DocumentCount);
        Assert.Equal([KnownContent.Session13], search.Status.SkippedDocuments.Select(s => s.Key));
        Assert.Contains(search.Find("Oulu").Items, i => i.Key != KnownContent.Session13);

        // Gone from the snapshot, it is no longer reported.
        await search.SwapAsync(UsyncSnapshots.Build(3, i => i.Key == KnownContent.Session13 ? null : i));
        Assert.Empty(search.Status.SkippedDocuments);
    }

    [Fact]
    public async Task A_markdown_document_nested_too_deeply_is_indexed_by_its_text()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var deep = string.Concat(Enumerable.Repeat("> ", 130)) + "Rovaniemi reindeer";

        await search.SwapAsync(UsyncSnapshots.Build(2, i => i.Key == KnownContent.Session13
            ? i with { Data = i.Data.WithValue("bodyText", KnownContent.English, deep) }
            : i));

        Assert.Empty(search.Status.SkippedDocuments);
        Assert.Contains(search.Find("reindeer").Items, i => i.Key == KnownContent.Session13);
    }
}
