using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>Whatever a visitor types, the search answers: no exception, bounded work, the text taken as plain text.</summary>
public sealed class BadInputTests(RealContentSearchFixture fixture) : IClassFixture<RealContentSearchFixture>
{
    public static TheoryData<string> BadQueries => new()
    {
        "\"Tampere",
        "Tampere\"",
        "\"\"\"",
        "AND",
        "OR OR OR",
        "AND Tampere OR",
        "NOT",
        "*",
        "?",
        "*Tampere*",
        "Tam?ere",
        "Tampere~2",
        "title:Tampere",
        "nodeName_en-us:Tampere",
        "(((Tampere",
        "Tampere)))",
        "[1 TO 9]",
        "{a TO z}",
        "Tampere^100",
        "\\",
        "/Tampere/",
        "+-!():^[]\"{}~*?|&/",
        "\0\u0001\u0002\u001f\u007f",
        "Tam\0pere",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00%0d%0a",
        "\uD800",
        "😀😀😀",
        "　",
        "   ",
        "",
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void A_bad_query_never_throws(string query)
    {
        foreach (var culture in new[] { KnownContent.English, KnownContent.Chinese })
        {
            var results = fixture.Search.Find(query, culture);

            Assert.True(results.Total >= 0);
            Assert.All(results.Items, hit => Assert.DoesNotContain("<script", hit.Highlight, StringComparison.OrdinalIgnoreCase));
            _ = fixture.Search.Service.Suggest(query, culture, null);
        }
    }

    [Fact]
    public void Operators_are_searched_as_words_and_the_rest_still_matches()
    {
        var results = fixture.Search.Find("Tampere AND * OR \"", KnownContent.English);

        Assert.EndsWith("/sessions/13th-forum-2017", results.Items[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_input_is_bounded()
    {
        var huge = string.Concat(Enumerable.Repeat("Tampere 芬兰 Finland ", 100_000));

        var results = fixture.Search.Find(huge, KnownContent.English);

        Assert.True(results.Query.Text.Length <= new SearchOptions().MaxQueryLength);
        Assert.True(results.Query.Words.Count <= new SearchOptions().MaxQueryTerms);
        Assert.EndsWith("/sessions/13th-forum-2017", results.Items[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlights_are_html_safe()
    {
        var results = fixture.Search.Find("Bycirklen", KnownContent.English);

        // The content has quotes and apostrophes; the highlight escapes them and adds only <mark>.
        var html = string.Concat(results.Items.Select(i => i.Highlight));
        var withoutMarks = html.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
        Assert.DoesNotContain('"', withoutMarks);
    }

    [Fact]
    public void A_query_that_runs_out_of_time_returns_what_it_found()
    {
        // Stopping is tested directly: a zero budget stops the search at its first check.
        var collector = new DeadlineCollector(Lucene.Net.Search.TopScoreDocCollector.Create(10, true), TimeSpan.Zero, CancellationToken.None);

        Assert.Throws<SearchTimeoutException>(() => collector.SetNextReader(null!));
    }

    [Fact]
    public void Skip_and_take_out_of_range_are_clamped()
    {
        var results = fixture.Search.Service.Search(new SearchQuery("forum", KnownContent.English) { Skip = -5, Take = 100_000 });

        Assert.True(results.Items.Count <= new SearchOptions().MaxTake);
    }
}
