using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>The session archive's filters and the news list's paging, which work without JavaScript (plain links).</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ListingTests(SiteFactory site)
{
    private async Task<List<string>> SessionLinksAsync(string path)
    {
        var (response, document) = await site.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. document.QuerySelectorAll(".sessions .card-title a").Select(a => a.GetAttribute("href")!)];
    }

    [Fact]
    public async Task Archive_lists_all_twenty_sessions_newest_first()
    {
        var links = await SessionLinksAsync("/en/sessions");

        Assert.Equal(20, links.Count);
        Assert.Equal("/en/sessions/20th-forum-2025", links[0]);
        Assert.Equal("/en/sessions/1st-forum-2005", links[^1]);
    }

    [Fact]
    public async Task Archive_sorts_oldest_first_on_request()
    {
        var links = await SessionLinksAsync("/zh/sessions?sort=asc");

        Assert.Equal("/zh/sessions/1st-forum-2005", links[0]);
        Assert.Equal("/zh/sessions/20th-forum-2025", links[^1]);
    }

    [Fact]
    public async Task Archive_filters_abroad_sessions_from_the_content_not_a_rule()
    {
        var links = await SessionLinksAsync("/en/sessions?location=abroad");

        Assert.Contains("/en/sessions/13th-forum-2017", links);
        Assert.Contains("/en/sessions/19th-forum-2024", links);
        Assert.DoesNotContain("/en/sessions/10th-forum-2014", links);
        Assert.DoesNotContain("/en/sessions/8th-forum-2012", links); // venue not recorded: neither home nor abroad
    }

    [Fact]
    public async Task Archive_filters_by_decade_and_location_together()
    {
        var links = await SessionLinksAsync("/en/sessions?location=home&decade=2020");

        Assert.Equal(["/en/sessions/20th-forum-2025", "/en/sessions/18th-forum-2023", "/en/sessions/16th-forum-2020"], links);
    }

    [Theory]
    [InlineData("/en/sessions?location=mars")]
    [InlineData("/en/sessions?decade=1890")]
    [InlineData("/en/sessions?decade=%3Cscript%3E")]
    [InlineData("/en/sessions?sort=sideways")]
    public async Task Archive_ignores_unknown_filter_values(string path)
    {
        var links = await SessionLinksAsync(path);

        Assert.Equal(20, links.Count);
    }

    [Fact]
    public async Task Archive_filter_links_keep_the_other_filters()
    {
        var (_, document) = await site.GetPageAsync("/en/sessions?location=abroad");

        var decadeLink = document.QuerySelectorAll(".filters a").First(a => a.TextContent == "2010s");
        Assert.Equal("/en/sessions?location=abroad&decade=2010", decadeLink.GetAttribute("href"));
        Assert.Equal("true", document.QuerySelectorAll(".filters a").First(a => a.TextContent == "Abroad").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task News_is_paged_with_links_between_pages()
    {
        var (first, firstPage) = await site.GetPageAsync("/en/news");
        var (second, secondPage) = await site.GetPageAsync("/en/news?page=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(SiteFactory.NewsPageSize, firstPage.QuerySelectorAll("main .card").Length);
        Assert.Equal("/en/news?page=2", firstPage.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/en/news", secondPage.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        // By address, not title: other tests publish articles of their own, some with the same title.
        var firstArticles = firstPage.QuerySelectorAll("main .card-title a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.DoesNotContain(secondPage.QuerySelectorAll("main .card-title a").Select(a => a.GetAttribute("href")), firstArticles.Contains);
    }

    [Theory]
    [InlineData("/en/news?page=0")]
    [InlineData("/en/news?page=-1")]
    [InlineData("/en/news?page=abc")]
    [InlineData("/en/news?page=99999")]
    [InlineData("/en/news?page=99999999999999999999")]
    public async Task News_pages_out_of_range_are_not_found(string path)
    {
        var (response, document) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("en-US", document.DocumentElement.GetAttribute("lang"));
    }
}
