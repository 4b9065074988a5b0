using System.Diagnostics;

namespace Site.Benchmarks.Search;

/// <summary>Runs queries on one thread of the worker's own; one per concurrent client.</summary>
internal interface IQueryWorker : IDisposable
{
    /// <summary>Runs the query; returns the number of results found (for the sanity table).</summary>
    int Run(BenchmarkQuery query);
}

/// <summary>Latencies of one run, in milliseconds, with the kind of query each was.</summary>
internal sealed class LatencyResult(string engine, int concurrency, double[] milliseconds, string[] kinds, TimeSpan wall, bool capped)
{
    public string Engine { get; } = engine;

    public int Concurrency { get; } = concurrency;

    public int Count => milliseconds.Length;

    public TimeSpan Wall { get; } = wall;

    public bool Capped { get; } = capped;

    /// <summary>CPU time of the process during the run (every thread, the engine's background work included).</summary>
    public TimeSpan Cpu { get; set; }

    public double CpuPerQuery => Cpu.TotalMilliseconds / Count;

    public GcFigures? Gc { get; set; }

    /// <summary>Queries that stopped at the site's query timeout (answered with what was found until then).</summary>
    public int? TimedOut { get; set; }

    public double Throughput => Count / Wall.TotalSeconds;

    public double Percentile(double p) => Percentile(milliseconds, p);

    public double PercentileOf(string kind, double p) =>
        Percentile([.. milliseconds.Where((_, i) => string.Equals(kinds[i], kind, StringComparison.Ordinal))], p);

    /// <summary>Nearest rank.</summary>
    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// A plain Stopwatch harness: <c>concurrency</c> dedicated threads take the next query of the fixed mix until
/// <c>count</c> have run (or the time cap is reached), each timing its own queries.
/// </summary>
internal static class LatencyRunner
{
    public static LatencyResult Run(string engine, int concurrency, int count, TimeSpan cap, Func<IQueryWorker> createWorker)
    {
        var milliseconds = new double[count];
        var kinds = new string[count];
        long next = -1;
        var capped = false;
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, concurrency).Select(_ => createWorker()).ToList();
        var wall = new Stopwatch();
        var deadline = 0L;
        var threads = workers.Select(worker => new Thread(() =>
        {
            start.Wait();
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                if (Stopwatch.GetTimestamp() > Volatile.Read(ref deadline))
                {
                    capped = true;
                    return;
                }

                var query = QueryMix.At(i);
                var started = Stopwatch.GetTimestamp();
                worker.Run(query);
                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                kinds[i] = query.Kind;
            }
        })
        { IsBackground = true, Name = engine + " client" }).ToList();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(cap.TotalSeconds * Stopwatch.Frequency));
        wall.Start();
        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        wall.Stop();
        foreach (var worker in workers)
        {
            worker.Dispose();
        }

        // A capped run keeps the queries that completed.
        var completed = Enumerable.Range(0, count).Where(i => kinds[i] is not null).ToArray();
        return new LatencyResult(engine, concurrency, [.. completed.Select(i => milliseconds[i])], [.. completed.Select(i => kinds[i])], wall.Elapsed, capped);
    }

    /// <summary>Runs each query of the mix <paramref name="rounds"/> times on this thread (JIT, caches, pages), within the time cap.</summary>
    public static void WarmUp(IQueryWorker worker, int rounds, TimeSpan cap)
    {
        var started = Stopwatch.GetTimestamp();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var query in QueryMix.All)
            {
                worker.Run(query);
                if (Stopwatch.GetElapsedTime(started) > cap)
                {
                    return;
                }
            }
        }
    }
}
