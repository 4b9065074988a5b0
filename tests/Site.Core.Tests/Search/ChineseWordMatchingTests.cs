using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// A Chinese word the segmenter does not know is split into single characters (坦佩雷 → 坦 / 佩 / 雷); each of those
/// characters alone is on many pages, so the word must match only where its characters stand together, in order.
/// </summary>
public sealed class ChineseWordMatchingTests
{
    private static readonly TimeSpan FollowBound = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_segmenter_splits_the_place_name_into_characters()
    {
        var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.ForCulture(KnownContent.Chinese), SearchFields.For(SearchFields.BodyText, KnownContent.Chinese), "坦佩雷");

        Assert.Equal(["坦", "佩", "雷"], tokens);
    }

    [Fact]
    public void Single_characters_must_stand_together_while_known_words_may_be_apart()
    {
        var field = SearchFields.For(SearchFields.BodyText, KnownContent.Chinese);
        var analyzer = SearchAnalyzers.ForCulture(KnownContent.Chinese);

        var unknownName = LuceneQueryBuilder.Field(field, analyzer, "坦佩雷", phrase: false, prefix: false)!.ToString();
        var placeAndName = LuceneQueryBuilder.Field(field, analyzer, "芬兰坦佩雷", phrase: false, prefix: false)!.ToString();
        var twoWords = LuceneQueryBuilder.Field(field, analyzer, "友好学校", phrase: false, prefix: false)!.ToString();

        Assert.Equal("bodyText_zh-cn:\"坦 佩 雷\"", unknownName);
        Assert.Equal("+bodyText_zh-cn:芬兰 +bodyText_zh-cn:\"坦 佩 雷\"", placeAndName);
        Assert.Equal("+bodyText_zh-cn:友好 +bodyText_zh-cn:学校", twoWords);
    }

    [Fact]
    public async Task A_split_word_finds_the_page_with_the_word_and_not_a_page_with_its_characters_apart()
    {
        await using var search = await SnapshotSearch.StartAsync();
        var key = Guid.NewGuid();
        var template = UsyncSnapshots.Item(KnownContent.NewsSuzhou2025);
        var data = ContentDataExtensions.Create(
            [(KnownContent.Chinese, "字符测试（示例内容）"), (KnownContent.English, "Character test (sample content)")],
            ("title", KnownContent.Chinese, "字符测试（示例内容）"),
            ("title", KnownContent.English, "Character test (sample content)"),
            ("bodyText", KnownContent.Chinese, "示例：雷、佩、坦三个字分开出现。"),
            ("bodyText", KnownContent.English, "Sample content for a test."),
            ("publishDate", null, "2026-01-15"),
            ("umbracoUrlName", KnownContent.Chinese, "character-test"),
            ("umbracoUrlName", KnownContent.English, "character-test"));
        await search.PublishAsync(UsyncSnapshots.Build(2, extra: [template with { Key = key, Data = data, File = "character-test.config" }]));
        Assert.True(await SearchTestEngine.EventuallyAsync(() => search.Find("字符测试", KnownContent.Chinese).Items.Any(i => i.Key == key), FollowBound));

        var found = search.Find("坦佩雷", KnownContent.Chinese).Items;

        Assert.Contains(found, i => i.Key == KnownContent.Session13);
        Assert.DoesNotContain(found, i => i.Key == key);
        Assert.Contains(search.Find("雷", KnownContent.Chinese).Items, i => i.Key == key);
    }

    [Fact]
    public void A_chinese_word_is_not_looked_up_in_fields_without_chinese_terms()
    {
        using var directory = new RAMDirectory();
        var englishBody = SearchFields.For(SearchFields.BodyText, KnownContent.English);
        var englishName = SearchFields.For(SearchFields.NodeName, KnownContent.English);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)))
        {
            writer.AddDocument(new Document
            {
                new TextField(SearchFields.For(SearchFields.BodyText, KnownContent.Chinese), "苏州的校长。", Field.Store.NO),
                new TextField(englishBody, "The principal of a school in Suzhou.", Field.Store.NO),
                new TextField(englishName, "The forum in 苏州 (Suzhou)", Field.Store.NO),
            });
        }

        using var reader = DirectoryReader.Open(directory);
        var shape = LuceneQueryBuilder.Word(new QueryWord("苏州", false, false), [KnownContent.Chinese, KnownContent.English], TermBridge.Empty, prefix: false, reader)!.ToString();

        Assert.False(HanTerms.InField(reader, englishBody));
        Assert.True(HanTerms.InField(reader, englishName));
        Assert.DoesNotContain(englishBody + ":", shape, StringComparison.Ordinal);
        Assert.Contains(englishName + ":\"苏 州\"", shape, StringComparison.Ordinal);
        Assert.Contains(SearchFields.For(SearchFields.BodyText, KnownContent.Chinese) + ":苏州", shape, StringComparison.Ordinal);
    }
}
