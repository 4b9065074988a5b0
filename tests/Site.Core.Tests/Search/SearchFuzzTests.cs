using CsCheck;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// Property-based: whatever a visitor types (Lucene syntax, unbalanced quotes and brackets, huge or deep queries, CJK
/// and mixed scripts, control characters, lone surrogates), the parser bounds it and the search answers without throwing.
/// </summary>
public sealed class SearchFuzzTests(RealContentSearchFixture fixture) : IClassFixture<RealContentSearchFixture>
{
    private static readonly SearchOptions Settings = new();

    [Fact]
    public void Any_query_parses_to_bounded_clean_words() =>
        SearchFuzz.Query.Sample(text =>
        {
            var query = SearchQueryParser.Parse(text, Settings.MaxQueryLength, Settings.MaxQueryTerms);

            Assert.True(query.Text.Length <= Settings.MaxQueryLength + 1, $"{query.Text.Length} characters");
            Assert.True(query.Words.Count <= Settings.MaxQueryTerms, $"{query.Words.Count} words");
            Assert.False(Fuzz.HasLoneSurrogate(query.Text));
            Assert.DoesNotContain(query.Text, char.IsControl);
            Assert.All(query.Words, word =>
            {
                Assert.NotEqual(string.Empty, word.Text);
                Assert.DoesNotContain(word.Text, char.IsControl);
                Assert.False(Fuzz.HasLoneSurrogate(word.Text));
            });
            _ = SearchQueryParser.Format(query.Words);
        }, iter: Fuzz.Iterations(3000));

    [Fact]
    public void Any_search_answers_with_inert_highlights() =>
        Gen.Select(SearchFuzz.Query, Gen.OneOf(KnownContent.English, KnownContent.Chinese), Gen.Enum<SearchSort>(), Gen.Int, Gen.Int, Facets())
            .Sample((text, culture, sort, skip, take, facets) =>
            {
                var results = fixture.Search.Service.Search(new SearchQuery(text, culture)
                {
                    Sort = sort,
                    Skip = skip,
                    Take = take,
                    ContentType = facets.Type,
                    Decade = facets.Decade,
                    Location = facets.Location,
                    Country = facets.Country,
                });

                Assert.True(results.Total >= 0);
                Assert.True(results.Items.Count <= Settings.MaxTake);
                Assert.All(results.Items, hit => HtmlFuzz.AssertInert(hit.Highlight));
                _ = fixture.Search.Service.Suggest(text, culture, null);
            }, iter: Fuzz.Iterations(200));

    private static Gen<(string? Type, string? Decade, string? Location, string? Country)> Facets()
    {
        Gen<string?> Facet(params string[] valid) => Gen.Frequency(
            (4, (IGen<string?>)Gen.Const((string?)null)),
            (2, Gen.OneOf(valid).Select(v => (string?)v)),
            (1, Fuzz.Text(12).Select(v => (string?)v)));
        return Gen.Select(
            Facet("session", "newsArticle", "partner", "homePage"),
            Facet("2010", "2000", "1990", "-2147483648", "99999999999"),
            Facet("home", "abroad"),
            Facet("Finland", "芬兰", "Australia"));
    }
}
