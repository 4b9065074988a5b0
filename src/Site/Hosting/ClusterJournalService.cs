using Microsoft.Extensions.Options;
using Site.Core.Cluster;

namespace Site.Hosting;

/// <summary>Settings of the instances that share one database, bound from "Site:Cluster".</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Site:Cluster";

    /// <summary>How often other instances' changes are looked for: a change made elsewhere shows here within this time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Follows the change journal so that this instance shows what other instances published.</summary>
internal sealed partial class ClusterJournalService(
    IClusterJournalFollower follower,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<ClusterJournalService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var remote = await follower.PollAsync(stoppingToken);
                if (remote > 0)
                {
                    LogApplied(logger, remote);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} changes made by other instances")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the change journal failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
