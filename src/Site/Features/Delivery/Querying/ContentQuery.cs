using System.Globalization;

namespace Site.Features.Delivery.Querying;

/// <summary>A request the API refuses: which parameter (or header) and why. Becomes a 400 ProblemDetails.</summary>
public sealed record DeliveryError(string Parameter, string Detail);

public enum FetchKind
{
    All,
    Ancestors,
    Children,
    Descendants,
}

/// <summary>fetch: which items to start from; the reference is an id or a path.</summary>
public sealed record FetchSpec(FetchKind Kind, string? Reference)
{
    public static FetchSpec All { get; } = new(FetchKind.All, null);
}

public enum DateField
{
    CreateDate,
    UpdateDate,
}

public enum DateComparison
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

public abstract record FilterSpec;

/// <summary>contentType:alias1,alias2 (any of them) or contentType:!alias (none of them).</summary>
public sealed record ContentTypeFilter(IReadOnlySet<string> Aliases, bool Negate) : FilterSpec;

/// <summary>name:text (the name contains it, ignoring case) or name:!text.</summary>
public sealed record NameFilter(string Text, bool Negate) : FilterSpec;

/// <summary>createDate&gt;2024-01-01, updateDate&lt;:2024-06-30T12:00:00Z and so on.</summary>
public sealed record DateFilter(DateField Field, DateComparison Comparison, DateTime ValueUtc) : FilterSpec
{
    public bool Matches(DateTime value) => Comparison switch
    {
        DateComparison.GreaterThan => value > ValueUtc,
        DateComparison.GreaterThanOrEqual => value >= ValueUtc,
        DateComparison.LessThan => value < ValueUtc,
        _ => value <= ValueUtc,
    };
}

public enum SortField
{
    CreateDate,
    Level,
    Name,
    SortOrder,
    UpdateDate,
}

public sealed record SortSpec(SortField Field, bool Descending);

/// <summary>A parsed content query: fetch, the filters (all must hold), the sorts (in order), and the page.</summary>
public sealed record ContentQuery(FetchSpec Fetch, IReadOnlyList<FilterSpec> Filters, IReadOnlyList<SortSpec> Sorts, int Skip, int Take);

/// <summary>Parses the query grammar of Umbraco's Delivery API; every malformed part is named in the error.</summary>
public static class ContentQueryParser
{
    private const string Grammar = "Expected ancestors:, children: or descendants: followed by an id or a path.";

    public static bool TryParse(
        string? fetch,
        IReadOnlyList<string>? filters,
        IReadOnlyList<string>? sorts,
        string? skip,
        string? take,
        int maxTake,
        out ContentQuery query,
        out DeliveryError? error)
    {
        query = new ContentQuery(FetchSpec.All, [], [], 0, 10);
        error = TryParseFetch(fetch, out var fetchSpec);
        IReadOnlyList<FilterSpec>? filterSpecs = null;
        IReadOnlyList<SortSpec>? sortSpecs = null;
        int skipValue = 0, takeValue = 10;
        error ??= TryParseFilters(filters, out filterSpecs);
        error ??= TryParseSorts(sorts, ContentSortFields, out sortSpecs);
        error ??= TryParsePage(skip, take, maxTake, out skipValue, out takeValue);
        if (error is not null)
        {
            return false;
        }

        query = new ContentQuery(fetchSpec!, filterSpecs!, sortSpecs!, skipValue, takeValue);
        return true;
    }

    public static DeliveryError? TryParseFetch(string? fetch, out FetchSpec? spec)
    {
        spec = FetchSpec.All;
        if (string.IsNullOrWhiteSpace(fetch))
        {
            return null;
        }

        var colon = fetch.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new DeliveryError("fetch", $"The fetch value '{fetch}' is malformed. {Grammar}");
        }

        var kind = fetch[..colon].Trim() switch
        {
            "ancestors" => FetchKind.Ancestors,
            "children" => FetchKind.Children,
            "descendants" => FetchKind.Descendants,
            _ => (FetchKind?)null,
        };
        var reference = fetch[(colon + 1)..].Trim();
        if (kind is null)
        {
            return new DeliveryError("fetch", $"The fetch value '{fetch}' is not supported: '{fetch[..colon]}' is not a fetch type. {Grammar}");
        }

        if (reference.Length == 0)
        {
            return new DeliveryError("fetch", $"The fetch value '{fetch}' names no item. {Grammar}");
        }

