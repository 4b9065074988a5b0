namespace Site.Core;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The engine's settings, bound from the "Site" section.</summary>
public sealed class SiteCoreOptions
{
    public const string SectionName = "Site";

    /// <summary>The one folder the site writes to (database, index, media, mail). Absolute once the host has resolved it.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The database connection string; when empty, SQLite in <see cref="DataPath"/>/site.db.</summary>
    public string? ConnectionString { get; set; }

    public SyncOptions Sync { get; set; } = new();

    public MediaOptions Media { get; set; } = new();

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : DatabaseProvider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(DataPath, "site.db")}"
        : throw new InvalidOperationException("Site:ConnectionString (or ConnectionStrings:Site) is required for PostgreSQL.");
}

public sealed class SyncOptions
{
    /// <summary>The uSync root (the folder holding Languages, ContentTypes, Content...).</summary>
    public string Folder { get; set; } = "uSync/v14";

    /// <summary>Import the uSync folder when the database holds no content.</summary>
    public bool ImportOnFirstBoot { get; set; } = true;

    /// <summary>
    /// Import what can be imported and list what was left out, per file with its reason. Off by default: one problem
    /// refuses the whole folder and nothing is written.
    /// </summary>
    public bool PartialImport { get; set; }
}

public sealed class MediaOptions
{
    /// <summary>The largest upload accepted, in bytes (20 MB by default).</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most pixels an image may have (width × height; 50 megapixels by default): a small file can hold a huge picture
    /// ("image bomb") whose decoding would take gigabytes, so larger ones are refused on upload and never resized.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>
    /// Where uploaded files are kept: relative to <see cref="SiteCoreOptions.DataPath"/>, or absolute. Several instances
    /// of the site share one (a shared volume), while each keeps its own data folder for its search index.
    /// </summary>
    public string Folder { get; set; } = "media";

    /// <summary>
    /// How old a file in the media folder without a record must be before the start removes it (what a crash during an
    /// upload or delete leaves). Long enough that another instance sharing the folder has committed its upload.
    /// </summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);
}
