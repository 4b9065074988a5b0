using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// The management API's OpenAPI document describes what every operation answers: a schema for each success with a
/// body, and ProblemDetails for each refusal it can give (401/403 when it needs a user; 400 for a body, a typed query
/// value or the cookie callers' antiforgery check; 404 for a route id; 413/415 for a body).
/// </summary>
public sealed class ManagementOpenApiTests(SiteFactory site)
{
    public const string DocumentPath = "/umbraco/openapi/management.json";
    private const string ProblemSchema = "#/components/schemas/ProblemDetails";

    /// <summary>The error answers that are not ProblemDetails, on purpose: each says why.</summary>
    private static readonly Dictionary<(string OperationId, string Status), string> NotProblems = new()
    {
        // A rebuild already running answers with the running rebuild's status, as the search screen shows it.
        [("PostIndexerRebuild", "409")] = "application/json",
    };

    public static async Task<string> ReadDocumentAsync(SiteFactory site)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var client = site.CreateClient();
        var response = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Every_operation_declares_its_success_schema_and_its_problems()
    {
        var document = JsonNode.Parse(await ReadDocumentAsync(site))!.AsObject();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 50, $"only {operations.Count} operations in the document");

        var failures = Failures(document, RequiresUser());

        Assert.True(failures.Count == 0, "The management API's document is incomplete:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_problem_details_schema_has_the_fields_of_rfc_9457()
    {
        var document = JsonNode.Parse(await ReadDocumentAsync(site))!.AsObject();
        var problem = document["components"]!["schemas"]!["ProblemDetails"]!.AsObject();
        Assert.Equal("object", problem["type"]!.GetValue<string>());
        var properties = problem["properties"]!.AsObject();
        Assert.All(new[] { "type", "title", "status", "detail", "instance" }, name => Assert.True(properties.ContainsKey(name), name));
    }

    /// <summary>What the conventions declare is what the site answers, as ProblemDetails.</summary>
    [Fact]
    public async Task The_declared_request_refusals_are_answered_as_problem_details()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        var prefix = BackOfficeApi.Prefix;

        using var notJson = new StringContent("**bold**", System.Text.Encoding.UTF8, "text/plain");
        using var brokenJson = new StringContent("{\"markdown\":", System.Text.Encoding.UTF8, "application/json");
        var answers = new (HttpStatusCode Expected, HttpResponseMessage Response)[]
        {
            (HttpStatusCode.NotFound, await api.GetAsync(new Uri(prefix + "/document/not-a-guid", UriKind.Relative))),
            (HttpStatusCode.BadRequest, await api.GetAsync(new Uri(prefix + "/tree/document/children?parentId=not-a-guid", UriKind.Relative))),
            (HttpStatusCode.BadRequest, await api.GetAsync(new Uri(prefix + $"/document/{Guid.NewGuid()}/diff?from=one&to=2", UriKind.Relative))),
            (HttpStatusCode.UnsupportedMediaType, await api.PostAsync(new Uri(prefix + "/markdown/preview", UriKind.Relative), notJson)),
            (HttpStatusCode.BadRequest, await api.PostAsync(new Uri(prefix + "/markdown/preview", UriKind.Relative), brokenJson)),
        };

        Assert.All(answers, answer =>
        {
            Assert.Equal(answer.Expected, answer.Response.StatusCode);
            Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        });
    }

    /// <summary>Whether the endpoint named by an operation id needs a signed-in back-office user.</summary>
    private Func<string, bool> RequiresUser()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);
        return operationId => endpoints.TryGetValue(operationId, out var endpoint)
            ? endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            : throw new InvalidOperationException($"No endpoint is named {operationId}.");
    }

    internal static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(m => (m.Key, path.Key, m.Value!.AsObject())));

    /// <summary>Every way the document falls short, one line each (empty when it describes everything).</summary>
    internal static List<string> Failures(JsonObject document, Func<string, bool> requiresUser)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var failures = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var id = operation["operationId"]?.GetValue<string>() ?? $"{method} {path}";
            var responses = operation["responses"]?.AsObject() ?? [];
            void Fail(string what) => failures.Add($"{id} ({method.ToUpperInvariant()} {path}): {what}");

            var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                Fail("no 2xx response");
            }

            foreach (var (status, response) in successes)
            {
                var content = response?["content"]?.AsObject();
                if (content is null || content.Count == 0)
                {
                    if (status != "204")
                    {
                        Fail($"{status} has no body schema");
                    }

                    continue;
                }

                if (content["application/json"]?["schema"] is not JsonObject schema)
                {
                    Fail($"{status} has no application/json schema");
                }
                else if (Describe(schema, schemas) is { } why)
                {
                    Fail($"{status}'s schema {why}");
                }
            }

            void RequireProblem(string status, string because)
            {
                if (!responses.ContainsKey(status))
                {
                    Fail($"no {status} ({because})");
                }
            }

            var needsUser = requiresUser(id);
            if (needsUser)
            {
                RequireProblem("401", "it needs a signed-in user");
                RequireProblem("403", "it needs a user of the right group");
                if (method != "get")
                {
                    RequireProblem("400", "a cookie caller's antiforgery token is checked");
                }
            }

            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            if (parameters.Any(p => p["in"]?.GetValue<string>() == "path" && p["schema"]?["format"] is not null))
            {
                RequireProblem("404", "a route value of the wrong form matches no route");
            }

            if (parameters.Any(p => p["in"]?.GetValue<string>() == "query" && !IsPlainString(p["schema"])))
            {
                RequireProblem("400", "a typed query value can be malformed");
            }

            if (operation["requestBody"]?["content"]?.AsObject() is { } body)
            {
                RequireProblem("400", "the body can be unreadable");
                RequireProblem("413", "the body can be over the limit");
                if (body.ContainsKey("application/json"))
                {
                    RequireProblem("415", "the body can be of another type");
                }
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var content = response?["content"]?.AsObject();
                if (NotProblems.TryGetValue((id, status), out var mediaType))
                {
                    if (content?.ContainsKey(mediaType) != true)
                    {
                        Fail($"{status} should be {mediaType}");
                    }

                    continue;
                }

                if (content is null || content.Count != 1 || content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != ProblemSchema)
                {
                    Fail($"{status} is not application/problem+json with the ProblemDetails schema");
                }
            }
        }

        return failures;
    }

    private static bool IsPlainString(JsonNode? schema) =>
        schema?["type"] is JsonValue type && type.GetValue<string>() == "string" && schema["format"] is null && schema["enum"] is null;

    /// <summary>Why a success schema says nothing useful, or null when it describes an object or a list of something.</summary>
    private static string? Describe(JsonObject schema, JsonObject schemas)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            return schemas[name] is not JsonObject target ? $"refers to {name}, which the document lacks"
                : TypeOf(target) != "object" ? $"refers to {name}, which is not an object"
                : target["properties"] is not JsonObject { Count: > 0 } && target["additionalProperties"] is null ? $"refers to {name}, which has no properties"
                : null;
        }

        return TypeOf(schema) switch
        {
            "object" when schema["properties"] is JsonObject { Count: > 0 } || schema["additionalProperties"] is JsonObject => null,
            "array" when schema["items"] is JsonObject items && (items["$ref"] is not null || items["type"] is not null) => null,
            var type => $"is an empty or untyped {type ?? "schema"}",
        };
    }

    /// <summary>The schema's type; of a 3.1 type list (["null", "object"]), the one that is not null.</summary>
    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue one => one.GetValue<string>(),
        JsonArray many => many.Select(t => t!.GetValue<string>()).SingleOrDefault(t => t != "null"),
        _ => null,
    };
}
