using CsCheck;
using Site.Core.Tests.TestSupport;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Search;

/// <summary>
/// Property-based: any query and parameters on /api/search, its suggestions and the search page are answered (a
/// ProblemDetails for the API's refusals, a page in the visitor's language on the site), never with a 500.
/// </summary>
public sealed class SearchFuzzTests(SiteFactory site)
{
    private static readonly Gen<string> Fragment = Fuzz.Fragment("%raw:%", "%raw:%zz", "%raw:%C0%AF", "-1", "0", "99999999999", "\0", "\ud800", "😀", "&", "=", "[]");

    private static Gen<string> Value(params string[] valid) => Fuzz.Hostile(Gen.OneOf(valid), Fragment, 20);

    private static readonly Gen<(string Name, string Value)[]> Facets = Gen.Frequency(
        (2, (IGen<(string, string)>)Value("en-US", "zh-CN", "fr-FR", "EN-us").Select(v => ("culture", v))),
        (2, Value("session", "newsArticle", "nope").Select(v => ("type", v))),
        (2, Value("0", "10", "-1", "100000").Select(v => ("skip", v))),
        (2, Value("1", "10", "0", "101").Select(v => ("take", v))),
        (1, Value("relevance", "date", "x").Select(v => ("sort", v))),
        (1, Value("2010", "x").Select(v => ("decade", v))),
        (1, Value("home", "abroad").Select(v => ("location", v))),
        (1, Value("Finland", "芬兰").Select(v => ("country", v))),
        (1, Value("2", "0", "-3").Select(v => ("page", v)))).Array[0, 4];

    private static readonly Gen<string> AcceptLanguage = Gen.Frequency(
        (4, (IGen<string>)Gen.OneOf("en-US", "zh-CN", "en-US,en;q=0.9", "zh", "fr-FR", "")),
        (1, Fuzz.Text(20)));

    [Fact]
    public async Task Any_search_request_is_answered_never_with_a_500() =>
        await Gen.Select(Gen.Int[0, 3], SearchFuzz.Query, Facets, AcceptLanguage).SampleAsync(async (target, q, facets, language) =>
        {
            var (path, api) = target switch
            {
                0 => ("/api/search", true),
                1 => ("/api/search/suggest", true),
                2 => ("/en/search", false),
                _ => ("/zh/search", false),
            };
            var parameters = facets.Prepend(("q", q.Length > 4000 ? q[..4000] : q));
            var uri = path + "?" + HttpFuzz.Query(parameters);
            using var client = site.CreateBrowserClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.Relative));
            HttpFuzz.TryAddHeader(request.Headers, "Accept-Language", language);

            using var response = await client.SendAsync(request);
            var body = await HttpFuzz.AssertHandledAsync(response, api, $"{uri} ({language})");
            if (!api)
            {
                Assert.DoesNotContain("<script>alert(1)", body, StringComparison.OrdinalIgnoreCase);
            }
            else if (response.IsSuccessStatusCode && path == "/api/search")
            {
                // Names are text in JSON (another test publishes one that looks like markup); a highlight is HTML and must be inert.
                using var json = System.Text.Json.JsonDocument.Parse(body);
                foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
                {
                    Assert.DoesNotContain("<script", item.GetProperty("highlight").GetString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
                }
            }
        }, iter: Fuzz.Iterations(300), threads: 1);
}
