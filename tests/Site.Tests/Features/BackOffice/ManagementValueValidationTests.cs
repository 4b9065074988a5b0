using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// Values of the wrong shape for their editor, links to script or data addresses and Markdown nested too deeply are
/// refused by the management API with a ProblemDetails that names the property; nothing of them is saved.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ManagementValueValidationTests(SiteFactory site)
{
    private Guid NewsIndex => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

    private async Task<string> PropertyNameAsync(string alias) =>
        (await site.Services.GetRequiredService<IContentSchemaStore>().GetAsync(CancellationToken.None)).FindContentType("newsArticle")!.FindProperty(alias)!.Name;

    /// <summary>A valid bilingual article, with one value replaced (or added) when asked.</summary>
    private static object[] Values(string slug, (string Alias, string? Culture, string Value)? replaced = null)
    {
        (string Alias, string? Culture, string Value)[] values =
        [
            ("publishDate", null, "2026-02-01"),
            ("title", "zh-CN", "形状测试"),
            ("title", "en-US", "Shape test"),
            ("bodyText", "zh-CN", "正文"),
            ("bodyText", "en-US", "Body"),
            ("umbracoUrlName", "zh-CN", slug),
            ("umbracoUrlName", "en-US", slug),
        ];
        var list = values.Where(v => replaced is not { } r || v.Alias != r.Alias || v.Culture != r.Culture).ToList();
        if (replaced is { } change)
        {
            list.Add(change);
        }

        return [.. list.Select(v => new { alias = v.Alias, culture = v.Culture, value = v.Value })];
    }

    private async Task AssertNamesPropertyAsync(HttpResponseMessage response, string alias, string? culture)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(alias, error!["alias"]!.GetValue<string>());
        Assert.Equal(culture, error["culture"]?.GetValue<string>());
        var name = await PropertyNameAsync(alias);
        Assert.Contains(name, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(name, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> WrongValues => new()
    {
        // The shapes the probe saved and published, which then broke the article page and the Delivery list.
        { "sources", null, "[1]" },
        { "sources", null, """[{"url": 5}]""" },
        { "tags", "en-US", """[{"a":1}]""" },
        { "tags", "en-US", """[["x"]]""" },
        // Links the pages would have shown.
        { "sources", null, """[{"name": "x", "url": "javascript:alert(1)"}]""" },
        { "sources", null, """[{"name": "x", "url": " JaVaScRiPt:alert(1)"}]""" },
        { "sources", null, """[{"name": "x", "url": "java\tscript:alert(1)"}]""" },
        { "sources", null, """[{"name": "x", "url": "\u0000javascript:alert(1)"}]""" },
        { "sources", null, """[{"name": "x", "url": "data:text/html,<script>alert(1)</script>"}]""" },
        { "image", null, "[1]" },
        { "bodyText", "en-US", """{"markup": 5, "blocks": null}""" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task Creating_an_article_with_a_wrong_value_is_a_problem_naming_the_property(string alias, string? culture, string value)
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var slug = "shape-" + Guid.NewGuid().ToString("N")[..8];
        var response = await api.PostJsonAsync("/document", new
        {
            parentId = NewsIndex,
            contentType = "newsArticle",
            names = new Dictionary<string, string> { ["zh-CN"] = "形状测试", ["en-US"] = "Shape test " + slug },
            values = Values(slug, (alias, culture, value)),
        });

        await AssertNamesPropertyAsync(response, alias, culture);
        var children = await site.Services.GetRequiredService<IContentService>().GetChildrenAsync(NewsIndex, CancellationToken.None);
        Assert.DoesNotContain(children, c => c.CurrentVersion.Data.GetValue("umbracoUrlName", "en-US") == slug);
    }

    [Fact]
    public async Task Saving_wrong_values_over_a_published_article_is_refused_and_its_page_stays_up()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var slug = "shape-" + Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostJsonAsync("/document", new
        {
            parentId = NewsIndex,
            contentType = "newsArticle",
            names = new Dictionary<string, string> { ["zh-CN"] = "形状测试", ["en-US"] = "Shape test " + slug },
            values = Values(slug),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } })).StatusCode);

            foreach (var (alias, culture, value) in new (string, string?, string)[] { ("sources", null, "[1]"), ("tags", "en-US", """[["x"]]"""), ("sources", null, """[{"url": "javascript:alert(1)"}]""") })
            {
                var document = await (await api.GetApiAsync($"/document/{id}")).ReadObjectAsync();
                var values = document["values"]!.AsArray().Select(v => (JsonNode)new JsonObject
                {
                    ["alias"] = v!["alias"]!.GetValue<string>(),
                    ["culture"] = v["culture"]?.GetValue<string>(),
                    ["value"] = v["value"]!.GetValue<string>(),
                }).Append(new JsonObject { ["alias"] = alias, ["culture"] = culture, ["value"] = value }).ToArray();
                var saved = await api.PutJsonAsync($"/document/{id}", new { names = document["names"], values = new JsonArray(values) });
                await AssertNamesPropertyAsync(saved, alias, culture);
            }

            var published = await api.PostJsonAsync($"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } });
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var (page, _) = await site.GetPageAsync($"/en/news/{slug}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            await site.RemoveAsync(id);
        }
    }
}
