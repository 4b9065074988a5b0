using Microsoft.Extensions.Options;
using Site.Core.Workflow;

namespace Site.Hosting;

/// <summary>Settings of the scheduler, bound from "Site:Scheduling".</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Site:Scheduling";

    /// <summary>How often due publish/unpublish actions are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an action claimed by an instance stays its own without an outcome: after that (the instance died while
    /// running it) another instance runs it.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = ISchedulingService.DefaultClaimTimeout;
}

/// <summary>
/// Runs scheduled publishes and unpublishes when they fall due. Every instance polls; the engine's atomic claim makes
/// sure each action runs on exactly one of them, and a claim whose instance died is taken over after ClaimTimeout.
/// </summary>
internal sealed class ScheduledPublishingService(
    ISchedulingService scheduling,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : PeriodicService(options.Value.PollInterval, clock, logger)
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override string Name => "Scheduled publishing";

    protected override bool RunAtStart => true;

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => scheduling.RunDueAsync(_instance, options.Value.ClaimTimeout, cancellationToken);
}
