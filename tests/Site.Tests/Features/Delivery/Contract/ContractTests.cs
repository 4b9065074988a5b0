using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery.Contract;

/// <summary>
/// Every operation of the shared contract, called on the real content in both cultures, answers with a status the
/// contract declares and a body that validates against its schema; and our OpenAPI document has the contract's paths,
/// parameters and required fields.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ContractTests(SiteFactory site)
{
    /// <summary>Our additions to the contract's parameters; anything else extra is a difference.</summary>
    private static readonly HashSet<string> ExtensionHeaders = ["Language-Fallback", "Markdown-Format"];

    private static IEnumerable<(string OperationId, string Url, int Status)> Calls(SiteFactory site, Guid image, Guid document, string imagePath)
    {
        var snapshot = site.Snapshot();
        var session = snapshot.GetByRoute("/en/sessions/13th-forum-2017")!.Key;
        var news = snapshot.GetByRoute("/en/news/20th-forum-suzhou-2025")!.Key;
        var missing = Guid.NewGuid();
        const string Root = DeliveryApi.Root;
        return
        [
            ("GetContent2.0", $"{Root}/content?fetch=children:/sessions&take=3&sort=sortOrder:desc", 200),
            ("GetContent2.0", $"{Root}/content?fetch=descendants:/&filter=contentType:newsArticle&expand=properties[$all]&take=100", 200),
            ("GetContent2.0", $"{Root}/content?fetch=ancestors:{session}&fields=properties[title]", 200),
            ("GetContent2.0", $"{Root}/content?filter=createDate<2000-01-01", 200),
            ("GetContent2.0", $"{Root}/content?sort=colour:asc", 400),
            ("GetContent2.0", $"{Root}/content?fetch=children:{missing}", 200),
            ("GetContent2.0", $"{Root}/content?fetch=ancestors:{missing}", 200),
            ("GetContentItemById2.0", $"{Root}/content/item/{session}", 200),
            ("GetContentItemById2.0", $"{Root}/content/item/{news}?expand=properties[relatedSession]", 200),
            ("GetContentItemById2.0", $"{Root}/content/item/{missing}", 404),
            ("GetContentItemByPath2.0", $"{Root}/content/item/sessions/13th-forum-2017", 200),
            ("GetContentItemByPath2.0", $"{Root}/content/item/", 200),
            ("GetContentItemByPath2.0", $"{Root}/content/item/partners/wuxi-bycirklen?expand=properties[$all]", 200),
            ("GetContentItemByPath2.0", $"{Root}/content/item/no/such/page", 404),
            ("GetContentItems2.0", $"{Root}/content/items?id={session}&id={news}&id={missing}", 200),
            ("GetMedia2.0", $"{Root}/media?fetch=children:/", 200),
            ("GetMedia2.0", $"{Root}/media?fetch=ancestors:/", 400),
            ("GetMedia2.0", $"{Root}/media?fetch=children:/&take=100", 200),
            ("GetMedia2.0", $"{Root}/media?take=100", 400),
            ("GetMediaItemById2.0", $"{Root}/media/item/{image}", 200),
            ("GetMediaItemById2.0", $"{Root}/media/item/{document}", 200),
            ("GetMediaItemByPath2.0", $"{Root}/media/item{imagePath}", 200),
            ("GetMediaItems2.0", $"{Root}/media/items?id={image}&id={document}", 200),
            ("GetMediaItemById2.0", $"{Root}/media/item/{missing}", 404),
            ("GetMediaItemByPath2.0", $"{Root}/media/item/photos/forum.jpg", 404),
            ("GetMediaItems2.0", $"{Root}/media/items?id={missing}", 200),
        ];
    }

    [Fact]
    public async Task Every_operation_answers_real_content_in_both_cultures_as_the_contract_says()
    {
        var contract = await DeliveryContract.LoadAsync();
        var (image, document) = await UploadMediaAsync();
        var imagePath = site.Services.GetRequiredService<Site.Features.Delivery.IDeliveryMediaSource>().Find(image)!.Path!;
        var calls = Calls(site, image, document, imagePath).ToList();
        Assert.Equal(contract.OperationIds.Order(StringComparer.Ordinal), calls.Select(c => c.OperationId).Distinct().Order(StringComparer.Ordinal));

        var problems = new List<string>();
        using var client = site.CreateBrowserClient();
        foreach (var language in new[] { "zh-cn", "en-us" })
        {
            foreach (var (operationId, url, status) in calls)
            {
                var (template, _) = contract.Operation(operationId);
                var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+\}", ".*") + "$";
                Assert.Matches(pattern, url.Split('?')[0]);

                var response = await client.GetDeliveryAsync(url, ("Accept-Language", language));
                Assert.True((int)response.Status == status, $"{operationId} {url} ({language}): expected {status}, got {(int)response.Status}: {response.Body}");
                problems.AddRange(await contract.ValidateAsync(operationId, status, response.ContentType?.MediaType, response.Body));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>An image and a PDF in the media library, so the media operations answer with items to validate.</summary>
    private async Task<(Guid Image, Guid Document)> UploadMediaAsync()
    {
        var media = site.Services.GetRequiredService<IMediaService>();
        var editor = new BackOfficeUser("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });
        using var picture = NetVips.Image.Black(900, 600, bands: 3);
        var image = await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), $"contract-{Guid.NewGuid():N}.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "会场", ["en-US"] = "Venue" }, null, editor, CancellationToken.None);
        var pdf = await media.UploadAsync(new MemoryStream("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()), $"contract-{Guid.NewGuid():N}.pdf",
            new Dictionary<string, string>(), null, editor, CancellationToken.None);
        Assert.True(image.Succeeded && pdf.Succeeded);
        return (image.Item!.Key, pdf.Item!.Key);
    }

    [Fact]
    public async Task The_validation_catches_a_response_that_breaks_the_contract()
    {
        var contract = await DeliveryContract.LoadAsync();

        var problems = await contract.ValidateAsync("GetContentItemById2.0", 200, "application/json", """{"name": "no id, route or properties"}""");
        var undeclared = await contract.ValidateAsync("GetMediaItems2.0", 500, "application/json", "{}");

        Assert.NotEmpty(problems);
        Assert.NotEmpty(undeclared);
    }

    [Fact]
    public void The_contract_is_found_by_walking_up_from_the_tests_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "contract-lookup-" + Guid.NewGuid().ToString("N"));
        var start = Directory.CreateDirectory(Path.Combine(root, "repo", "tests", "bin")).FullName;
        var planted = Path.Combine(root, DeliveryContract.RelativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(planted)!);
            File.WriteAllText(planted, "{}");

            Assert.Equal(planted, DeliveryContract.Locate(start));
            Assert.Equal(DeliveryContract.RequirePath(), DeliveryContract.Locate(AppContext.BaseDirectory));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Our_openapi_document_has_the_contracts_paths_parameters_and_required_fields()
    {
        var contract = (await DeliveryContract.LoadAsync()).Document;
        using var client = site.CreateBrowserClient();
        var response = await client.GetAsync(new Uri("/umbraco/openapi/delivery.json", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var ours = await DeliveryContract.ReadAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(contract.Paths.Keys.Order(StringComparer.Ordinal), ours.Paths.Keys.Order(StringComparer.Ordinal));
        var differences = new List<string>();
        foreach (var (path, item) in contract.Paths)
        {
            var theirs = item.Operations![HttpMethod.Get];
            var mine = ours.Paths[path].Operations?.GetValueOrDefault(HttpMethod.Get);
            if (mine is null)
            {
                differences.Add($"{path}: no GET");
                continue;
            }

            if (mine.OperationId != theirs.OperationId)
            {
                differences.Add($"{path}: operationId {mine.OperationId}, contract {theirs.OperationId}");
            }

            var myParameters = (mine.Parameters ?? []).ToDictionary(p => (p.Name!, p.In));
            foreach (var parameter in theirs.Parameters ?? [])
            {
                if (!myParameters.Remove((parameter.Name!, parameter.In), out var my))
                {
                    differences.Add($"{path}: parameter {parameter.Name} in {parameter.In} is missing");
                    continue;
                }

                if (my.Required != parameter.Required)
                {
                    differences.Add($"{path}: parameter {parameter.Name} required={my.Required}, contract {parameter.Required}");
                }

                if (Describe(my.Schema) != Describe(parameter.Schema))
                {
                    differences.Add($"{path}: parameter {parameter.Name} is {Describe(my.Schema)}, contract {Describe(parameter.Schema)}");
                }
            }

            differences.AddRange(myParameters.Keys.Where(k => !ExtensionHeaders.Contains(k.Item1)).Select(k => $"{path}: extra parameter {k.Item1} in {k.In}"));
            var status = theirs.Responses!.Keys.Where(k => k.StartsWith('2')).Single();
            if (!mine.Responses!.ContainsKey(status))
            {
                differences.Add($"{path}: no {status} response");
            }
        }

        foreach (var (name, schema) in contract.Components!.Schemas!)
        {
            // The contract wraps the content model in an anyOf with a discriminator; ours is the model itself.
            var ourName = name == "IApiContentResponseModelApiContentResponseModel" ? "IApiContentResponseModel" : name;
            if (name == "IApiContentResponseModel")
            {
                continue;
            }

            if (ours.Components?.Schemas?.TryGetValue(ourName, out var mine) != true)
            {
                differences.Add($"schema {ourName} is missing");
                continue;
            }

            var required = string.Join(",", (schema.Required ?? new HashSet<string>()).Order(StringComparer.Ordinal));
            var myRequired = string.Join(",", (mine!.Required ?? new HashSet<string>()).Order(StringComparer.Ordinal));
            if (required != myRequired)
            {
                differences.Add($"schema {ourName} requires [{myRequired}], contract [{required}]");
            }

            var missingProperties = (schema.Properties?.Keys ?? []).Except(mine.Properties?.Keys ?? [], StringComparer.Ordinal).ToList();
            if (missingProperties.Count > 0)
            {
                differences.Add($"schema {ourName} lacks {string.Join(", ", missingProperties)}");
            }
        }

        IOpenApiSecurityScheme? scheme = null;
        if (ours.Components?.SecuritySchemes?.TryGetValue("ApiKeyAuth", out scheme) != true || scheme!.Name != "Api-Key" || scheme.In != ParameterLocation.Header)
        {
            differences.Add("the ApiKeyAuth security scheme (Api-Key header) is missing");
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static string Describe(IOpenApiSchema? schema) =>
        schema is null ? "(none)"
        : $"{schema.Type}{(schema.Format is null ? string.Empty : "/" + schema.Format)}{(schema.Items is null ? string.Empty : "[" + Describe(schema.Items) + "]")}";
}
