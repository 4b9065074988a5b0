using Microsoft.AspNetCore.Mvc.Testing;

namespace Site.Tests.TestSupport;

/// <summary>For the tests that start a site of their own on a data folder of their own.</summary>
internal static class OwnDataFolder
{
    /// <summary>Stops the site (if it was started), lets go of its database files and deletes the folder.</summary>
    public static async ValueTask StopAndDeleteAsync(WebApplicationFactory<Program>? site, string folder)
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not change the result.
        }
    }
}
