using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Core.Search;

/// <summary>Counts the values of keyword facet fields (sorted-set doc values) over every matching document.</summary>
internal sealed class FacetCounter(IReadOnlyDictionary<string, string> facetToField) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        facetToField.Keys.ToDictionary(k => k, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);

    private readonly List<(string Facet, SortedSetDocValues Values, int[] Counts)> _segment = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        foreach (var (facet, field) in facetToField)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(field);
            if (values is not null)
            {
                _segment.Add((facet, values, new int[checked((int)values.ValueCount)]));
            }
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>The counts, most frequent first (ties by value).</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Results()
    {
        Flush();
        return _counts.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<FacetValue>)[.. kv.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => new FacetValue(v.Key, v.Value))],
            StringComparer.Ordinal);
    }

    private void Flush()
    {
        var term = new BytesRef();
        foreach (var (facet, values, counts) in _segment)
        {
            var totals = _counts[facet];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var value = term.Utf8ToString();
                    totals[value] = totals.GetValueOrDefault(value) + counts[ord];
                }
            }
        }

        _segment.Clear();
    }
}

/// <summary>Stops a search that runs past its deadline or is cancelled: the collectors keep what they found so far.</summary>
internal sealed class DeadlineCollector(ICollector inner, TimeSpan budget, CancellationToken cancellationToken) : ICollector
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Check();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck >= 256)
        {
            _sinceCheck = 0;
            Check();
        }

        inner.Collect(doc);
    }

    private void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new SearchTimeoutException();
        }
    }
}

internal sealed class SearchTimeoutException : Exception
{
    public SearchTimeoutException()
        : base("The search ran out of time.")
    {
    }

    public SearchTimeoutException(string message)
        : base(message)
    {
    }

    public SearchTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
