using Site.Core.Search;

namespace Site.Core.Tests.Search;

/// <summary>Chinese text is highlighted by the query's words as written, without the Chinese analyzer.</summary>
public sealed class LiteralHighlighterTests
{
    [Fact]
    public void Marks_every_occurrence_in_the_passage_and_keeps_the_text_readable()
    {
        var html = LiteralHighlighter.Highlight("第十三届论坛在芬兰坦佩雷举行，芬兰教育界代表出席。", ["芬兰"], 140, 2);

        Assert.Equal("第十三届论坛在<mark>芬兰</mark>坦佩雷举行，<mark>芬兰</mark>教育界代表出席。", html);
    }

    [Fact]
    public void Nothing_found_gives_null()
    {
        Assert.Null(LiteralHighlighter.Highlight("第十三届论坛在芬兰举行。", ["徐州", "Tampere"], 140, 2));
    }

    [Fact]
    public void The_passage_with_the_most_distinct_words_is_chosen()
    {
        var filler = new string('文', 300);
        var text = "校长" + filler + "校长和人工智能" + filler + "校长";

        var html = LiteralHighlighter.Highlight(text, ["人工智能", "校长"], 60, 1)!;

        Assert.Contains("<mark>校长</mark>和<mark>人工智能</mark>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 120, html);
    }

    [Fact]
    public void Two_passages_far_apart_are_joined_in_text_order()
    {
        var filler = new string('文', 300);
        var text = "开头提到芬兰。" + filler + "结尾提到徐州。";

        var html = LiteralHighlighter.Highlight(text, ["徐州", "芬兰"], 40, 2)!;

        Assert.Contains(" … ", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<mark>芬兰</mark>", StringComparison.Ordinal) < html.IndexOf("<mark>徐州</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public void Latin_words_match_whole_words_in_any_case()
    {
        var html = LiteralHighlighter.Highlight("AI 与 mail 和 Tampere、tampere", ["ai", "TAMPERE"], 140, 2);

        Assert.Equal("<mark>AI</mark> 与 mail 和 <mark>Tampere</mark>、<mark>tampere</mark>", html);
    }

    [Fact]
    public void The_text_around_the_marks_is_html_escaped()
    {
        var html = LiteralHighlighter.Highlight("<script>芬兰</script> & \"引号\"", ["芬兰"], 140, 2);

        Assert.Equal("&lt;script&gt;<mark>芬兰</mark>&lt;/script&gt; &amp; &quot;引号&quot;", html);
    }

    [Fact]
    public void A_passage_starts_at_its_sentence_and_ends_between_latin_words()
    {
        var text = new string('前', 200) + "。江苏与芬兰的合作，始于2017年。" + new string('后', 50) + " The theme reads Strategies and Methods for Early Cultivation of Top Innovative Talents";

        var html = LiteralHighlighter.Highlight(text, ["芬兰"], 60, 1)!;
        var latin = LiteralHighlighter.Highlight(new string('文', 14) + "，" + new string('文', 6) + "芬兰 Strategies and Methods for Early Cultivation", ["芬兰"], 30, 1)!;

        Assert.StartsWith("江苏与<mark>芬兰</mark>的合作", html, StringComparison.Ordinal);
        Assert.Equal(new string('文', 6) + "<mark>芬兰</mark> Strategies and", latin);
    }

    [Fact]
    public void A_passage_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 100)) + "芬兰" + string.Concat(Enumerable.Repeat("😀", 100));

        var html = LiteralHighlighter.Highlight(text, ["芬兰"], 41, 1)!;

        Assert.False(char.IsLowSurrogate(html[0]), "starts with half a pair");
        Assert.False(char.IsHighSurrogate(html[^1]), "ends with half a pair");
    }
}
