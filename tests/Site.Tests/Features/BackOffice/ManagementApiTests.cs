using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The management API's contract: its OpenAPI document, answers to bad input, conflicts and validation.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ManagementApiTests(SiteFactory site)
{
    private Guid NewsIndex => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_and_the_bearer_scheme()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(new Uri("/umbraco/openapi/management.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("http", document["components"]!["securitySchemes"]!["Bearer"]!["type"]!.GetValue<string>());

        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .ToHashSet(StringComparer.Ordinal);
        var mapped = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/umbraco/management/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToList();
        Assert.True(mapped.Count >= 40, $"only {mapped.Count} endpoints found");
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
        Assert.DoesNotContain(documented, d => d.Contains("/umbraco/delivery", StringComparison.Ordinal));
    }

    /// <summary>Route constraints are not part of OpenAPI paths: {id:guid} is {id}.</summary>
    private static string Normalize(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]+)?\}", "{$1}").TrimEnd('/');

    [Fact]
    public async Task Markdown_preview_is_the_sites_sanitized_pipeline()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Writers);
        var response = await api.PostJsonAsync("/markdown/preview", new { markdown = "**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>" });
        var html = (await response.ReadObjectAsync())["html"]!.GetValue<string>();
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Uploads_that_are_too_large_or_not_what_they_claim_are_refused_with_a_message()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        using (var fake = new MultipartFormDataContent())
        {
            var bytes = new ByteArrayContent("this is not a picture"u8.ToArray());
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            fake.Add(bytes, "file", "photo.jpg");
            var refused = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), fake);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await refused.ReadObjectAsync())["detail"]?.GetValue<string>()));
        }

        using var large = new MultipartFormDataContent();
        var pdf = new byte[21 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        large.Add(new ByteArrayContent(pdf), "file", "huge.pdf");
        var tooLarge = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("20 MB", (await tooLarge.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_bomb_is_refused_with_the_pixel_limit_and_stored_nowhere()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        using var upload = new MultipartFormDataContent();
        // A PNG whose header says 20,000 x 20,000 pixels: decoding it would need 400 MB for one grey channel.
        upload.Add(new ByteArrayContent(Site.Core.Tests.TestSupport.TestImages.PngHeaderOnly(20_000, 20_000)), "file", "bomb.png");
        upload.Add(new StringContent("炸弹"), "alt[zh-CN]");
        upload.Add(new StringContent("Bomb"), "alt[en-US]");

        var refused = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), upload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.ReadObjectAsync();
        Assert.Equal("TooManyPixels", problem["title"]!.GetValue<string>());
        Assert.Contains("megapixels", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_answers_201_and_a_stale_save_answers_409_with_the_current_version()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Writers);
        var created = await api.PostJsonAsync("/document", new
        {
            parentId = NewsIndex,
            contentType = "newsArticle",
            names = new Dictionary<string, string> { ["zh-CN"] = "接口文章", ["en-US"] = "API article" },
            values = new[] { new { alias = "title", culture = "en-US", value = "<b>API</b> article" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await created.ReadObjectAsync();
        var id = document["id"]!.GetValue<Guid>();
        Assert.Equal($"/umbraco/management/api/v1/document/{id}", created.Headers.Location!.OriginalString);

        var first = await api.PutJsonAsync($"/document/{id}", new { expectedVersion = 1, names = document["names"], values = new[] { new { alias = "title", culture = "en-US", value = "First" } } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutJsonAsync($"/document/{id}", new { expectedVersion = 1, names = document["names"], values = new[] { new { alias = "title", culture = "en-US", value = "Second" } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadObjectAsync();
        Assert.Equal(2, problem["current"]!["version"]!["number"]!.GetValue<int>());

        var invalid = await api.PutJsonAsync($"/document/{id}", new { expectedVersion = 2, names = document["names"], values = new[] { new { alias = "publishDate", culture = (string?)null, value = "yesterday" } } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadObjectAsync())["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["alias"]?.GetValue<string>() == "publishDate");

        var missing = await api.GetApiAsync($"/document/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
