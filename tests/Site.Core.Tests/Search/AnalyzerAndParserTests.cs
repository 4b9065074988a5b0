using Site.Core.Search;

namespace Site.Core.Tests.Search;

public sealed class AnalyzerTests
{
    [Fact]
    public void Chinese_is_segmented_into_words()
    {
        var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.ForCulture("zh-CN"), "bodyText_zh-cn", "第十三届论坛在芬兰举行");

        Assert.Contains("芬兰", tokens);
        Assert.Contains("论坛", tokens);
        Assert.Contains("举行", tokens);
        Assert.DoesNotContain("兰", tokens);
    }

    [Fact]
    public void English_is_lower_cased_stemmed_and_stop_words_dropped()
    {
        var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.ForCulture("en-US"), "bodyText_en-us", "The Partnerships of Schools");

        Assert.Equal(["partnership", "school"], tokens);
    }

    [Fact]
    public void Fields_pick_the_analyzer_of_their_culture()
    {
        var chinese = SearchAnalyzers.Tokens(SearchAnalyzers.PerField, SearchFields.For(SearchFields.BodyText, "zh-CN"), "芬兰");
        var english = SearchAnalyzers.Tokens(SearchAnalyzers.PerField, SearchFields.For(SearchFields.BodyText, "en-US"), "Schools");
        var keyword = SearchAnalyzers.Tokens(SearchAnalyzers.PerField, SearchFields.ContentType, "newsArticle");

        Assert.Equal(["芬兰"], chinese);
        Assert.Equal(["school"], english);
        Assert.Equal(["newsArticle"], keyword);
    }

    [Fact]
    public void Bigrams_pair_chinese_characters()
    {
        var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.PerField, SearchFields.For(SearchFields.Bigrams, "zh-CN"), "坦佩雷");

        Assert.Equal(["坦佩", "佩雷"], tokens);
    }

    [Fact]
    public void Field_names_are_examine_style()
    {
        Assert.Equal("nodeName_zh-cn", SearchFields.For(SearchFields.NodeName, "zh-CN"));
        Assert.Equal("en-us", SearchFields.CultureOf("bodyText_en-us"));
    }
}

public sealed class SearchQueryParserTests
{
    [Fact]
    public void Words_are_split_on_spaces_and_where_chinese_meets_latin()
    {
        var query = SearchQueryParser.Parse("Tampere芬兰  2017");

        Assert.Equal(["Tampere", "芬兰", "2017"], query.Words.Select(w => w.Text));
    }

    [Fact]
    public void Balanced_quotes_make_a_phrase()
    {
        var query = SearchQueryParser.Parse("\"Tampere Hall\" Finland");

        Assert.Equal(new QueryWord("Tampere Hall", true, false), query.Words[0]);
        Assert.Equal(new QueryWord("Finland", false, false), query.Words[1]);
    }

    [Fact]
    public void Curly_quotes_count_as_quotes()
    {
        var query = SearchQueryParser.Parse("“Tampere Hall”");

        Assert.True(Assert.Single(query.Words).IsPhrase);
    }

    [Theory]
    [InlineData("\"Tampere", new[] { "Tampere" })]
    [InlineData("Tampere\" Hall\" \"", new[] { "Tampere", "Hall" })]
    [InlineData("Tampere AND Finland", new[] { "Tampere", "AND", "Finland" })]
    [InlineData("+Tampere -Finland", new[] { "Tampere", "Finland" })]
    [InlineData("title:Tampere^3 OR (Finland~)", new[] { "title", "Tampere", "3", "OR", "Finland" })]
    [InlineData("*", new string[0])]
    [InlineData("&& || !", new string[0])]
    [InlineData("Tamp*", new[] { "Tamp" })]
    public void Operators_and_stray_quotes_are_plain_text(string text, string[] words)
    {
        Assert.Equal(words, SearchQueryParser.Parse(text).Words.Select(w => w.Text));
    }

    [Fact]
    public void Stop_words_are_optional_unless_they_are_all_there_is()
    {
        Assert.True(SearchQueryParser.Parse("Tampere AND Finland").Words[1].IsOptional);
        Assert.All(SearchQueryParser.Parse("AND OR").Words, w => Assert.False(w.IsOptional));
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var query = SearchQueryParser.Parse("Tam\0pere\u0007\u200B Fin\u001bland\r\n");

        Assert.Equal(["Tam", "pere", "Fin", "land"], query.Words.Select(w => w.Text));
        Assert.DoesNotContain(query.Text, c => char.IsControl(c));
    }

    [Fact]
    public void Full_width_letters_are_folded()
    {
        Assert.Equal("TAMPERE", Assert.Single(SearchQueryParser.Parse("ＴＡＭＰＥＲＥ").Words).Text);
    }

    [Fact]
    public void Long_input_is_cut_to_the_maximum_length_and_word_count()
    {
        var query = SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("Tampere", 10_000)), maxLength: 200, maxWords: 12);

        Assert.True(query.Text.Length <= 200);
        Assert.Equal(12, query.Words.Count);
    }

    [Fact]
    public void A_surrogate_pair_is_not_cut_in_half()
    {
        var text = new string('a', 199) + "😀";

        var clean = SearchQueryParser.Clean(text, 200);

        Assert.False(char.IsHighSurrogate(clean[^1]));
    }

    [Fact]
    public void A_trailing_space_means_the_last_word_is_complete()
    {
        Assert.True(SearchQueryParser.Parse("Tamp").EndsInWord);
        Assert.False(SearchQueryParser.Parse("Tampere ").EndsInWord);
    }
}
