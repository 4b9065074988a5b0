using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Core.Search;

/// <summary>Counts the values of keyword facet fields over every matching document.</summary>
internal sealed class FacetCounter(IReadOnlyDictionary<string, string> facetToField) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        facetToField.Keys.ToDictionary(k => k, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);

    private readonly List<(string Facet, FacetOrdinals Ordinals, int[] Counts)> _segment = [];

    // The segment's arrays side by side, read for every matching document (tens of thousands per search).
    private int[][] _starts = [];
    private int[][] _ords = [];
    private int[][] _segmentCounts = [];

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
            if (FacetOrdinals.For(context.AtomicReader, field) is { } ordinals)
            {
                _segment.Add((facet, ordinals, new int[ordinals.Values.Length]));
            }
        }

        _starts = [.. _segment.Select(s => s.Ordinals.Starts)];
        _ords = [.. _segment.Select(s => s.Ordinals.Ords)];
        _segmentCounts = [.. _segment.Select(s => s.Counts)];
    }

    public void Collect(int doc)
    {
        var starts = _starts;
        var ords = _ords;
        var counts = _segmentCounts;
        for (var f = 0; f < starts.Length; f++)
        {
            var facetStarts = starts[f];
            var facetOrds = ords[f];
            var facetCounts = counts[f];
            for (int i = facetStarts[doc], end = facetStarts[doc + 1]; i < end; i++)
            {
                facetCounts[facetOrds[i]]++;
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
        foreach (var (facet, ordinals, counts) in _segment)
        {
            var totals = _counts[facet];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var value = ordinals.Values[ord];
                    totals[value] = totals.GetValueOrDefault(value) + counts[ord];
                }
            }
        }

        _segment.Clear();
        (_starts, _ords, _segmentCounts) = ([], [], []);
    }
}

/// <summary>
/// A segment's facet values of one field as flat arrays: document d has the ordinals Ords[Starts[d]..Starts[d + 1]],
/// each naming Values[ordinal]. Segments never change, so this is read from the doc values once per segment (when a
/// refresh opens it: <see cref="FacetWarmingSearcherFactory"/>) and counting a match is an array read, not a decode.
/// </summary>
internal sealed class FacetOrdinals
{
    // Keyed by the segment's core, shared by every reader of it; dropped with the segment.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetOrdinals?>> Cache = [];

    private FacetOrdinals(string[] values, int[] starts, int[] ords) => (Values, Starts, Ords) = (values, starts, ords);

    public string[] Values { get; }

    public int[] Starts { get; }

    public int[] Ords { get; }

    /// <summary>The field's ordinals in the segment; null when no document of it has the field.</summary>
    public static FacetOrdinals? For(AtomicReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Cache.GetValue(reader.CoreCacheKey, static _ => new ConcurrentDictionary<string, FacetOrdinals?>(StringComparer.Ordinal))
            .GetOrAdd(field, static (name, segment) => Read(segment, name), reader);
    }

    private static FacetOrdinals? Read(AtomicReader reader, string field)
    {
        var docValues = reader.GetSortedSetDocValues(field);
        if (docValues is null)
        {
            return null;
        }

        var values = new string[checked((int)docValues.ValueCount)];
        var term = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            docValues.LookupOrd(ord, term);
            values[ord] = term.Utf8ToString();
        }

        var starts = new int[reader.MaxDoc + 1];
        var ords = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ords.Count;
            docValues.SetDocument(doc);
            long ord;
            while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords.Add((int)ord);
            }
        }

        starts[reader.MaxDoc] = ords.Count;
        return new FacetOrdinals(values, starts, [.. ords]);
    }
}

/// <summary>
/// Keeps a filter's matching documents per segment as a bit set: a search then checks each candidate's bit (random
/// access) instead of stepping a compressed list of the documents alongside the query's own.
/// </summary>
internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(iterator);
        ArgumentNullException.ThrowIfNull(reader);
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}

/// <summary>Passes on only the documents a filter accepts, checked by the filter's bit set of the segment.</summary>
internal sealed class FilterCollector(Filter filter, ICollector inner) : ICollector
{
    private IBits? _accepted;
    private bool _none;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        inner.SetNextReader(context);
        // Deleted documents are left out by the query itself.
        var set = filter.GetDocIdSet(context, null);
        _none = set is null;
        _accepted = set switch
        {
            null => null,
            FixedBitSet all when all.Cardinality == context.AtomicReader.MaxDoc => null, // everyone may see everything
            FixedBitSet bits => bits,
            _ => set.Bits ?? ToBits(set, context.AtomicReader.MaxDoc),
        };
    }

    public void Collect(int doc)
    {
        if (_none || (_accepted is { } accepted && !accepted.Get(doc)))
        {
            return;
        }

        inner.Collect(doc);
    }

    private static FixedBitSet ToBits(DocIdSet set, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        if (set.GetIterator() is { } iterator)
        {
            bits.Or(iterator);
        }

        return bits;
    }
}

/// <summary>Reads the facet ordinals of new segments when a refresh opens them, so no visitor's search waits for it.</summary>
internal sealed class FacetWarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var leaf in reader.Leaves)
        {
            foreach (var field in leaf.AtomicReader.FieldInfos.Where(f => f.DocValuesType == DocValuesType.SORTED_SET).Select(f => f.Name))
            {
                _ = FacetOrdinals.For(leaf.AtomicReader, field);
            }
        }

        return base.NewSearcher(reader);
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
