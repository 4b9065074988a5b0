namespace Site.Hosting;

/// <summary>
/// Background work done on a fixed interval for as long as the site runs. A failed round is logged and the next one
/// tries again: a database that is briefly away must not stop the work for good.
/// </summary>
internal abstract partial class PeriodicService(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the work is, for the log.</summary>
    protected abstract string Name { get; }

    /// <summary>Whether to do a round at once on start, before the first interval has passed.</summary>
    protected virtual bool RunAtStart => false;

    /// <summary>One round; returns how many things it did (logged when more than none).</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        if (RunAtStart)
        {
            await RoundAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RoundAsync(stoppingToken);
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            var done = await RunOnceAsync(stoppingToken);
            if (done > 0)
            {
                LogDone(logger, Name, done);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work}: {Count} done")]
    private static partial void LogDone(ILogger logger, string work, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
