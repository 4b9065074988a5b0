using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Features.Public;

namespace Site.Features.Search;

/// <summary>One result of the search API.</summary>
public sealed record SearchApiItem(Guid Id, string Name, string Url, string ContentType, string Culture, string Highlight);

/// <summary>The search API's answer: the number of matches, one page of them (best first) and the facet counts.</summary>
public sealed record SearchApiResponse(int Total, IReadOnlyList<SearchApiItem> Items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

public sealed record SuggestApiItem(string Name, string Url, string ContentType, string Culture);

public sealed record SuggestApiResponse(IReadOnlyList<SuggestApiItem> Items);

/// <summary>
/// <c>GET /api/search?q=TEXT&amp;culture=en-US|zh-CN&amp;type=ALIAS&amp;skip=0&amp;take=10</c>. A missing q, an unknown
/// culture or content type, and a bad skip or take are answered with 400 and a problem details document.
/// </summary>
internal static class SearchApi
{
    public static Results<Ok<SearchApiResponse>, ValidationProblem> Search(
        HttpContext context,
        ISearchService search,
        IPublishedSnapshotAccessor snapshots,
        IOptions<SearchOptions> options,
        ICurrentMemberAccessor members,
        string? q,
        string? culture,
        string? type,
        string? skip,
        string? take)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var snapshot = snapshots.Current;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["The query text (q) is required."];
        }

        var language = culture is null ? snapshot.Languages.Default : snapshot.Languages.Find(culture);
        if (language is null)
        {
            errors["culture"] = [$"Unknown culture; use one of: {string.Join(", ", snapshot.Languages.All.Select(l => l.IsoCode))}."];
        }

        if (type is not null && snapshot.Schema.FindContentType(type) is null)
        {
            errors["type"] = ["Unknown content type alias."];
        }

        var skipValue = ParseInt(skip, 0);
        if (skipValue is null || skipValue < 0 || skipValue >= settings.MaxWindow)
        {
            errors["skip"] = [$"skip must be a whole number from 0 to {settings.MaxWindow - 1}."];
        }

        var takeValue = ParseInt(take, 10);
        if (takeValue is null || takeValue < 1 || takeValue > settings.MaxTake)
        {
            errors["take"] = [$"take must be a whole number from 1 to {settings.MaxTake}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid.");
        }

        var results = search.Search(
            new SearchQuery(q, language!.IsoCode, members.GetMember(context))
            {
                ContentType = type,
                Skip = skipValue!.Value,
                Take = takeValue!.Value,
            },
            context.RequestAborted);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(new SearchApiResponse(
            results.Total,
            [.. results.Items.Select(i => new SearchApiItem(i.Key, i.Name, i.Url, i.ContentType, i.Culture, i.Highlight))],
            results.Facets.ToDictionary(
                f => f.Key,
                f => (IReadOnlyDictionary<string, int>)f.Value.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal),
                StringComparer.Ordinal)));
    }

    public static Results<Ok<SuggestApiResponse>, ValidationProblem> Suggest(
        HttpContext context,
        ISearchService search,
        IPublishedSnapshotAccessor snapshots,
        ICurrentMemberAccessor members,
        string? q,
        string? culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = snapshots.Current;
        var language = culture is null ? snapshot.Languages.Default : snapshot.Languages.Find(culture);
        if (language is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["culture"] = ["Unknown culture."] },
                title: "The suggestion request is not valid.");
        }

        var suggestions = search.Suggest(q, language.IsoCode, members.GetMember(context));
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(new SuggestApiResponse([.. suggestions.Select(s => new SuggestApiItem(s.Name, s.Url, s.ContentType, s.Culture))]));
    }

    private static int? ParseInt(string? text, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : null;
}
