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
internal sealed class ClusterJournalService(
    IClusterJournalFollower follower,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<ClusterJournalService> logger) : PeriodicService(options.Value.PollInterval, clock, logger)
{
    protected override string Name => "Changes made by other instances";

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => follower.PollAsync(cancellationToken);
}
