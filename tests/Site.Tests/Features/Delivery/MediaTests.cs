using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>The media endpoints exist with the contract's shapes; without a media library they have nothing to give.</summary>
public sealed class MediaTests(SiteFactory site)
{
    [Theory]
    [InlineData("media")]
    [InlineData("media?fetch=children:/&filter=mediaType:Image&sort=name:asc&skip=0&take=5")]
    [InlineData("media?fetch=children:66a338ba-0000-0000-0000-000000000000")]
    [InlineData("media?fetch=children:/photos/")]
    public async Task Queries_answer_an_empty_page(string path)
    {
        var response = await site.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Json.GetProperty("total").GetInt64());
        Assert.Empty(response.Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Items_are_not_found_and_lists_of_items_are_empty()
    {
        var byId = await site.GetAsync($"media/item/{Guid.NewGuid()}");
        var byPath = await site.GetAsync("media/item/photos/forum.jpg");
        var items = await site.GetAsync($"media/items?id={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, byId.Status);
        Assert.Equal(HttpStatusCode.NotFound, byPath.Status);
        Assert.Equal(HttpStatusCode.OK, items.Status);
        Assert.Empty(items.Json.EnumerateArray());
    }

    [Theory]
    [InlineData("media?fetch=descendants:/", "fetch")]
    [InlineData("media?filter=contentType:page", "filter")]
    [InlineData("media?sort=level:asc", "sort")]
    [InlineData("media?take=-3", "take")]
    [InlineData("media?expand=properties[", "expand")]
    [InlineData("media/items?id=nope", "id")]
    public async Task Malformed_media_queries_are_a_400_problem_naming_the_bad_part(string path, string parameter)
    {
        var response = await site.GetAsync(path);

        response.AssertBadRequest(parameter);
    }
}
