namespace Site.Hosting;

/// <summary>Brings the site up at start: database migrated, uSync imported into an empty site, snapshot built.</summary>
internal sealed class SiteInitializationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SiteEngineExtensions.InitializeAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
