using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Site.Core.Notifications;

namespace Site.Benchmarks.Search;

/// <summary>
/// Registered before the engine's own handlers, so it runs first on every new snapshot: notes when each snapshot
/// went live, and, for the first, the managed heap with the snapshot alone (before the index exists).
/// </summary>
internal sealed class SnapshotProbe : INotificationHandler<PublishedSnapshotChangedNotification>
{
    private readonly ConcurrentDictionary<long, long> _liveAt = new();

    public MemoryFigures? FirstSnapshotMemory { get; private set; }

    public Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (FirstSnapshotMemory is null)
        {
            FirstSnapshotMemory = MemoryFigures.Measure();
        }

        _liveAt[notification.Generation] = Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }

    /// <summary>The Stopwatch timestamp at which a snapshot generation went live.</summary>
    public long LiveAt(long generation) => _liveAt.TryGetValue(generation, out var at) ? at : throw new InvalidOperationException($"Snapshot {generation} was never announced.");
}

/// <summary>Managed heap (after a full collection), working set, and what SQLite holds natively.</summary>
internal sealed record MemoryFigures(long GcHeapBytes, long WorkingSetBytes, long SqliteBytes)
{
    public static MemoryFigures Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(heap, process.WorkingSet64, SQLitePCL.raw.sqlite3_memory_used());
    }
}

/// <summary>
/// The engine's log, filtered: warnings and errors are printed; the durations the engine logs itself (snapshot
/// builds, index rebuilds and updates) are kept for the report.
/// </summary>
internal sealed class BenchmarkLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Message, string Part, double Milliseconds)> Timings { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(BenchmarkLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Debug && category.StartsWith("Site.Core", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (logLevel >= LogLevel.Warning)
            {
                Console.Error.WriteLine($"  [{logLevel}] {category}: {message}{(exception is null ? string.Empty : " — " + exception)}");
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                // "Milliseconds", or the parts of a time ("ReadMilliseconds", "BuildMilliseconds").
                foreach (var (key, value) in values)
                {
                    if (key.EndsWith("Milliseconds", StringComparison.Ordinal) && value is double milliseconds)
                    {
                        owner.Timings.Enqueue((message, key[..^"Milliseconds".Length].ToLowerInvariant(), milliseconds));
                    }
                }
            }
        }
    }
}

/// <summary>Garbage collections and the time the process was paused for them.</summary>
internal sealed record GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcFigures Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcFigures operator -(GcFigures after, GcFigures before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);
    }

    public GcFigures Subtract(GcFigures before) => this - before;

    public override string ToString() =>
        $"{Gen0.ToString(System.Globalization.CultureInfo.InvariantCulture)} / {Gen1.ToString(System.Globalization.CultureInfo.InvariantCulture)} / {Gen2.ToString(System.Globalization.CultureInfo.InvariantCulture)} collections (gen 0/1/2), paused {Paused.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s";
}
