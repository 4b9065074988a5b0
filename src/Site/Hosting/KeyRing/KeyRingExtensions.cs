using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Site.Core;

namespace Site.Hosting.KeyRing;

public static class KeyRingExtensions
{
    /// <summary>The folder (in the data folder) where keys were kept before they moved to the database.</summary>
    internal const string LegacyFolder = "keys";

    /// <summary>Data protection with its keys in the site's database (shared by every instance), imported once from the data folder.</summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<KeyRingDbContextFactory>();
        services.AddScoped<KeyRingDbContext>(sp => sp.GetRequiredService<KeyRingDbContextFactory>().Create());
        // Before AddDataProtection: hosted services start in the order they were added, and data protection's own
        // reads the key ring, whose table must exist by then.
        services.AddHostedService<KeyRingInitializationService>();
        services.AddDataProtection()
            .SetApplicationName("jiangsu-principals-forum")
            .PersistKeysToDbContext<KeyRingDbContext>();
        return services;
    }
}

/// <summary>
/// Before the site listens: the key table is migrated, keys an older version kept in {DataPath}/keys are added to it
/// (so that sessions and mailed links made before the upgrade stay valid), and the key ring is read once, which
/// creates the first key on a new database, so an instance started next finds it rather than making its own.
/// </summary>
internal sealed partial class KeyRingInitializationService(
    KeyRingDbContextFactory dbFactory,
    IOptions<SiteCoreOptions> options,
    IDataProtectionProvider protection,
    ILogger<KeyRingInitializationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.Create())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var imported = await ImportFileKeysAsync(Path.Combine(options.Value.DataPath, KeyRingExtensions.LegacyFolder), cancellationToken);
        if (imported > 0)
        {
            LogImported(logger, imported);
        }

        protection.CreateProtector("Site.KeyRing.Start").Protect([0]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds each key file whose key the database lacks; returns how many were added.</summary>
    internal async Task<int> ImportFileKeysAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            await using var db = dbFactory.Create();
            if (await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == name, cancellationToken))
            {
                continue;
            }

            XElement element;
            try
            {
                element = XElement.Load(file);
            }
            catch (System.Xml.XmlException e)
            {
                LogUnreadable(logger, file, e);
                continue;
            }

            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = element.ToString(SaveOptions.DisableFormatting) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment added the same key: it is there, which is all that counts.
            }
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} data-protection keys from the data folder to the database")]
    private static partial void LogImported(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key file {File} could not be read and was not added to the database")]
    private static partial void LogUnreadable(ILogger logger, string file, Exception exception);
}
