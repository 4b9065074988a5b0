using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>Each form of the query grammar (fetch, filter, sort, skip/take, expand, fields) and each way to get it wrong.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class QueryGrammarTests(SiteFactory site)
{
    [Fact]
    public async Task Children_by_path_come_in_sort_order_with_the_total()
    {
        var response = await site.GetAsync("content?fetch=children:/sessions&take=5", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(20, response.Json.GetProperty("total").GetInt64());
        Assert.Equal(["1st Forum (2005)", "2nd Forum (2006)", "3rd Forum (2007)", "4th Forum (2008)", "5th Forum (2009)"], response.Names);
    }

    [Fact]
    public async Task Children_by_id_and_by_site_url_are_the_same_as_by_path()
    {
        var sessions = site.Snapshot().GetByRoute("/en/sessions")!;
        var byId = await site.GetAsync($"content?fetch=children:{sessions.Key}&take=20", DeliveryApi.English);
        var byUrl = await site.GetAsync("content?fetch=children:/en/sessions/&take=20", DeliveryApi.English);

        Assert.Equal(20, byId.Names.Count);
        Assert.Equal(byId.Names, byUrl.Names);
    }

    [Fact]
    public async Task Ancestors_run_from_the_root_down()
    {
        var response = await site.GetAsync("content?fetch=ancestors:/sessions/13th-forum-2017", DeliveryApi.English);

        Assert.Equal(["/en/", "/en/sessions/"], response.Paths);
    }

    [Fact]
    public async Task Descendants_include_grandchildren_and_no_fetch_means_everything()
    {
        var home = site.Snapshot().Home!;
        var descendants = await site.GetAsync($"content?fetch=descendants:{home.Key}&take=0", DeliveryApi.English);
        var all = await site.GetAsync("content?take=0", DeliveryApi.English);

        var published = site.Snapshot().All.Count(n => n.IsPublished("en-US") && !n.IsProtected);
        Assert.Equal(published - 2, descendants.Json.GetProperty("total").GetInt64()); // all but the home and the settings beside it
        Assert.Equal(published, all.Json.GetProperty("total").GetInt64());
        Assert.Empty(all.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ContentType_filters_and_their_negation()
    {
        var stories = await site.GetAsync("content?filter=contentType:partnerStory&take=100", DeliveryApi.English);
        var notSessions = await site.GetAsync("content?fetch=descendants:/&filter=contentType:!session&take=100", DeliveryApi.English);
        var either = await site.GetAsync("content?filter=contentType:about,page&take=100", DeliveryApi.English);

        Assert.Equal(6, stories.Json.GetProperty("total").GetInt64());
        Assert.All(stories.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal("partnerStory", i.GetProperty("contentType").GetString()));
        Assert.DoesNotContain(notSessions.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("contentType").GetString() == "session");
        Assert.Equal(["About", "Sources and methods"], either.Names);
    }

    [Fact]
    public async Task Name_filters_match_part_of_the_name_in_the_requested_culture_and_repeated_filters_are_anded()
    {
        var english = await site.GetAsync("content?filter=name:forum (201&filter=contentType:session&take=100", DeliveryApi.English);
        var chinese = await site.GetAsync("content?filter=name:第十三届&take=100", DeliveryApi.Chinese);
        var notForum = await site.GetAsync("content?fetch=children:/sessions&filter=name:!(20&take=100", DeliveryApi.English);

        Assert.Equal(10, english.Names.Count); // 2010 to 2019; the 17th session has no year in its name
        Assert.All(english.Names, n => Assert.Contains("Forum (201", n, StringComparison.Ordinal));
        Assert.Equal(["第十三届 (2017)"], chinese.Names);
        Assert.Equal(["17th Forum"], notForum.Names);
    }

    [Theory]
    [InlineData("createDate>2000-01-01", 20)]
    [InlineData("createDate<2000-01-01", 0)]
    [InlineData("createDate>:2026-11-28", 20)]
    [InlineData("createDate<:2026-11-28T00:00:00Z", 20)]
    [InlineData("updateDate>2100-01-01", 0)]
    [InlineData("updateDate<:2100-01-01", 20)]
    public async Task Date_filters_compare_with_each_operator(string filter, int expected)
    {
        var response = await site.GetAsync($"content?fetch=children:/sessions&filter={Uri.EscapeDataString(filter)}&take=0", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.Json.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Sorts_apply_in_order_and_each_direction()
    {
        var byNameDesc = await site.GetAsync("content?fetch=children:/partners&sort=name:desc&take=3", DeliveryApi.English);
        var bySortOrderDesc = await site.GetAsync("content?fetch=children:/sessions&sort=sortOrder:desc&take=2", DeliveryApi.English);
        var byLevelThenName = await site.GetAsync("content?sort=level:asc&sort=name:asc&take=3", DeliveryApi.English);
        var byDates = await site.GetAsync("content?fetch=children:/sessions&sort=createDate:asc&sort=updateDate:desc&take=1", DeliveryApi.English);

        Assert.Equal(["Wuxi – Bycirklen", "Victoria – Jiangsu", "Suzhou – Peel"], byNameDesc.Names);
        Assert.Equal(["20th Forum (2025)", "19th Forum (2024)"], bySortOrderDesc.Names);
        Assert.Equal(["Home", "Site settings", "About"], byLevelThenName.Names);
        Assert.Single(byDates.Names);
    }

    [Fact]
    public async Task Skip_and_take_page_through_the_results()
    {
        var page = await site.GetAsync("content?fetch=children:/sessions&skip=18&take=5", DeliveryApi.English);

        Assert.Equal(20, page.Json.GetProperty("total").GetInt64());
        Assert.Equal(["19th Forum (2024)", "20th Forum (2025)"], page.Names);
    }

    [Fact]
    public async Task Pickers_are_references_unless_expanded_and_expansion_follows_the_nesting()
    {
        const string Path = "content/item/news/20th-forum-suzhou-2025";
        var plain = await site.GetAsync(Path, DeliveryApi.English);
        var expanded = await site.GetAsync(Path + "?expand=properties[relatedSession]", DeliveryApi.English);
        var all = await site.GetAsync(Path + "?expand=properties[$all]", DeliveryApi.English);
        var nested = await site.GetAsync(Path + "?expand=properties[relatedSession[properties[$all]]]&fields=properties[relatedSession[properties[title,year]]]", DeliveryApi.English);

        var reference = plain.Json.GetProperty("properties").GetProperty("relatedSession");
        Assert.Equal("20th Forum (2025)", reference.GetProperty("name").GetString());
        Assert.Equal("/en/sessions/20th-forum-2025/", reference.GetProperty("route").GetProperty("path").GetString());
        Assert.Empty(reference.GetProperty("properties").EnumerateObject());
        Assert.Equal(2025, expanded.Json.GetProperty("properties").GetProperty("relatedSession").GetProperty("properties").GetProperty("year").GetInt32());
        Assert.Equal(2025, all.Json.GetProperty("properties").GetProperty("relatedSession").GetProperty("properties").GetProperty("year").GetInt32());
        var nestedSession = nested.Json.GetProperty("properties");
        Assert.Equal(["relatedSession"], nestedSession.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["title", "year"], nestedSession.GetProperty("relatedSession").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Fields_choose_the_properties_and_all_is_the_default()
    {
        var some = await site.GetAsync("content/item/sessions/13th-forum-2017?fields=properties[title, year]", DeliveryApi.English);
        var all = await site.GetAsync("content/item/sessions/13th-forum-2017?fields=properties[$all]", DeliveryApi.English);
        var none = await site.GetAsync("content/item/sessions/13th-forum-2017", DeliveryApi.English);

        Assert.Equal(["title", "year"], some.Json.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2017, some.Json.GetProperty("properties").GetProperty("year").GetInt32());
        Assert.Equal(all.Json.GetProperty("properties").EnumerateObject().Count(), none.Json.GetProperty("properties").EnumerateObject().Count());
        Assert.True(all.Json.GetProperty("properties").EnumerateObject().Count() > 10);
    }

    [Theory]
    [InlineData("content?fetch=siblings:/sessions", "fetch")]
    [InlineData("content?fetch=children", "fetch")]
    [InlineData("content?fetch=children:", "fetch")]
    [InlineData("content?filter=colour:red", "filter")]
    [InlineData("content?filter=contentType:", "filter")]
    [InlineData("content?filter=name:", "filter")]
    [InlineData("content?filter=createDate>yesterday", "filter")]
    [InlineData("content?filter=createDate=2024-01-01", "filter")]
    [InlineData("content?filter=updateDate>", "filter")]
    [InlineData("content?sort=colour:asc", "sort")]
    [InlineData("content?sort=name:up", "sort")]
    [InlineData("content?sort=name", "sort")]
    [InlineData("content?skip=-1", "skip")]
    [InlineData("content?skip=ten", "skip")]
    [InlineData("content?take=1.5", "take")]
    [InlineData("content?take=100000", "take")]
    [InlineData("content?expand=properties[", "expand")]
    [InlineData("content?expand=properties[a,]", "expand")]
    [InlineData("content?expand=properties[a]]", "expand")]
    [InlineData("content?expand=properties[$any]", "expand")]
    [InlineData("content?fields=properties[title", "fields")]
    [InlineData("content?fields=title", "fields")]
    [InlineData("content/item/sessions/13th-forum-2017?fields=properties[a[b]]", "fields")]
    [InlineData("content/items?id=not-a-guid", "id")]
    [InlineData("content/items?id=66a338ba-0000-0000-0000-000000000000&expand=properties[", "expand")]
    public async Task Malformed_queries_are_a_400_problem_naming_the_bad_part(string path, string parameter)
    {
        var response = await site.GetAsync(path, DeliveryApi.English);

        response.AssertBadRequest(parameter);
    }

    [Theory]
    [InlineData("Preview", "maybe")]
    [InlineData("Language-Fallback", "french")]
    [InlineData("Markdown-Format", "rtf")]
    public async Task Malformed_headers_are_a_400_problem_naming_the_header(string header, string value)
    {
        var response = await site.GetAsync("content?fetch=children:/sessions", (header, value));

        response.AssertBadRequest(header);
    }

    [Theory]
    [InlineData("content?fetch=children:/sessions")]
    [InlineData("content/item/sessions")]
    [InlineData("content/items?id=66a338ba-0000-0000-0000-000000000000")]
    public async Task A_start_item_that_names_no_root_is_a_404_problem_as_in_umbraco(string path)
    {
        var response = await site.GetAsync(path, DeliveryApi.English, ("Start-Item", "no-such-root"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType?.MediaType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
        Assert.Equal("The Start-Item could not be found", response.Json.GetProperty("title").GetString());
        Assert.Contains("no-such-root", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("property:relatedSession")]
    [InlineData("property:relatedSession,sources")]
    public async Task Version_1_expand_forms_are_accepted_and_expand_nothing_as_umbracos_v2_parser_reads_them(string expand)
    {
        const string Path = "content/item/news/20th-forum-suzhou-2025";
        var item = await site.GetAsync($"{Path}?expand={expand}", DeliveryApi.English);
        var query = await site.GetAsync($"content?fetch=children:/news&expand={expand}", DeliveryApi.English);
        var media = await site.GetAsync($"media?fetch=children:/&expand={expand}");

        Assert.Equal(HttpStatusCode.OK, item.Status);
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal(HttpStatusCode.OK, media.Status);
        var picked = item.Json.GetProperty("properties").GetProperty("relatedSession");
        Assert.Equal("20th Forum (2025)", picked.GetProperty("name").GetString());
        Assert.Empty(picked.GetProperty("properties").EnumerateObject());
    }

    [Fact]
    public async Task A_fetch_of_an_item_that_does_not_exist_finds_nothing_as_in_Umbraco()
    {
        foreach (var fetch in new[] { $"children:{Guid.NewGuid()}", $"descendants:{Guid.NewGuid()}", $"ancestors:{Guid.NewGuid()}", "descendants:/no/such/path", "children:/no/such/path" })
        {
            var response = await site.GetAsync($"content?fetch={fetch}");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal("application/json", response.ContentType?.MediaType);
            Assert.Equal(0, response.Json.GetProperty("total").GetInt64());
            Assert.Empty(response.Json.GetProperty("items").EnumerateArray());
        }
    }

    [Fact]
    public async Task Items_by_id_keep_the_order_asked_for_and_leave_out_unknown_ids()
    {
        var snapshot = site.Snapshot();
        var first = snapshot.GetByRoute("/en/sessions/13th-forum-2017")!.Key;
        var second = snapshot.GetByRoute("/en/about")!.Key;

        var response = await site.GetAsync($"content/items?id={second}&id={Guid.NewGuid()}&id={first}", DeliveryApi.English);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["About", "13th Forum (2017)"], response.Json.EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        // The same ids in the other order are another answer, not the cached one.
        var reversed = await site.GetAsync($"content/items?id={first}&id={second}", DeliveryApi.English);
        Assert.Equal(["13th Forum (2017)", "About"], reversed.Json.EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Start_item_by_id_or_segment_is_accepted()
    {
        var home = site.Snapshot().Home!;
        var byKey = await site.GetAsync("content/item/about", DeliveryApi.English, ("Start-Item", home.Key.ToString()));
        var bySegment = await site.GetAsync("content/item/about", DeliveryApi.English, ("Start-Item", "home"));

        Assert.Equal(HttpStatusCode.OK, byKey.Status);
        Assert.Equal(HttpStatusCode.OK, bySegment.Status);
        Assert.Equal("home", byKey.Json.GetProperty("route").GetProperty("startItem").GetProperty("path").GetString());
        Assert.Equal(home.Key, byKey.Json.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid());
    }
}
