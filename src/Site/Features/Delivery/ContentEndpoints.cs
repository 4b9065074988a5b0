using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Features.Delivery.Querying;

namespace Site.Features.Delivery;

/// <summary>The query parameters of GET /content, as the contract names them.</summary>
internal sealed record ContentQueryParameters(
    [FromQuery(Name = "fetch")] string? Fetch,
    [FromQuery(Name = "filter")] string[]? Filter,
    [FromQuery(Name = "sort")] string[]? Sort,
    [FromQuery(Name = "skip")] string? Skip,
    [FromQuery(Name = "take")] string? Take,
    [FromQuery(Name = "expand")] string? Expand,
    [FromQuery(Name = "fields")] string? Fields);

/// <summary>The expand and fields parameters of the item endpoints.</summary>
internal sealed record ItemParameters(
    [FromQuery(Name = "expand")] string? Expand,
    [FromQuery(Name = "fields")] string? Fields)
{
    public DeliveryError? TryParse(out PropertySelection expand, out PropertySelection fields)
    {
        fields = PropertySelection.All;
        if (IsVersion1Expand(Expand))
        {
            // Version 1's "all" and "property:a,b", still sent by published clients: Umbraco's v2 parser accepts them
            // and, finding no properties[...] in them, expands nothing. So do we.
            expand = PropertySelection.None;
        }
        else if (!PropertySelection.TryParse(Expand, "expand", PropertySelection.None, out expand, out var expandError))
        {
            return new DeliveryError("expand", expandError!);
        }

        return PropertySelection.TryParse(Fields, "fields", PropertySelection.All, out fields, out var error) ? null : new DeliveryError("fields", error!);
    }

    private static bool IsVersion1Expand(string? value) =>
        value?.Trim() is { } trimmed && (trimmed == "all" || trimmed.StartsWith("property:", StringComparison.Ordinal));
}

/// <summary>GET /umbraco/delivery/api/v2/content, /content/item/{id}, /content/item/{path} and /content/items.</summary>
internal static class ContentEndpoints
{
    public static async Task<Results<Ok<ApiPagedContent>, ProblemHttpResult>> Query(
        HttpContext http,
        [AsParameters] ContentQueryParameters query,
        [AsParameters] DeliveryHeaders headers,
        DeliveryRequestReader reader,
        DeliveryContentRenderer renderer,
        IOptions<DeliveryApiOptions> options)
    {
        var (request, problem) = await reader.ReadAsync(http, headers);
        if (problem is not null)
        {
            return problem;
        }

        if (!ContentQueryParser.TryParse(query.Fetch, query.Filter, query.Sort, query.Skip, query.Take, options.Value.MaxTake, out var parsed, out var error))
        {
            return DeliveryProblems.BadRequest(error!);
        }

        if (new ItemParameters(query.Expand, query.Fields).TryParse(out var expand, out var fields) is { } selectionError)
        {
            return DeliveryProblems.BadRequest(selectionError);
        }

        var result = ContentQueryExecutor.Execute(request!, parsed);
        SetContentLanguage(http, request!, result.Items);
        var items = result.Items.Select(i => renderer.Render(request!, i, fields, expand)).ToList();
        return TypedResults.Ok(new ApiPagedContent { Total = result.Total, Items = items });
    }

    public static async Task<Results<Ok<ApiContentResponse>, ProblemHttpResult>> ItemById(
        HttpContext http,
        Guid id,
        [AsParameters] ItemParameters item,
        [AsParameters] DeliveryHeaders headers,
        DeliveryRequestReader reader,
        DeliveryContentRenderer renderer)
    {
        var (request, problem) = await reader.ReadAsync(http, headers);
        if (problem is not null)
        {
            return problem;
        }

        var content = request!.Snapshot.GetByKey(id);
        return Item(http, request, content is null ? null : request.Locate(content), item, renderer, $"No content with id {id} is published in {request.Culture}.");
    }

    public static async Task<Results<Ok<ApiContentResponse>, ProblemHttpResult>> ItemByPath(
        HttpContext http,
        string? path,
        [AsParameters] ItemParameters item,
        [AsParameters] DeliveryHeaders headers,
        DeliveryRequestReader reader,
        DeliveryContentRenderer renderer)
    {
        var (request, problem) = await reader.ReadAsync(http, headers);
        if (problem is not null)
        {
            return problem;
        }

        var decoded = Uri.UnescapeDataString(path ?? string.Empty);
        return Item(http, request!, request!.LocateByPath(decoded), item, renderer, $"No content is published at '{decoded}' in {request.Culture}.");
    }

    public static async Task<Results<Ok<List<ApiContentResponse>>, ProblemHttpResult>> Items(
        HttpContext http,
        [FromQuery(Name = "id")] string[]? id,
        [AsParameters] ItemParameters item,
        [AsParameters] DeliveryHeaders headers,
        DeliveryRequestReader reader,
        DeliveryContentRenderer renderer,
        IOptions<DeliveryApiOptions> options)
    {
        var (request, problem) = await reader.ReadAsync(http, headers);
        if (problem is not null)
        {
            return problem;
        }

        if (!TryParseIds(id, options.Value.MaxTake, out var keys, out var idError))
        {
            return DeliveryProblems.BadRequest(idError!);
        }

        if (item.TryParse(out var expand, out var fields) is { } error)
        {
            return DeliveryProblems.BadRequest(error);
        }

        // Missing, unpublished and protected items are left out, as Umbraco does: the list says nothing about them.
        var served = keys.Select(k => request!.Serve(request.Snapshot.GetByKey(k))).OfType<Served>().ToList();
        SetContentLanguage(http, request!, served);
        return TypedResults.Ok(served.Select(s => renderer.Render(request!, s, fields, expand)).ToList());
    }

    internal static bool TryParseIds(string[]? values, int max, out List<Guid> keys, out DeliveryError? error)
    {
        keys = [];
        error = null;
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Guid.TryParse(value, out var key))
            {
                error = new DeliveryError("id", $"The id '{value}' is not a GUID.");
                return false;
            }

            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        if (keys.Count > max)
        {
            error = new DeliveryError("id", $"At most {max} ids may be asked for at once.");
            return false;
        }

        return true;
    }

    private static Results<Ok<ApiContentResponse>, ProblemHttpResult> Item(
        HttpContext http, DeliveryRequest request, Served? located, ItemParameters item, DeliveryContentRenderer renderer, string notFound)
    {
        if (item.TryParse(out var expand, out var fields) is { } error)
        {
            return DeliveryProblems.BadRequest(error);
        }

        if (located is not { } served)
        {
            return DeliveryProblems.NotFound(notFound);
        }

        // Protected content: nothing of it is sent, only whether signing in would help (as the site's pages do).
        if (!request.CanSee(served.Content))
        {
            return request.Member is null
                ? DeliveryProblems.Unauthorized("This content is for signed-in members only.")
                : DeliveryProblems.Forbidden("This content is not available to your member groups.");
        }

        SetContentLanguage(http, request, [served]);
        return TypedResults.Ok(renderer.Render(request, served, fields, expand));
    }

    /// <summary>Content-Language says which culture the response is in: never silent about a fallback.</summary>
    private static void SetContentLanguage(HttpContext http, DeliveryRequest request, IEnumerable<Served> items)
    {
        var cultures = items.Select(i => i.Culture).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        http.Response.Headers.ContentLanguage = cultures.Count == 0 ? request.Culture : string.Join(", ", cultures);
    }
}
