using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Site.Tests.Features.Delivery.Contract;

/// <summary>
/// The shared contract, Umbraco's own OpenAPI document of the Delivery API (shared/contracts/umbraco-delivery-api,
/// beside the repository): read with Microsoft.OpenApi; its schemas turned into JSON Schemas (2020-12) to validate
/// our responses with JsonSchema.Net.
/// </summary>
public sealed class DeliveryContract
{
    public const string RelativePath = "shared/contracts/umbraco-delivery-api/delivery-api.openapi.json";

    private readonly JsonObject _schemas;

    private DeliveryContract(string path, OpenApiDocument document, JsonObject schemas)
    {
        Path = path;
        Document = document;
        _schemas = schemas;
    }

    public string Path { get; }

    public OpenApiDocument Document { get; }

    /// <summary>
    /// Finds the contract by walking up from the test's folder. A clone of the repository alone has no shared folder: the
    /// contract tests are then skipped with the reason (CI, which has it, fails on any skipped test).
    /// </summary>
    public static async Task<DeliveryContract> LoadAsync() => await LoadAsync(RequirePath());

    public static string RequirePath()
    {
        var path = Locate(AppContext.BaseDirectory);
        if (path is null)
        {
            Assert.Skip($"The Delivery API contract '{RelativePath}' was not found in any folder above {AppContext.BaseDirectory}. " +
                "It comes with the shared folder laid beside the repository (../shared, which CI has); to run these tests, put it there.");
        }

        return path;
    }

    public static async Task<DeliveryContract> LoadAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path);
        var document = await ReadAsync(text);
        var raw = JsonNode.Parse(text)!.AsObject();
        var schemas = JsonNode.Parse(raw["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        return new DeliveryContract(path, document, schemas);
    }

    /// <summary>
    /// Reads an OpenAPI document (the contract or ours) and fails on any error the reader reports. The validation rules are
    /// off: Umbraco's own document breaks one (/item/{id} and /item/{path} share a signature), and so, by design, does ours.
    /// </summary>
    public static async Task<OpenApiDocument> ReadAsync(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() });
        Assert.True(result.Diagnostic is null || result.Diagnostic.Errors.Count == 0,
            "The OpenAPI document has errors: " + string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? []));
        Assert.NotNull(result.Document);
        return result.Document;
    }

    internal static string? Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The operation with this id, and its path template.</summary>
    public (string Path, OpenApiOperation Operation) Operation(string operationId)
    {
        foreach (var (path, item) in Document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                if (operation.OperationId == operationId)
                {
                    return (path, operation);
                }
            }
        }

        throw new InvalidOperationException($"The contract has no operation {operationId}.");
    }

    public IEnumerable<string> OperationIds =>
        Document.Paths.Values.SelectMany(p => p.Operations is null ? [] : p.Operations.Values.AsEnumerable()).Select(o => o.OperationId!);

    /// <summary>
    /// Checks one response against the contract: its status must be one the operation declares, and its body must
    /// validate against the declared schema when there is one. Returns the problems found (none: valid).
    /// </summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string operationId, int status, string? contentType, string body)
    {
        var (_, operation) = Operation(operationId);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses is null || !operation.Responses.TryGetValue(code, out var response))
        {
            return [$"{operationId} does not declare a {code} response"];
        }

        if (response.Content is null || response.Content.Count == 0)
        {
            return [];
        }

        if (contentType is null || !(contentType.Contains("json", StringComparison.Ordinal)))
        {
            return [$"{operationId} {code}: the contract declares a JSON body, the response has '{contentType}'"];
        }

        var declared = response.Content["application/json"].Schema!;
        var schemaJson = JsonNode.Parse(await declared.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1))!.AsObject();
        var declaredJson = JsonNode.Parse(schemaJson.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contract.test/{Guid.NewGuid():N}",
            ["$defs"] = _schemas.DeepClone(),
            ["allOf"] = new JsonArray(declaredJson),
        };
        var schema = JsonSchema.FromText(root.ToJsonString());
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{operationId} {code} at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{operationId} {code}: invalid")];
    }

    /// <summary>
    /// Checks a JSON value against one of the contract's component schemas, <paramref name="without"/> its named fields
    /// and closed to any other: for shapes the contract only names inside a larger one (a media picker's item is the
    /// media item's shape without path and dates). Returns the problems found (none: valid).
    /// </summary>
    public IReadOnlyList<string> ValidateComponent(string schemaName, string json, params string[] without)
    {
        var component = _schemas[schemaName]!.DeepClone().AsObject();
        var properties = component["properties"]!.AsObject();
        foreach (var name in without)
        {
            properties.Remove(name);
        }

        component["required"] = new JsonArray([.. component["required"]!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !without.Contains(r)).Select(r => (JsonNode)r)]);
        component["additionalProperties"] = false;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contract.test/{Guid.NewGuid():N}",
            ["$defs"] = _schemas.DeepClone(),
            ["allOf"] = new JsonArray(component),
        };
        var schema = JsonSchema.FromText(root.ToJsonString());
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{schemaName} at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{schemaName}: invalid")];
    }
}
