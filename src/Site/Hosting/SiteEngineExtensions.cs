using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.DependencyInjection;
using Site.Hosting.KeyRing;

namespace Site.Hosting;

public static class SiteEngineExtensions
{
    /// <summary>The content engine, with its data folder and database resolved against the host's content root.</summary>
    public static WebApplicationBuilder AddSiteEngine(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<SiteCoreOptions>()
            .BindConfiguration(SiteCoreOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.DataPath = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
                options.ConnectionString ??= configuration.GetConnectionString("Site");
                options.Sync.Folder = ResolveSyncFolder(contentRoot, options.Sync.Folder);
            })
            .Validate(o => o.DatabaseProvider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "PostgreSQL needs a connection string: set ConnectionStrings:Site (or Site:ConnectionString).")
            .ValidateOnStart();
        builder.Services.AddSiteCore();
        // Kestrel reads only its endpoints from configuration by itself; its limits against slow and oversized clients
        // (appsettings.json, "Kestrel:Limits") are bound here so that an operator tunes them without a build.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        // Runs before the server starts listening: the first request already sees the imported, published site.
        builder.Services.AddHostedService<SiteInitializationService>();
        // Keys for cookies, antiforgery and mailed tokens live in the site's database: they survive a restart, and every
        // instance sharing the database accepts what another one signed. Registered here, before any feature adds data
        // protection, so that its table exists before data protection's own start-up service reads the key ring.
        builder.Services.AddSharedKeyRing();
        builder.Services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.SectionName)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.PollInterval <= TimeSpan.FromMinutes(10), "Site:Scheduling:PollInterval must be between 0 and 10 minutes.")
            .Validate(o => o.ClaimTimeout > TimeSpan.Zero, "Site:Scheduling:ClaimTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ScheduledPublishingService>();
        builder.Services.AddOptions<ClusterOptions>()
            .BindConfiguration(ClusterOptions.SectionName)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.PollInterval <= TimeSpan.FromMinutes(10), "Site:Cluster:PollInterval must be between 0 and 10 minutes.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ClusterJournalService>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>Migrates the database, imports uSync into an empty site and builds the published snapshot.</summary>
    public static Task InitializeSiteAsync(this WebApplication app) =>
        InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);

    internal static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<SiteCoreOptions>>().Value;
        Directory.CreateDirectory(options.DataPath);
        await services.GetRequiredService<ISiteInitializer>().InitializeAsync(options.Sync.Folder, cancellationToken);
    }

    /// <summary>
    /// A relative uSync folder is looked for beside the content root and then in each folder above it, so that both
    /// `dotnet run --project src/Site` from the repository and a published copy find the repository's uSync folder.
    /// </summary>
    internal static string ResolveSyncFolder(string contentRoot, string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return folder;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Path.Combine(contentRoot, folder));
    }
}
