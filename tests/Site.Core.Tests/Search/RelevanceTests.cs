using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// The relevance set: queries a visitor would type, in both languages and across them, over the repository's real
/// content. Each must bring the expected page into the top three, shown in the visitor's language.
/// </summary>
public sealed class RelevanceTests(RealContentSearchFixture fixture) : IClassFixture<RealContentSearchFixture>
{
    private const string Zh = KnownContent.Chinese;
    private const string En = KnownContent.English;

    public static TheoryData<string, string, string> Queries => new()
    {
        // The issue's own example: the 13th session (2017, Tampere Hall, Finland), whichever way it is asked for.
        { "芬兰", Zh, "/sessions/13th-forum-2017" },
        { "芬兰", En, "/sessions/13th-forum-2017" },
        { "Finland", En, "/sessions/13th-forum-2017" },
        { "Finland", Zh, "/sessions/13th-forum-2017" },
        { "Tampere", En, "/sessions/13th-forum-2017" },
        { "Tampere", Zh, "/sessions/13th-forum-2017" },
        { "tampere", En, "/sessions/13th-forum-2017" },
        { "坦佩雷", Zh, "/sessions/13th-forum-2017" },
        { "坦佩雷", En, "/sessions/13th-forum-2017" },
        { "\"Tampere Hall\"", En, "/sessions/13th-forum-2017" },
        { "Tampere Finland", En, "/sessions/13th-forum-2017" },
        { "芬兰 坦佩雷", Zh, "/sessions/13th-forum-2017" },
        { "芬兰坦佩雷", Zh, "/sessions/13th-forum-2017" },
        { "Tampere 芬兰", En, "/sessions/13th-forum-2017" },
        { "curriculum design", En, "/sessions/13th-forum-2017" },
        { "2017", En, "/sessions/13th-forum-2017" },

        // Partner stories.
        { "Bycirklen", En, "/partners/wuxi-bycirklen" },
        { "Bycirklen", Zh, "/partners/wuxi-bycirklen" },
        { "Denmark", En, "/partners/wuxi-bycirklen" },
        { "丹麦", Zh, "/partners/wuxi-bycirklen" },
        { "丹麦", En, "/partners/wuxi-bycirklen" },
        { "Peel", En, "/partners/suzhou-peel" },
        { "Peel", Zh, "/partners/suzhou-peel" },
        { "皮尔", Zh, "/partners/suzhou-peel" },
        { "Diamond Minds", En, "/partners/changzhou-beijiao-diamond-minds" },
        { "Victoria", En, "/partners/victoria-jiangsu" },
        { "维多利亚", Zh, "/partners/victoria-jiangsu" },
        { "澳菲斯", Zh, "/partners/lianyungang-haizhou" },
        { "sister school project", En, "/partners/jesie-sister-school-project" },

        // Sessions by city, in either language.
        { "连云港", Zh, "/sessions/16th-forum-2020" },
        { "连云港", En, "/sessions/16th-forum-2020" },
        { "Lianyungang", En, "/sessions/16th-forum-2020" },
        { "Xuzhou", En, "/sessions/18th-forum-2023" },
        { "Xuzhou", Zh, "/sessions/18th-forum-2023" },
        { "徐州", Zh, "/sessions/18th-forum-2023" },
        { "徐州", En, "/sessions/18th-forum-2023" },
        { "Oulu", En, "/sessions/19th-forum-2024" },
        { "奥卢", Zh, "/sessions/19th-forum-2024" },
        { "Melbourne", En, "/sessions/19th-forum-2024" },
        { "苏州", Zh, "/sessions/20th-forum-2025" },
        { "Suzhou", En, "/sessions/4th-forum-2008" },
        { "镇江", Zh, "/sessions/10th-forum-2014" },
        { "Zhenjiang", En, "/sessions/10th-forum-2014" },
        { "泰州", Zh, "/sessions/12th-forum-2016" },
        { "Nantong", En, "/sessions/14th-forum-2018" },
        { "南通", Zh, "/sessions/14th-forum-2018" },
        { "New York", En, "/sessions/15th-forum-2019" },
        { "纽约", Zh, "/sessions/15th-forum-2019" },
        { "扬州", Zh, "/sessions/5th-forum-2009" },
        { "Yangzhou", En, "/sessions/5th-forum-2009" },
        { "Huai'an", En, "/sessions/6th-forum-2010" },
        { "淮安", Zh, "/sessions/6th-forum-2010" },
        { "Washington", En, "/sessions/9th-forum-2013" },

        // The glossary (uSync Dictionary, under "Glossary"): terms the content does not pair up itself.
        { "人工智能", Zh, "/sessions/20th-forum-2025" },
        { "人工智能", En, "/sessions/20th-forum-2025" },
        { "artificial intelligence", En, "/sessions/20th-forum-2025" },
        { "artificial intelligence", Zh, "/sessions/20th-forum-2025" },
        { "AI", Zh, "/sessions/20th-forum-2025" },
        { "数字时代", En, "/sessions/20th-forum-2025" },
        { "科学、技术、工程和数学", Zh, "/sessions/15th-forum-2019" },
        { "科学、技术、工程和数学", En, "/sessions/15th-forum-2019" },
        { "友好学校", En, "/partners/jesie-sister-school-project" },
        { "partner school", Zh, "/partners/jesie-sister-school-project" },

        // News.
        { "18th Forum held in Xuzhou", En, "/news/18th-forum-xuzhou-2023" },
        { "第二十届 苏州", Zh, "/news/20th-forum-suzhou-2025" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_brings_the_expected_page_into_the_top_three_in_the_visitors_language(string query, string culture, string expectedPath)
    {
        var results = fixture.Search.Find(query, culture);

        var top = results.Items.Take(3).ToList();
        var found = top.FirstOrDefault(h => h.Url.EndsWith(expectedPath, StringComparison.Ordinal));
        Assert.True(found is not null, $"“{query}” ({culture}): {expectedPath} not in the top three: {string.Join(", ", top.Select(h => h.Url))}");
        Assert.Equal(culture, found.Culture);
        Assert.StartsWith(culture == Zh ? "/zh/" : "/en/", found.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("芬兰", En, "Finland")]
    [InlineData("Finland", Zh, "芬兰")]
    [InlineData("Tampere", En, "Tampere")]
    [InlineData("徐州", Zh, "徐州")]
    public void Matching_words_are_highlighted_in_the_visitors_language(string query, string culture, string marked)
    {
        var hit = fixture.Search.Find(query, culture).Items[0];

        Assert.Contains($"<mark>{marked}</mark>", hit.Highlight, StringComparison.Ordinal);
        Assert.Equal(culture, hit.HighlightCulture);
    }

    [Fact]
    public void Chinese_is_searched_by_words_not_characters()
    {
        // 兰 alone is a character of 芬兰 (Finland): a character index would find the 2017 session for it.
        var results = fixture.Search.Find("兰", Zh);

        Assert.DoesNotContain(results.Items, h => h.Url.EndsWith("/sessions/13th-forum-2017", StringComparison.Ordinal));
    }

    [Fact]
    public void English_is_stemmed()
    {
        var singular = fixture.Search.Find("partnership", En);
        var plural = fixture.Search.Find("partnerships", En);

        Assert.True(singular.Total > 0);
        Assert.Equal(singular.Total, plural.Total);
    }

    [Fact]
    public void A_misspelt_english_word_gets_a_did_you_mean()
    {
        var results = fixture.Search.Find("Tamepre", En);

        Assert.Equal("Tampere", results.DidYouMean);
    }

    [Fact]
    public void A_correct_query_gets_no_did_you_mean()
    {
        Assert.Null(fixture.Search.Find("Tampere", En).DidYouMean);
    }

    [Fact]
    public void Facets_count_content_types_decades_locations_and_countries()
    {
        var results = fixture.Search.Find("Finland", En);

        Assert.Contains(results.Facets[Core.Search.SearchFacets.ContentType], f => f.Value == "session" && f.Count == 2);
        Assert.Contains(results.Facets[Core.Search.SearchFacets.Decade], f => f.Value == "2010" && f.Count == 1);
        Assert.Contains(results.Facets[Core.Search.SearchFacets.Location], f => f.Value == "abroad" && f.Count == 2);
        Assert.Contains(results.Facets[Core.Search.SearchFacets.Country], f => f.Value == "Finland");
    }

    [Fact]
    public void Filters_narrow_the_results()
    {
        var all = fixture.Search.Service.Search(new Core.Search.SearchQuery("Finland", En));
        var sessions = fixture.Search.Service.Search(new Core.Search.SearchQuery("Finland", En) { ContentType = "session", Decade = "2010" });

        Assert.True(all.Total > sessions.Total);
        var only = Assert.Single(sessions.Items);
        Assert.EndsWith("/sessions/13th-forum-2017", only.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorting_by_date_puts_the_newest_first()
    {
        var results = fixture.Search.Service.Search(new Core.Search.SearchQuery("forum", En) { Sort = Core.Search.SearchSort.Date, Take = 20 });

        var dates = results.Items.Where(i => i.Date is not null).Select(i => i.Date!.Value).ToList();
        Assert.True(dates.Count > 5);
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public void Paging_returns_each_result_once()
    {
        var first = fixture.Search.Service.Search(new Core.Search.SearchQuery("forum", En) { Take = 5 });
        var second = fixture.Search.Service.Search(new Core.Search.SearchQuery("forum", En) { Skip = 5, Take = 5 });

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(5, first.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Key).Intersect(second.Items.Select(i => i.Key)));
    }

    [Theory]
    [InlineData("Tamp", En, "/sessions/13th-forum-2017")]
    [InlineData("坦佩", Zh, "/sessions/13th-forum-2017")]
    [InlineData("Bycir", En, "/partners/wuxi-bycirklen")]
    [InlineData("徐", Zh, "/sessions/18th-forum-2023")]
    public void Suggestions_complete_the_word_being_typed(string typed, string culture, string expectedPath)
    {
        var suggestions = fixture.Search.Service.Suggest(typed, culture, null);

        Assert.Contains(suggestions, s => s.Url.EndsWith(expectedPath, StringComparison.Ordinal) && s.Culture == culture);
    }
}
