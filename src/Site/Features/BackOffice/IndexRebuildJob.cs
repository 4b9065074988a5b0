using Site.Core.Search;

namespace Site.Features.BackOffice;

/// <summary>
/// The back office's "rebuild the search index" button: one rebuild at a time, in the background, with its progress
/// for the screen's progress bar. Searches keep being answered from the old index until the new one is complete.
/// </summary>
public sealed partial class IndexRebuildJob(IIndexRebuilder rebuilder, ILogger<IndexRebuildJob> logger, IHostApplicationLifetime lifetime)
{
    private readonly Lock _lock = new();
    private Task? _running;

    public IndexRebuildProgress? Progress { get; private set; }

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>The outcome of the last finished rebuild: the number of documents, or null when it failed.</summary>
    public int? LastCount { get; private set; }

    public DateTimeOffset? LastFinished { get; private set; }

    /// <summary>Starts a rebuild unless one is running; false when one already was.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            if (IsRunning)
            {
                return false;
            }

            Progress = new IndexRebuildProgress(0, 0);
            _running = Task.Run(RunAsync);
            return true;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            LastCount = await rebuilder.RebuildAsync(new Progress<IndexRebuildProgress>(p => Progress = p), lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LastCount = null;
            LogRebuildFailed(logger, ex);
        }
        finally
        {
            LastFinished = DateTimeOffset.UtcNow;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The search index rebuild failed.")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
