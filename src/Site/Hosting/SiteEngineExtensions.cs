using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.DependencyInjection;

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
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>Migrates the database, imports uSync into an empty site and builds the published snapshot.</summary>
    public static async Task InitializeSiteAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SiteCoreOptions>>().Value;
        Directory.CreateDirectory(options.DataPath);
        await app.Services.GetRequiredService<ISiteInitializer>().InitializeAsync(options.Sync.Folder, app.Lifetime.ApplicationStopping);
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
