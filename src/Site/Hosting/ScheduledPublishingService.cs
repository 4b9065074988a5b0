using Microsoft.Extensions.Options;
using Site.Core.Workflow;

namespace Site.Hosting;

/// <summary>Settings of the scheduler, bound from "Site:Scheduling".</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Site:Scheduling";

    /// <summary>How often due publish/unpublish actions are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Runs scheduled publishes and unpublishes when they fall due. Every instance polls; the engine's atomic claim makes
/// sure each action runs on exactly one of them.
/// </summary>
internal sealed partial class ScheduledPublishingService(
    ISchedulingService scheduling,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                var ran = await scheduling.RunDueAsync(_instance, stoppingToken);
                if (ran > 0)
                {
                    LogRan(logger, ran);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing poll (database briefly away) must not stop the scheduler; the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran {Count} scheduled publishing actions")]
    private static partial void LogRan(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Running scheduled publishing actions failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
