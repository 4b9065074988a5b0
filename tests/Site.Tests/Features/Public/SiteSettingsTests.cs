using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Delivery;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// The site settings node (uSync Content/网站设置.config): the footer reads it in the page's culture from the
/// published snapshot; it is data, not a page (no URL of its own on the site, in no list); the Delivery API serves it.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class SiteSettingsTests(SiteFactory site)
{
    private static readonly Guid Settings = Guid.Parse("a7d3c1e2-5b64-5f0e-9c2d-3e8f1a6b4c70"); // uSync Content/网站设置.config

    private PublishedContent SettingsNode => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.GetByKey(Settings)!;

    [Theory]
    [InlineData("/zh/", "主办单位", "江苏省教育厅及省内有关市人民政府", "承办单位", "江苏省教育国际交流服务中心（苏教国际）及各地教育局", "网站地图")]
    [InlineData("/en/", "Hosted by", "Jiangsu Provincial Department of Education and municipal governments in Jiangsu", "Co-organised by", "JESIE (江苏省教育国际交流服务中心) and local education bureaus", "Sitemap")]
    public async Task The_footer_shows_the_settings_organisers_in_the_pages_language(string path, string hostsLabel, string hosts, string coLabel, string coOrganizers, string sitemap)
    {
        var (response, page) = await site.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var footer = page.QuerySelector("body > footer")!; // a contentinfo landmark: a footer outside main and sections
        var terms = footer.QuerySelectorAll(".footer-organisers dt").Select(t => t.TextContent).ToList();
        var values = footer.QuerySelectorAll(".footer-organisers dd").Select(t => t.TextContent).ToList();
        Assert.Equal([hostsLabel, coLabel], terms);
        Assert.Equal([hosts, coOrganizers], values);
        Assert.Equal(sitemap, footer.QuerySelector("a[href='/sitemap.xml']")!.TextContent);
        // The shipped settings hold only sourced facts: no contact, filing numbers, copyright or accounts.
        Assert.Null(footer.QuerySelector(".footer-legal"));
        Assert.Null(footer.QuerySelector(".footer-contact"));
        Assert.Null(footer.QuerySelector(".footer-social"));
    }

    [Fact]
    public async Task Filled_in_filing_numbers_contact_and_accounts_show_at_once_after_a_publish_through_the_management_api()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var original = await (await api.GetApiAsync($"/document/{Settings}")).ReadObjectAsync();
        using var warm = site.CreateBrowserClient();
        await warm.GetStringAsync(new Uri("/en/", UriKind.Relative)); // the page is in the output cache now
        try
        {
            var saved = await api.PutJsonAsync($"/document/{Settings}", new
            {
                names = original["names"],
                values = WithValues(original,
                    V("icpNumber", null, "苏ICP备00000000号-1"),
                    V("publicSecurityNumber", null, "苏公网安备32000000000000号"),
                    V("email", null, "forum@example.org"),
                    V("phone", null, "+86 25 0000 0000"),
                    V("weiboUrl", null, "https://weibo.com/example"),
                    V("copyright", "en-US", "© Test copyright line"),
                    V("copyright", "zh-CN", "© 测试版权声明"),
                    V("address", "zh-CN", "测试地址"),
                    V("socialLinks", "en-US", """[{"name": "Test account", "url": "https://example.org/account"}]""")),
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/document/{Settings}/publish", new { cultures = new[] { "zh-CN", "en-US" } })).StatusCode);

            var (_, en) = await site.GetPageAsync("/en/");
            var legal = en.QuerySelector("body > footer .footer-legal")!;
            Assert.Equal("© Test copyright line", legal.QuerySelector("li")!.TextContent);
            Assert.Equal("https://beian.miit.gov.cn/", LinkTo(legal, "苏ICP备00000000号-1"));
            Assert.Equal("https://beian.mps.gov.cn/#/query/webSearch?code=32000000000000", LinkTo(legal, "苏公网安备32000000000000号"));
            var contact = en.QuerySelector("body > footer .footer-contact")!;
            Assert.Equal("Contact", contact.QuerySelector("h2")!.TextContent);
            Assert.Equal("mailto:forum@example.org", LinkTo(contact, "forum@example.org"));
            Assert.Equal("tel:+862500000000", LinkTo(contact, "+86 25 0000 0000"));
            Assert.DoesNotContain("测试地址", contact.TextContent, StringComparison.Ordinal); // the address was given in Chinese only
            var social = en.QuerySelector("body > footer .footer-social")!;
            Assert.Equal("https://weibo.com/example", LinkTo(social, "Weibo"));
            Assert.Equal("https://example.org/account", LinkTo(social, "Test account"));

            var (_, zh) = await site.GetPageAsync("/zh/news");
            var zhFooter = zh.QuerySelector("body > footer")!;
            Assert.Equal("© 测试版权声明", zhFooter.QuerySelector(".footer-legal li")!.TextContent);
            Assert.Contains("地址：测试地址", zhFooter.QuerySelector(".footer-contact")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("https://weibo.com/example", LinkTo(zhFooter, "微博"));
            Assert.Null(zhFooter.QuerySelector("a[href='https://example.org/account']")); // the link was given in English only

            // A link of another kind than a web address is refused, and the page keeps what was published.
            var refused = await api.PutJsonAsync($"/document/{Settings}", new
            {
                names = original["names"],
                values = WithValues(original, V("icpLink", null, "javascript:alert(1)"), V("email", null, "not an address")),
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            var restored = await api.PutJsonAsync($"/document/{Settings}", new { names = original["names"], values = WithValues(original) });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/document/{Settings}/publish", new { cultures = new[] { "zh-CN", "en-US" } })).StatusCode);
        }

        var (_, after) = await site.GetPageAsync("/en/");
        Assert.Null(after.QuerySelector("body > footer .footer-legal"));
    }

    [Fact]
    public async Task Without_a_settings_node_the_footer_keeps_its_links_and_shows_nothing_else()
    {
        var publishing = site.Services.GetRequiredService<IPublishingService>();
        // Unpublishing the mandatory culture takes the whole node down, as on a site where none was made.
        Assert.True((await publishing.UnpublishAsync(Settings, "zh-CN", "test", CancellationToken.None)).Succeeded);
        try
        {
            Assert.Null(SiteFooterNode());
            foreach (var path in new[] { "/en/", "/zh/sessions", "/en/no-such-page" })
            {
                var (_, page) = await site.GetPageAsync(path);
                var footer = page.QuerySelector("body > footer")!;
                Assert.Null(footer.QuerySelector(".footer-organisers"));
                Assert.NotNull(footer.QuerySelector("a[href='/sitemap.xml']"));
            }
        }
        finally
        {
            Assert.True((await publishing.PublishAsync(Settings, ["zh-CN", "en-US"], "test", CancellationToken.None)).Succeeded);
        }

        Assert.NotNull(SiteFooterNode());
    }

    [Fact]
    public async Task The_settings_have_a_route_but_no_page_in_any_language()
    {
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var url = SettingsNode.Url(culture);
            Assert.NotNull(url);
            var (response, page) = await site.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            // The not-found page links no other language's "version" of it either.
            Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == SettingsNode.Url(culture == "zh-CN" ? "en-US" : "zh-CN"));
        }
    }

    [Fact]
    public async Task The_settings_are_in_no_sitemap_feed_navigation_or_search()
    {
        using var client = site.CreateBrowserClient();
        var urls = new[] { SettingsNode.Url("zh-CN")!, SettingsNode.Url("en-US")! };
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        foreach (var url in urls)
        {
            Assert.DoesNotContain(url + "<", sitemap, StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/en/feed.xml", "/zh/feed.xml" })
        {
            Assert.DoesNotContain(Settings.ToString(), await client.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.OrdinalIgnoreCase);
        }

        var (_, home) = await site.GetPageAsync("/en/");
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => urls.Contains(a.GetAttribute("href")));

        var snapshots = site.Services.GetRequiredService<IPublishedSnapshotAccessor>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await site.Services.GetRequiredService<ISearchIndexStatus>().WaitForGenerationAsync(snapshots.Current.Generation, timeout.Token);
        foreach (var query in new[] { "q=settings&culture=en-US", "q=local%20education%20bureaus&culture=en-US", "q=%E6%89%BF%E5%8A%9E&culture=zh-CN" })
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?" + query, UriKind.Relative)));
            Assert.DoesNotContain(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Settings.ToString());
        }
    }

    [Fact]
    public async Task The_delivery_api_serves_the_settings_as_an_item_and_in_a_query_by_type()
    {
        var item = await site.GetAsync($"content/item/{Settings}", DeliveryApi.English);
        Assert.Equal(HttpStatusCode.OK, item.Status);
        Assert.Equal("siteSettings", item.Json.GetProperty("contentType").GetString());
        Assert.Equal("Jiangsu Provincial Department of Education and municipal governments in Jiangsu", item.Json.GetProperty("properties").GetProperty("organizers").GetString());

        var query = await site.GetAsync("content?filter=contentType:siteSettings", DeliveryApi.Chinese);
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal(1, query.Json.GetProperty("total").GetInt32());
        var only = query.Json.GetProperty("items")[0];
        Assert.Equal(Settings.ToString(), only.GetProperty("id").GetString());
        Assert.Equal("江苏省教育厅及省内有关市人民政府", only.GetProperty("properties").GetProperty("organizers").GetString());
    }

    [Fact]
    public async Task The_back_office_lists_the_settings_at_the_root_offers_them_there_and_edits_them_per_language_without_a_preview()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Editors);
        using var browser = new Site.Tests.Features.Members.MemberClient(site);
        var (signedIn, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var (_, index) = await browser.GetAsync("/umbraco/content");
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/umbraco/content/{Settings}");
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/umbraco/content/create?type=siteSettings");

        var (edit, form) = await browser.GetAsync($"/umbraco/content/{Settings}");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("江苏省教育厅及省内有关市人民政府", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("[name='v.organizers.zh-CN']")!).Value);
        Assert.NotNull(form.QuerySelector("[name='v.organizers.en-US']"));
        Assert.NotNull(form.QuerySelector("[name='v.icpNumber']"));
        Assert.Empty(form.QuerySelectorAll($"a[href^='/umbraco/preview/{Settings}']"));
        var (preview, _) = await browser.GetAsync($"/umbraco/preview/{Settings}/en-US");
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    private PublishedContent? SiteFooterNode() =>
        global::Site.Features.Public.SiteFooter.Node(site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current);

    private static (string Alias, string? Culture, string Value) V(string alias, string? culture, string value) => (alias, culture, value);

    private static string? LinkTo(IElement scope, string text) =>
        scope.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == text).GetAttribute("href");

    /// <summary>The document's values as the management API takes them, with some set (or added).</summary>
    private static JsonArray WithValues(JsonObject document, params (string Alias, string? Culture, string Value)[] changes)
    {
        var values = document["values"]!.AsArray()
            .Select(v => (Alias: v!["alias"]!.GetValue<string>(), Culture: v["culture"]?.GetValue<string>(), Value: v["value"]!.GetValue<string>()))
            .Where(v => !changes.Any(c => c.Alias == v.Alias && c.Culture == v.Culture))
            .Concat(changes);
        return new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["alias"] = v.Alias, ["culture"] = v.Culture, ["value"] = v.Value })]);
    }
}
