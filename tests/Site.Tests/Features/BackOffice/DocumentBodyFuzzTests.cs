using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// Property-based: any body sent to save a document through the management API (malformed JSON, deep nesting, wrong
/// types, rich text values mutated) is saved or refused with a ProblemDetails, never a 500. The test saves its own
/// draft and puts it in the recycle bin afterwards.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class DocumentBodyFuzzTests(SiteFactory site)
{
    private static readonly Gen<string> Value = Fuzz.Hostile(
        Gen.OneOf(
            "{\"markup\":\"<p>Body</p>\",\"blocks\":null}",
            "{\"markup\":\"<p><a href=\\\"/{localLink:0f0e0d0c-0b0a-0908-0706-050403020100}\\\" type=\\\"document\\\">x</a></p>\",\"blocks\":{\"layout\":{},\"contentData\":[],\"settingsData\":[],\"expose\":[]}}",
            "<p>plain HTML</p>"),
        Fuzz.Fragment("{", "}", "[", "]", "\"", "\\\"", "\\ud800", "\\u0000", ",", ":", "null", "<script>", "<h2>"),
        40);

    private static string Body(string value, string slug) => JsonSerializer.Serialize(new
    {
        names = new Dictionary<string, string> { ["zh-CN"] = "模糊测试", ["en-US"] = "Fuzz " + slug },
        values = new object[]
        {
            new { alias = "publishDate", culture = (string?)null, value = "2026-02-01" },
            new { alias = "title", culture = "en-US", value = "Fuzz" },
            new { alias = "bodyText", culture = "en-US", value },
            new { alias = "umbracoUrlName", culture = "en-US", value = slug },
        },
    });

    private static readonly Gen<string> JsonFragment = Fuzz.Fragment("{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\\ud800", "\"values\":", "\"names\":", "[[[[", "]]]]", "{\"alias\":");

    [Fact]
    public async Task Any_body_is_saved_or_refused_with_a_problem_never_a_500()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var slug = "fuzz-" + Guid.NewGuid().ToString("N")[..8];
        var newsIndex = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;
        using var created = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/document", UriKind.Relative), new StringContent(
            JsonSerializer.Serialize(new { parentId = newsIndex, contentType = "newsArticle", names = new Dictionary<string, string> { ["zh-CN"] = "模糊测试", ["en-US"] = "Fuzz " + slug } }),
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        try
        {
            var bodies = Gen.Frequency(
                (4, (IGen<string>)Value.Select(v => Body(v, slug))),
                (3, Fuzz.Mutated(Gen.Const(Body("{\"markup\":\"<p>Body</p>\",\"blocks\":null}", slug)), JsonFragment)),
                (1, Gen.Int[1, 3000].Select(depth => "{\"values\":" + new string('[', depth) + new string(']', depth) + "}")),
                (1, Gen.OneOf("{\"values\":\"x\",\"names\":[1]}", "{\"values\":[{\"alias\":1,\"value\":{}}]}", "null", "[]", "", "{\"names\":{\"zh-CN\":null}}")));
            await bodies.SampleAsync(async body =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await api.PutAsync(new Uri($"{BackOfficeApi.Prefix}/document/{id}", UriKind.Relative), content);
                await HttpFuzz.AssertHandledAsync(response, api: true, body.Length > 600 ? body[..600] : body);
            }, iter: Fuzz.Iterations(120), threads: 1);
        }
        finally
        {
            await api.DeleteApiAsync($"/document/{id}");
        }
    }
}
