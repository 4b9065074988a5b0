using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Search;

/// <summary>The search page and the search API over HTTP, in both languages.</summary>
// Rankings and counts are asserted exactly: these run apart from the tests that publish content meanwhile.
[Collection(ContentChangeTests.ContentChanges)]
public sealed class SearchHttpTests(SiteFactory site)
{
    private const string Session13 = "66a338ba-9ad1-55e3-ae79-5f26d1274594";

    private async Task WaitForIndexAsync()
    {
        var snapshots = site.Services.GetRequiredService<IPublishedSnapshotAccessor>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await site.Services.GetRequiredService<ISearchIndexStatus>().WaitForGenerationAsync(snapshots.Current.Generation, timeout.Token);
    }

    [Theory]
    [InlineData("/en/search?q=Tampere", "en-US", "/en/sessions/13th-forum-2017", "Tampere")]
    [InlineData("/zh/search?q=%E8%8A%AC%E5%85%B0", "zh-CN", "/zh/sessions/13th-forum-2017", "芬兰")]
    [InlineData("/en/search?q=%E8%8A%AC%E5%85%B0", "en-US", "/en/sessions/13th-forum-2017", "Finland")]
    public async Task The_search_page_lists_highlighted_results_in_the_visitors_language(string url, string culture, string expected, string marked)
    {
        await WaitForIndexAsync();

        var (response, document) = await site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        var first = document.QuerySelector(".result-list .result")!;
        Assert.Equal(expected, first.QuerySelector(".result-title a")!.GetAttribute("href"));
        Assert.Equal(marked, first.QuerySelector(".snippet mark")!.TextContent);
        Assert.NotNull(document.QuerySelector("[role=status]#search-result-count"));
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_search_page_without_a_query_shows_the_form_with_a_label()
    {
        var (response, document) = await site.GetPageAsync("/en/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = document.QuerySelector("main form[role=search] input[name=q]")!;
        Assert.NotNull(document.QuerySelector($"label[for={input.Id}]"));
        Assert.Null(document.QuerySelector(".result-list"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_in_the_header()
    {
        var (_, document) = await site.GetPageAsync("/zh/sessions/13th-forum-2017");

        var form = document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/zh/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(document.QuerySelector($"label[for={form.QuerySelector("input[name=q]")!.Id}]"));
        Assert.NotNull(document.QuerySelector("script[src^='/js/search.js']"));
    }

    [Fact]
    public async Task The_search_script_is_served_from_our_origin()
    {
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/js/search.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("combobox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_filter_and_link_back()
    {
        await WaitForIndexAsync();

        var (_, document) = await site.GetPageAsync("/en/search?q=Finland&type=session");

        Assert.All(document.QuerySelectorAll(".result-list .result-title a"), a => Assert.StartsWith("/en/sessions/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll(".facet-list a[aria-current]"), a => a.TextContent.StartsWith("Session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelt_query_offers_did_you_mean()
    {
        await WaitForIndexAsync();

        var (_, document) = await site.GetPageAsync("/en/search?q=Tamepre");

        var link = document.QuerySelector(".did-you-mean a")!;
        Assert.Equal("Tampere", link.TextContent);
        Assert.Equal("/en/search?q=Tampere", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/en/search?q=%22Tampere%20AND%20*%20OR")]
    [InlineData("/zh/search?q=*")]
    [InlineData("/en/search?q=%00%01%1b")]
    [InlineData("/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/en/search?q=Tampere&page=99")]
    public async Task Bad_queries_never_give_a_500(string url)
    {
        var (response, document) = await site.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector("main script"));
    }

    [Fact]
    public async Task A_very_long_query_never_gives_a_500()
    {
        var (response, _) = await site.GetPageAsync("/en/search?q=" + string.Concat(Enumerable.Repeat("Tampere+", 1000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_answers_with_the_contract()
    {
        await WaitForIndexAsync();
        using var client = site.CreateBrowserClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=Tampere&culture=en-US&skip=0&take=10", UriKind.Relative)));

        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() >= 1);
        var first = root.GetProperty("items")[0];
        Assert.Equal(Session13, first.GetProperty("id").GetString());
        Assert.Equal("/en/sessions/13th-forum-2017", first.GetProperty("url").GetString());
        Assert.Equal("session", first.GetProperty("contentType").GetString());
        Assert.Equal("en-US", first.GetProperty("culture").GetString());
        Assert.Contains("<mark>Tampere</mark>", first.GetProperty("highlight").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        Assert.Equal(1, root.GetProperty("facets").GetProperty("contentType").GetProperty("session").GetInt32());
    }

    [Fact]
    public async Task The_api_finds_across_languages_and_filters_by_type()
    {
        await WaitForIndexAsync();
        using var client = site.CreateBrowserClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=Finland&culture=zh-CN&type=session", UriKind.Relative)));

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal("session", i.GetProperty("contentType").GetString()));
        Assert.Equal("/zh/sessions/13th-forum-2017", items[0].GetProperty("url").GetString());
        Assert.Contains("<mark>芬兰</mark>", items[0].GetProperty("highlight").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%20%20")]
    [InlineData("/api/search?q=Tampere&culture=fr-FR")]
    [InlineData("/api/search?q=Tampere&culture=xx")]
    [InlineData("/api/search?q=Tampere&skip=-1")]
    [InlineData("/api/search?q=Tampere&skip=abc")]
    [InlineData("/api/search?q=Tampere&take=0")]
    [InlineData("/api/search?q=Tampere&take=1000")]
    [InlineData("/api/search?q=Tampere&type=nope")]
    public async Task Bad_api_requests_get_400_problem_details(string url)
    {
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("%22Tampere%20AND%20*%20OR")]
    [InlineData("*")]
    [InlineData("%00%1b")]
    [InlineData("title%3ATampere%5E9")]
    public async Task Bad_queries_in_the_api_are_plain_text(string q)
    {
        using var client = site.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/api/search?q=" + q + "&culture=en-US", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Suggestions_complete_what_is_typed()
    {
        await WaitForIndexAsync();
        using var client = site.CreateBrowserClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search/suggest?q=Tamp&culture=en-US", UriKind.Relative)));

        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("url").GetString() == "/en/sessions/13th-forum-2017");
    }
}

/// <summary>
/// A publish becomes searchable and an unpublish disappears, through the running site (polled with a generous bound:
/// how fast is measured by the search benchmark, not here).
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class SearchPublishingTests(SiteFactory site)
{
    private async Task<bool> EventuallyFoundAsync(string query, Func<JsonElement, bool> condition)
    {
        using var client = site.CreateBrowserClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query) + "&culture=en-US", UriKind.Relative)));
            if (condition(json.RootElement))
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_published_article_is_found_and_is_gone_after_unpublishing()
    {
        var key = await site.PublishNewsAsync("search-rovaniemi", new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("罗瓦涅米会议", "在罗瓦涅米举行。"),
            ["en-US"] = ("Rovaniemi meeting", "Held in Rovaniemi, Lapland."),
        });
        var id = key.ToString("D");

        Assert.True(await EventuallyFoundAsync("Lapland", r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id)));

        var unpublished = await site.Services.GetRequiredService<IPublishingService>().UnpublishAsync(key, "zh-CN", "test", CancellationToken.None);
        Assert.True(unpublished.Succeeded);

        Assert.True(await EventuallyFoundAsync("Lapland", r => !r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id)));
    }
}
