using System.Globalization;
using Site.Core.Publishing;

namespace Site.Features.Delivery.Querying;

/// <summary>Runs a parsed query against the request's snapshot: no database, no index, a walk over the tree in memory.</summary>
internal static class ContentQueryExecutor
{
    /// <summary>
    /// The page of items and the total. A fetch naming an item this request cannot see (none with that id or path, not
    /// published in its language, protected) finds nothing, as in Umbraco 15+: its selectors then match no document
    /// (ChildrenSelector, DescendantsSelector, and AncestorsSelector since its fix for a missing item), so the answer is
    /// an empty page, never a 404.
    /// </summary>
    public static (IReadOnlyList<Served> Items, long Total) Execute(DeliveryRequest request, ContentQuery query)
    {
        // A culture the site does not have (and no fallback asked for): nothing is in it, as in Umbraco's index.
        if (request.Language is null && request.Fallback is null)
        {
            return ([], 0);
        }

        IEnumerable<PublishedContent> candidates;
        if (query.Fetch.Kind == FetchKind.All)
        {
            candidates = (request.StartItem is { } start ? [start] : request.Snapshot.Roots).SelectMany(r => new[] { r }.Concat(r.Descendants()));
        }
        else
        {
            var reference = query.Fetch.Reference!;
            var subject = Guid.TryParse(reference, out var key)
                ? request.Serve(request.Snapshot.GetByKey(key))
                : request.LocateByPath(reference) is { } located && request.CanSee(located.Content) ? located : null;
            if (subject is null)
            {
                return ([], 0);
            }

            candidates = query.Fetch.Kind switch
            {
                FetchKind.Ancestors => subject.Value.Content.Ancestors(),
                FetchKind.Children => subject.Value.Content.AllChildren,
                _ => subject.Value.Content.Descendants(),
            };
        }

        // An unknown culture serves nothing but the fallback: names compare in the language they are served in.
        var comparison = CultureInfo.GetCultureInfo((request.Language ?? request.Fallback)?.IsoCode ?? string.Empty);
        var compareInfo = comparison.CompareInfo;
        var served = new List<Served>();
        foreach (var candidate in candidates)
        {
            if (request.Serve(candidate) is { } item && query.Filters.All(f => Matches(f, item, compareInfo)))
            {
                served.Add(item);
            }
        }

        IEnumerable<Served> ordered = served;
        if (query.Sorts.Count > 0)
        {
            var nameComparer = StringComparer.Create(comparison, ignoreCase: true);
            IOrderedEnumerable<Served>? sorted = null;
            foreach (var sort in query.Sorts)
            {
                sorted = sort.Field switch
                {
                    SortField.Name => By(sorted, served, s => Name(s), nameComparer, sort.Descending),
                    SortField.Level => By(sorted, served, s => s.Content.Level, Comparer<int>.Default, sort.Descending),
                    SortField.SortOrder => By(sorted, served, s => s.Content.SortOrder, Comparer<int>.Default, sort.Descending),
                    SortField.CreateDate => By(sorted, served, s => s.Content.CreateDateUtc, Comparer<DateTime>.Default, sort.Descending),
                    _ => By(sorted, served, s => UpdateDate(s), Comparer<DateTime>.Default, sort.Descending),
                };
            }

            ordered = sorted!;
        }

        var page = ordered.Skip(query.Skip).Take(query.Take).ToList();
        return (page, served.Count);
    }

    private static IOrderedEnumerable<Served> By<TKey>(
        IOrderedEnumerable<Served>? sorted, List<Served> source, Func<Served, TKey> key, IComparer<TKey> comparer, bool descending) =>
        (sorted, descending) switch
        {
            (null, false) => source.OrderBy(key, comparer),
            (null, true) => source.OrderByDescending(key, comparer),
            (_, false) => sorted.ThenBy(key, comparer),
            _ => sorted.ThenByDescending(key, comparer),
        };

    private static string Name(Served item) => item.Content.Name(item.Culture) ?? string.Empty;

    private static DateTime UpdateDate(Served item) => item.Content.Culture(item.Culture)!.PublishedAtUtc;

    private static bool Matches(FilterSpec filter, Served item, CompareInfo compareInfo) => filter switch
    {
        ContentTypeFilter type => type.Aliases.Contains(item.Content.ContentTypeAlias) != type.Negate,
        NameFilter name => (compareInfo.IndexOf(Name(item), name.Text, CompareOptions.IgnoreCase) >= 0) != name.Negate,
        DateFilter date => date.Matches(date.Field == DateField.CreateDate ? item.Content.CreateDateUtc : UpdateDate(item)),
        _ => false,
    };
}
