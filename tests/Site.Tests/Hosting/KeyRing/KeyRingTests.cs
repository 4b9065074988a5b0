using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Core;
using Site.Hosting.KeyRing;

namespace Site.Tests.Hosting.KeyRing;

/// <summary>
/// Keys moved from {DataPath}/keys into the database: what an older version protected with its file keys (sign-in
/// cookies, mailed links) is still readable after the upgrade, and every instance reads the same keys.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Application = "jiangsu-principals-forum";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "site-keyring", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task What_the_file_keys_protected_before_the_upgrade_is_readable_from_the_database_after_it()
    {
        // Before: keys in the data folder, as the site kept them until now.
        var legacy = new ServiceCollection().AddDataProtection().SetApplicationName(Application)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(_data, KeyRingExtensions.LegacyFolder))).Services.BuildServiceProvider();
        string cookie;
        await using (legacy)
        {
            cookie = legacy.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in before the upgrade");
        }

        // After: two instances on one database, each with the key folder it had (here the same one, read twice).
        await using var first = Instance();
        await using var second = Instance();
        await first.GetRequiredService<KeyRingInitializationService>().StartAsync(Ct);
        await second.GetRequiredService<KeyRingInitializationService>().StartAsync(Ct);

        Assert.Equal("signed in before the upgrade", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        var made = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in on the first");
        Assert.Equal("signed in on the first", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(made));
        await using var db = first.GetRequiredService<KeyRingDbContextFactory>().Create();
        var names = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(Ct);
        Assert.Equal(names.Count, names.Distinct().Count()); // each key once, though both instances imported the folder
        Assert.Contains(names, n => Directory.GetFiles(Path.Combine(_data, KeyRingExtensions.LegacyFolder)).Any(f => Path.GetFileNameWithoutExtension(f) == n));
    }

    [Fact]
    public async Task An_unreadable_key_file_is_left_out_and_the_site_still_starts()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data, KeyRingExtensions.LegacyFolder));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "key-broken.xml"), "<key id=", Ct);
        await using var instance = Instance();

        await instance.GetRequiredService<KeyRingInitializationService>().StartAsync(Ct);

        var protector = instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");
        Assert.Equal("still works", protector.Unprotect(protector.Protect("still works")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do not change the result.
        }
    }

    private ServiceProvider Instance()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions { DataPath = _data }));
        services.AddSharedKeyRing();
        services.AddSingleton<KeyRingInitializationService>();
        return services.BuildServiceProvider();
    }
}
