using System.Globalization;
using System.Text;
using Site.Core.Notifications;

namespace Site.Benchmarks.Tree;

/// <summary>
/// Notes when a tree operation's notification is raised: after its transaction committed, before the snapshot
/// refresh that follows it. So a call's time splits into the tree service's own work and the refresh.
/// </summary>
internal sealed class CommitProbe :
    INotificationHandler<ContentMovedNotification>,
    INotificationHandler<ContentTrashedNotification>,
    INotificationHandler<ContentRestoredNotification>
{
    public long? NotifiedAt { get; private set; }

    public void Reset() => NotifiedAt = null;

    public Task HandleAsync(ContentMovedNotification notification, CancellationToken cancellationToken) => Note();

    public Task HandleAsync(ContentTrashedNotification notification, CancellationToken cancellationToken) => Note();

    public Task HandleAsync(ContentRestoredNotification notification, CancellationToken cancellationToken) => Note();

    private Task Note()
    {
        NotifiedAt ??= System.Diagnostics.Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }
}

/// <summary>The times of each operation, in the order first measured: to commit, and the whole call.</summary>
internal sealed class Timings
{
    private readonly Dictionary<string, (List<double> Commit, List<double> Call)> _byOperation = new(StringComparer.Ordinal);

    public void Record(string operation, bool timed, TimeSpan toCommit, TimeSpan call)
    {
        if (!_byOperation.TryGetValue(operation, out var lists))
        {
            _byOperation[operation] = lists = ([], []);
        }

        if (timed)
        {
            lists.Commit.Add(toCommit.TotalMilliseconds);
            lists.Call.Add(call.TotalMilliseconds);
        }
    }

    public void AppendTo(StringBuilder report)
    {
        report.AppendLine("| operation | to commit p50 | to commit max | whole call p50 | whole call max |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (operation, (commit, call)) in _byOperation)
        {
            commit.Sort();
            call.Sort();
            report.AppendLine(CultureInfo.InvariantCulture, $"| {operation} | {Median(commit):F1} | {commit[^1]:F1} | {Median(call):F1} | {call[^1]:F1} |");
        }
    }

    /// <summary>The p50 by nearest rank, so the figure is one that was measured.</summary>
    private static double Median(List<double> sorted) => sorted[Math.Max(0, ((sorted.Count + 1) / 2) - 1)];
}
