using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Content;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.ProgrammeJson;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// What a content picker asks while an editor picks (/umbraco/picker): items found by name in either language, only of
/// the types the picker allows, named in the field's language; and the names of the items already picked.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ContentPickerEndpointTests(SiteFactory site)
{
    private static async Task<JsonElement[]> GetJsonAsync(MemberClient browser, string url)
    {
        var response = await browser.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task Speakers_are_found_by_name_in_either_language_and_other_types_are_left_out()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var id = Guid.NewGuid().ToString("N")[..8];
        var speaker = await site.PublishSpeakerAsync(Speaker("钱挑选" + id, "Qian Picker " + id, "挑选中学", "Picker School"));
        // A news article with the same word in its name: a speaker picker must not offer it.
        var article = await site.PublishNewsAsync("picker-" + id, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("钱挑选" + id + "的新闻", "正文"),
            ["en-US"] = ("Qian Picker " + id + " news", "Body"),
        });
        try
        {
            var found = await GetJsonAsync(browser, $"/umbraco/picker/find?q={Uri.EscapeDataString("钱挑选" + id)}&types=speaker&culture=en-US");

            var item = Assert.Single(found);
            Assert.Equal(speaker, item.GetProperty("key").GetGuid());
            Assert.Equal(ContentUdi.Create(speaker), item.GetProperty("udi").GetString());
            Assert.Equal("Qian Picker " + id, item.GetProperty("name").GetString());
            Assert.Equal("钱挑选" + id, item.GetProperty("otherNames").GetString());
            Assert.True(item.GetProperty("published").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("type").GetString()));

            // Without a type filter (a picker that allows any type) both are found; in Chinese, named in Chinese.
            var any = await GetJsonAsync(browser, $"/umbraco/picker/find?q={Uri.EscapeDataString("Qian Picker " + id)}&culture=zh-CN");
            Assert.Equal(new[] { speaker, article }.Order(), any.Select(i => i.GetProperty("key").GetGuid()).Order());
            Assert.Contains(any, i => i.GetProperty("name").GetString() == "钱挑选" + id);
        }
        finally
        {
            await site.RemoveAsync(speaker);
            await site.RemoveAsync(article);
        }
    }

    [Fact]
    public async Task With_a_type_filter_and_no_text_the_picker_lists_what_it_can_pick()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var id = Guid.NewGuid().ToString("N")[..8];
        var speaker = await site.PublishSpeakerAsync(Speaker("孙列表" + id, "Sun List " + id, "列表中学", "List School"));
        try
        {
            var listed = await GetJsonAsync(browser, "/umbraco/picker/find?types=speaker");

            Assert.NotEmpty(listed);
            Assert.True(listed.Length <= 20);
            Assert.All(listed, i => Assert.Equal(listed[0].GetProperty("type").GetString(), i.GetProperty("type").GetString()));
            // No text and no filter (or only types that are not documents) finds nothing, rather than the whole tree.
            Assert.Empty(await GetJsonAsync(browser, "/umbraco/picker/find?q="));
            Assert.Empty(await GetJsonAsync(browser, "/umbraco/picker/find?q=&types=agendaItem,nope"));
            // A filter naming no document type finds nothing, even with text that names pages.
            Assert.Empty(await GetJsonAsync(browser, $"/umbraco/picker/find?q={Uri.EscapeDataString("Sun List " + id)}&types=agendaItem,nope"));
        }
        finally
        {
            await site.RemoveAsync(speaker);
        }
    }

    [Fact]
    public async Task Picked_items_are_named_in_the_order_asked_and_unknown_or_malformed_keys_are_left_out()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = await site.PublishSpeakerAsync(Speaker("周一" + id, "Zhou One " + id, "一中", "School One"));
        var second = await site.PublishSpeakerAsync(Speaker("吴二" + id, "Wu Two " + id, "二中", "School Two"));
        try
        {
            var keys = string.Join(',', ContentUdi.Create(second), "umb://document/" + Guid.NewGuid().ToString("N"), "not-a-key", first.ToString());
            var named = await GetJsonAsync(browser, $"/umbraco/picker/items?keys={Uri.EscapeDataString(keys)}&culture=zh-CN");

            Assert.Equal([("吴二" + id, second), ("周一" + id, first)], named.Select(i => (i.GetProperty("name").GetString(), i.GetProperty("key").GetGuid())));
            Assert.Empty(await GetJsonAsync(browser, "/umbraco/picker/items"));
        }
        finally
        {
            await site.RemoveAsync(first);
            await site.RemoveAsync(second);
        }
    }

    [Fact]
    public async Task A_document_picker_on_the_edit_form_takes_one_item_of_any_type_with_the_pickers_words_in_the_editors_language()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var news = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

        var (response, page) = await browser.GetAsync($"/umbraco/content/create?parentId={news}&type=newsArticle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var field = page.QuerySelector("[name='v.relatedSession']")!;
        var config = JsonDocument.Parse(field.GetAttribute("data-content-picker")!).RootElement;
        Assert.Empty(config.GetProperty("types").EnumerateArray());
        Assert.Equal(1, config.GetProperty("max").GetInt32());
        var words = JsonDocument.Parse(field.GetAttribute("data-picker-words")!).RootElement;
        var chinese = page.DocumentElement.GetAttribute("lang")!.StartsWith("zh", StringComparison.Ordinal);
        Assert.Equal(chinese ? "按名称查找" : "Find by name", words.GetProperty("pickerSearch").GetString());
        // Other fields are not pickers.
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("[name='v.title.en-US']")!.GetAttribute("data-content-picker")));
    }

    [Fact]
    public async Task An_address_the_picker_does_not_have_is_a_problem_in_json_not_a_page()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);

        var response = await browser.Http.GetAsync(new Uri("/umbraco/picker/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_signing_in_the_picker_tells_nothing()
    {
        using var anonymous = new MemberClient(site);

        var response = await anonymous.Http.GetAsync(new Uri("/umbraco/picker/find?q=a", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"udi\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
