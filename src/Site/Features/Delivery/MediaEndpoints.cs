using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Features.Delivery.Querying;

namespace Site.Features.Delivery;

/// <summary>The query parameters of GET /media, as the contract names them.</summary>
internal sealed record MediaQueryParameters(
    [FromQuery(Name = "fetch")] string? Fetch,
    [FromQuery(Name = "filter")] string[]? Filter,
    [FromQuery(Name = "sort")] string[]? Sort,
    [FromQuery(Name = "skip")] string? Skip,
    [FromQuery(Name = "take")] string? Take,
    [FromQuery(Name = "expand")] string? Expand,
    [FromQuery(Name = "fields")] string? Fields);

/// <summary>
/// GET /umbraco/delivery/api/v2/media, /media/item/{id}, /media/item/{path} and /media/items. The requests are checked
/// as the contract defines them; the answers come from <see cref="IDeliveryMediaSource"/>, the media library.
/// </summary>
internal static class MediaEndpoints
{
    public static Results<Ok<ApiPagedMedia>, ProblemHttpResult> Query(
        HttpContext http,
        [AsParameters] MediaQueryParameters query,
        DeliveryRequestReader reader,
        IDeliveryMediaSource media,
        IOptions<DeliveryApiOptions> options)
    {
        if (reader.CheckAccess(http) is { } denied)
        {
            return denied;
        }

        if (ParseFetch(query.Fetch, out var parent) is { } fetchError)
        {
            return DeliveryProblems.BadRequest(fetchError);
        }

        int skip = 0, take = 10;
        var error = (query.Filter ?? []).Select(ParseFilter).FirstOrDefault(e => e is not null);
        error ??= ContentQueryParser.TryParseSorts(query.Sort, ContentQueryParser.MediaSortFields, out _);
        error ??= ContentQueryParser.TryParsePage(query.Skip, query.Take, options.Value.MaxTake, out skip, out take);
        error ??= new ItemParameters(query.Expand, query.Fields).TryParse(out _, out _);
        if (error is not null)
        {
            return DeliveryProblems.BadRequest(error);
        }

        var children = parent is { } key ? media.Children(key)
            : query.Fetch!.Trim() == "children:/" ? media.Children(null)
            : media.FindByPath(query.Fetch.Trim()["children:".Length..]) is { } folder ? media.Children(folder.Id)
            : [];
        return TypedResults.Ok(new ApiPagedMedia { Total = children.Count, Items = [.. children.Skip(skip).Take(take)] });
    }

    public static Results<Ok<ApiMediaWithCrops>, ProblemHttpResult> ItemById(
        HttpContext http, Guid id, [AsParameters] ItemParameters item, DeliveryRequestReader reader, IDeliveryMediaSource media) =>
        reader.CheckAccess(http) is { } denied ? denied
        : item.TryParse(out _, out _) is { } error ? DeliveryProblems.BadRequest(error)
        : media.Find(id) is { } found ? TypedResults.Ok(found)
        : DeliveryProblems.NotFound($"No media item with id {id} exists.");

    public static Results<Ok<ApiMediaWithCrops>, ProblemHttpResult> ItemByPath(
        HttpContext http,
        string? path,
        [AsParameters] ItemParameters item,
        DeliveryRequestReader reader,
        IDeliveryMediaSource media)
    {
        var decoded = Uri.UnescapeDataString(path ?? string.Empty);
        return reader.CheckAccess(http) is { } denied ? denied
            : item.TryParse(out _, out _) is { } error ? DeliveryProblems.BadRequest(error)
            : media.FindByPath("/" + decoded.TrimStart('/')) is { } found ? TypedResults.Ok(found)
            : DeliveryProblems.NotFound($"No media item exists at '{decoded}'.");
    }

    public static Results<Ok<List<ApiMediaWithCrops>>, ProblemHttpResult> Items(
        HttpContext http,
        [FromQuery(Name = "id")] string[]? id,
        [AsParameters] ItemParameters item,
        DeliveryRequestReader reader,
        IDeliveryMediaSource media,
        IOptions<DeliveryApiOptions> options)
    {
        if (reader.CheckAccess(http) is { } denied)
        {
            return denied;
        }

        if (!ContentEndpoints.TryParseIds(id, options.Value.MaxTake, out var keys, out var idError))
        {
            return DeliveryProblems.BadRequest(idError!);
        }

        return item.TryParse(out _, out _) is { } error
            ? DeliveryProblems.BadRequest(error)
            : TypedResults.Ok(keys.Select(media.Find).OfType<ApiMediaWithCrops>().ToList());
    }

    private static DeliveryError? ParseFetch(string? fetch, out Guid? parent)
    {
        parent = null;
        var value = fetch?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            // Umbraco does not browse all media: without fetch its answer is "The attempted 'fetch' option does not exist".
            return new DeliveryError("fetch", "The attempted 'fetch' option does not exist: media queries need fetch=children:/ (the root), children:id or children:path.");
        }

        if (value == "children:/")
        {
            return null;
        }

        if (!value.StartsWith("children:", StringComparison.Ordinal) || value.Length == "children:".Length)
        {
            return new DeliveryError("fetch", $"The attempted 'fetch' option does not exist: '{fetch}' is not supported for media; use children:/ (the root), children:id or children:path.");
        }

        if (Guid.TryParse(value["children:".Length..], out var key))
        {
            parent = key;
        }

        return null;
    }

    private static DeliveryError? ParseFilter(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        var argument = colon < 0 ? string.Empty : value[(colon + 1)..].TrimStart('!').Trim();
        return name is "mediaType" or "name"
            ? argument.Length > 0 ? null : new DeliveryError("filter", $"The filter '{value}' is malformed: {name}: needs a value.")
            : new DeliveryError("filter", $"The filter '{value}' is not supported for media. Filters: mediaType:alias, name:text (either negated with !).");
    }
}
