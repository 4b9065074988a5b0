using CsCheck;
using Site.Core.Tests.TestSupport;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>
/// Property-based: any query (fetch, filter, sort, skip/take, expand, fields) and any header (Accept-Language,
/// Start-Item, Api-Key, Preview…) on any Delivery API endpoint is answered with a 2xx/3xx or a 4xx ProblemDetails,
/// never a 500.
/// </summary>
public sealed class QueryFuzzTests(SiteFactory site)
{
    private const string Session13 = "66a338ba-9ad1-55e3-ae79-5f26d1274594";

    private static readonly string[] Tokens =
    [
        ":", ",", "!", "[", "]", "$all", "properties[", "]]", "[[", "%raw:%", "%raw:%zz", "%raw:%C0%AF", "%raw:%FF", "/", "//", "..",
        "'", "\"", " ", "+", "-1", "0", "99999999999999999999", "2147483648", "NaN", "1e9", "T", "Z", "<", ">", "<:", ">:", "asc", "desc",
        "children", "descendants", "ancestors", "contentType", "name", "createDate", "updateDate", "sortOrder", "level", Session13,
        "00000000-0000-0000-0000-000000000000", "/en/sessions/", "/zh/", "芬兰", "\0", "\ud800", "😀", "\u202e",
    ];

    private static readonly Gen<string> Fragment = Fuzz.Fragment(Tokens);

    private static Gen<string> Value(params string[] valid) => Fuzz.Hostile(Gen.OneOf(valid), Fragment, 40);

    private static readonly Gen<(string Name, string Value)> Parameter = Gen.Frequency(
        (3, (IGen<(string, string)>)Value("children:/", "children:/sessions", "descendants:" + Session13, "ancestors:/en/sessions/13th-forum-2017", "children:" + Session13).Select(v => ("fetch", v))),
        (3, Value("contentType:session", "contentType:!newsArticle,session", "name:Tampere", "name:!x", "createDate>2024-01-01", "updateDate<:2024-06-30T12:00:00Z").Select(v => ("filter", v))),
        (2, Value("name:asc", "createDate:desc", "updateDate:asc", "level:desc", "sortOrder:asc").Select(v => ("sort", v))),
        (2, Value("0", "10", "-1", "2147483647", "x").Select(v => ("skip", v))),
        (2, Value("0", "10", "1000", "-5", "2147483648").Select(v => ("take", v))),
        (2, Value("properties[$all]", "properties[relatedSessions]", "properties[relatedSessions[properties[$all]]]", "all").Select(v => ("expand", v))),
        (2, Value("properties[title,bodyText]", "properties[blocks[properties[quote]]]", "properties[$all]").Select(v => ("fields", v))),
        (1, Value("id").Select(v => ("id", v))),
        (1, Gen.Select(Fuzz.Text(10), Fuzz.Text(10))));

    private static readonly Gen<string> Endpoint = Gen.Frequency(
        (6, (IGen<string>)Gen.Const("content")),
        (2, Value(Session13, "en/sessions/13th-forum-2017", "zh/", "sessions").Select(v => "content/item/" + HttpFuzz.EncodePath(v))),
        (2, Gen.Const("content/items")),
        (2, Gen.Const("media")),
        (1, Value(Session13, "photo.jpg").Select(v => "media/item/" + HttpFuzz.EncodePath(v))),
        (1, Gen.Const("media/items")));

    private static readonly Gen<(string Name, string Value)> Header = Gen.Frequency(
        (3, (IGen<(string, string)>)Value("en-us", "zh-cn", "en-US,en;q=0.9", "zh-CN;q=0.5, en;q=0.8", "*", "fr-FR", "x-klingon", "en-us;q=abc").Select(v => ("Accept-Language", v))),
        (2, Value("/", "sessions", Session13, "en", "zh").Select(v => ("Start-Item", v))),
        (2, Value(SiteFactory.DeliveryApiKey, "wrong", "").Select(v => ("Api-Key", v))),
        (2, Value("true", "false", "TRUE", "1").Select(v => ("Preview", v))),
        (1, Value("default", "none").Select(v => ("Language-Fallback", v))),
        (1, Value("markdown", "html").Select(v => ("Markdown-Format", v))),
        (1, Value("\"abc\"", "*", "W/\"x\"").Select(v => ("If-None-Match", v))),
        (1, Value("Mon, 07 Dec 2026 00:00:00 GMT", "yesterday").Select(v => ("If-Modified-Since", v))));

    [Fact]
    public async Task Any_query_and_headers_get_an_answer_or_a_problem_never_a_500()
    {
        using var client = site.CreateBrowserClient();
        await Gen.Select(Endpoint, Parameter.Array[0, 6], Header.Array[0, 4]).SampleAsync(async (endpoint, parameters, headers) =>
        {
            var path = DeliveryApi.Root + "/" + endpoint + "?" + HttpFuzz.Query(parameters);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            foreach (var (name, value) in headers)
            {
                HttpFuzz.TryAddHeader(request.Headers, name, value);
            }

            using var response = await client.SendAsync(request);
            await HttpFuzz.AssertHandledAsync(response, api: true, $"{path} {string.Join("; ", headers)}");
        }, iter: Fuzz.Iterations(400), threads: 1);
    }
}