        spec = new FetchSpec(kind.Value, reference);
        return null;
    }

    private static DeliveryError? TryParseFilters(IReadOnlyList<string>? values, out IReadOnlyList<FilterSpec>? specs)
    {
        var list = new List<FilterSpec>();
        specs = list;
        foreach (var raw in values ?? [])
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var error = TryParseFilter(value, out var spec);
            if (error is not null)
            {
                return error;
            }

            list.Add(spec!);
        }

        return null;
    }

    private static DeliveryError? TryParseFilter(string value, out FilterSpec? spec)
    {
        spec = null;
        foreach (var (prefix, field) in new[] { ("createDate", DateField.CreateDate), ("updateDate", DateField.UpdateDate) })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = value[prefix.Length..];
                var (comparison, length) = rest switch
                {
                    _ when rest.StartsWith(">:", StringComparison.Ordinal) => (DateComparison.GreaterThanOrEqual, 2),
                    _ when rest.StartsWith("<:", StringComparison.Ordinal) => (DateComparison.LessThanOrEqual, 2),
                    _ when rest.StartsWith('>') => (DateComparison.GreaterThan, 1),
                    _ when rest.StartsWith('<') => (DateComparison.LessThan, 1),
                    _ => ((DateComparison?)null, 0),
                };
                if (comparison is null)
                {
                    return new DeliveryError("filter", $"The filter '{value}' is malformed: {prefix} takes >, >:, < or <: and a date, e.g. {prefix}>:2024-01-01.");
                }

                var text = rest[length..].Trim();
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    return new DeliveryError("filter", $"The filter '{value}' is malformed: '{text}' is not a date (use yyyy-MM-dd or an ISO 8601 date and time).");
                }

                spec = new DateFilter(field, comparison.Value, date);
                return null;
            }
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        var argument = colon < 0 ? string.Empty : value[(colon + 1)..].Trim();
        var negate = argument.StartsWith('!');
        if (negate)
        {
            argument = argument[1..].Trim();
        }

        switch (name)
        {
            case "contentType" when argument.Length > 0:
                var aliases = argument.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (aliases.Length == 0)
                {
                    break;
                }

                spec = new ContentTypeFilter(new HashSet<string>(aliases, StringComparer.Ordinal), negate);
                return null;
            case "name" when argument.Length > 0:
                spec = new NameFilter(argument, negate);
                return null;
            case "contentType" or "name":
                break;
            default:
                return new DeliveryError("filter", $"The filter '{value}' is not supported. Filters: contentType:alias, name:text (either negated with !), createDate or updateDate with >, >:, < or <: and a date.");
        }

        return new DeliveryError("filter", $"The filter '{value}' is malformed: {name}: needs a value, e.g. {name}:{(name == "name" ? "forum" : "session")}.");
    }

    public static IReadOnlySet<SortField> ContentSortFields { get; } = new HashSet<SortField>(Enum.GetValues<SortField>());

    public static IReadOnlySet<SortField> MediaSortFields { get; } = new HashSet<SortField> { SortField.CreateDate, SortField.Name, SortField.SortOrder, SortField.UpdateDate };

    public static DeliveryError? TryParseSorts(IReadOnlyList<string>? values, IReadOnlySet<SortField> allowed, out IReadOnlyList<SortSpec>? specs)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var list = new List<SortSpec>();
        specs = list;
        foreach (var raw in values ?? [])
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var fieldName = colon < 0 ? value : value[..colon].Trim();
            var direction = colon < 0 ? string.Empty : value[(colon + 1)..].Trim();
            SortField? field = fieldName switch
            {
                "createDate" => SortField.CreateDate,
                "level" => SortField.Level,
                "name" => SortField.Name,
                "sortOrder" => SortField.SortOrder,
                "updateDate" => SortField.UpdateDate,
                _ => null,
            };
            if (field is null || !allowed.Contains(field.Value))
            {
                var names = string.Join(", ", allowed.Order().Select(f => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..]));
                return new DeliveryError("sort", $"The sort '{value}' is not supported: '{fieldName}' is not a sort field. Fields: {names}.");
            }

            if (direction is not ("asc" or "desc"))
            {
                return new DeliveryError("sort", $"The sort '{value}' is malformed: give the direction, {fieldName}:asc or {fieldName}:desc.");
            }

            list.Add(new SortSpec(field.Value, direction == "desc"));
        }

        return null;
    }

    public static DeliveryError? TryParsePage(string? skip, string? take, int maxTake, out int skipValue, out int takeValue)
    {
        skipValue = 0;
        takeValue = 10;
        if (!string.IsNullOrWhiteSpace(skip)
            && (!int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out skipValue) || skipValue < 0))
        {
            return new DeliveryError("skip", $"The skip value '{skip}' is not a whole number of 0 or more.");
        }

        if (!string.IsNullOrWhiteSpace(take)
            && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out takeValue) || takeValue < 0 || takeValue > maxTake))
        {
            return new DeliveryError("take", $"The take value '{take}' is not a whole number from 0 to {maxTake.ToString(CultureInfo.InvariantCulture)}.");
        }

        return null;
    }
}
