using Microsoft.EntityFrameworkCore;

namespace Site.Core.Storage;

/// <summary>The engine's database. Each provider has its own subclass so that each keeps its own migrations.</summary>
internal abstract class SiteDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Which instance of the site this context works for: stamped on change-journal rows.</summary>
    public string Instance { get; set; } = string.Empty;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<ChangeJournalRecord>().Where(e => e.State == EntityState.Added && e.Entity.Instance.Length == 0))
        {
            entry.Entity.Instance = Instance;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public DbSet<LanguageRecord> Languages => Set<LanguageRecord>();
    public DbSet<DataTypeRecord> DataTypes => Set<DataTypeRecord>();
    public DbSet<DictionaryRecord> DictionaryItems => Set<DictionaryRecord>();
    public DbSet<DictionaryVersionRecord> DictionaryVersions => Set<DictionaryVersionRecord>();
    public DbSet<ContentTypeRecord> ContentTypes => Set<ContentTypeRecord>();
    public DbSet<ContentNodeRecord> Nodes => Set<ContentNodeRecord>();
    public DbSet<ContentVersionRecord> Versions => Set<ContentVersionRecord>();
    public DbSet<PublishedCultureRecord> PublishedCultures => Set<PublishedCultureRecord>();
    public DbSet<ChangeJournalRecord> ChangeJournal => Set<ChangeJournalRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<PublicAccessRecord> PublicAccess => Set<PublicAccessRecord>();
    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();
    public DbSet<ScheduledActionRecord> ScheduledActions => Set<ScheduledActionRecord>();
    public DbSet<MediaRecord> Media => Set<MediaRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LanguageRecord>(e =>
        {
            e.ToTable("languages");
            e.HasKey(x => x.IsoCode);
            e.Property(x => x.IsoCode).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.FallbackIsoCode).HasMaxLength(20);
        });
        modelBuilder.Entity<DataTypeRecord>(e =>
        {
            e.ToTable("data_types");
            e.HasKey(x => x.Key);
            e.Property(x => x.Alias).HasMaxLength(200);
            e.Property(x => x.EditorAlias).HasMaxLength(200);
            e.Property(x => x.EditorUiAlias).HasMaxLength(200);
            e.HasIndex(x => x.Alias).IsUnique();
        });
        modelBuilder.Entity<DictionaryRecord>(e =>
        {
            e.ToTable("dictionary_items");
            e.HasKey(x => x.Key);
            e.Property(x => x.Alias).HasMaxLength(200);
            e.HasIndex(x => x.Alias).IsUnique();
        });
        modelBuilder.Entity<DictionaryVersionRecord>(e =>
        {
            e.ToTable("dictionary_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Alias).HasMaxLength(200);
            e.Property(x => x.User).HasMaxLength(200);
            e.HasIndex(x => new { x.ItemKey, x.Id });
        });
        modelBuilder.Entity<ContentTypeRecord>(e =>
        {
            e.ToTable("content_types");
            e.HasKey(x => x.Key);
            e.Property(x => x.Alias).HasMaxLength(200);
            e.HasIndex(x => x.Alias).IsUnique();
        });
        modelBuilder.Entity<ContentNodeRecord>(e =>
        {
            e.ToTable("content_nodes");
            e.HasKey(x => x.Key);
            e.Property(x => x.ContentTypeAlias).HasMaxLength(200);
            e.HasIndex(x => new { x.ParentKey, x.SortOrder });
        });
        modelBuilder.Entity<ContentVersionRecord>(e =>
        {
            e.ToTable("content_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.NodeKey, x.Number }).IsUnique();
        });
        modelBuilder.Entity<PublishedCultureRecord>(e =>
        {
            e.ToTable("published_cultures");
            e.HasKey(x => new { x.NodeKey, x.Culture });
            e.Property(x => x.Culture).HasMaxLength(20);
        });
        modelBuilder.Entity<ChangeJournalRecord>(e =>
        {
            e.ToTable("change_journal");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Cultures).HasMaxLength(200);
        });
        modelBuilder.Entity<PublicAccessRecord>(e =>
        {
            e.ToTable("public_access");
            e.HasKey(x => x.NodeKey);
        });
        modelBuilder.Entity<ReviewRecord>(e =>
        {
            e.ToTable("reviews");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.State).HasMaxLength(20);
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.NodeKey, x.Culture });
            e.HasIndex(x => x.State);
        });
        modelBuilder.Entity<ScheduledActionRecord>(e =>
        {
            e.ToTable("scheduled_actions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Action).HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.ClaimedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.ClaimedAtUtc, x.DueAtUtc });
        });
        modelBuilder.Entity<MediaRecord>(e =>
        {
            e.ToTable("media_items");
            e.HasKey(x => x.Key);
            e.Property(x => x.Name).HasMaxLength(255);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.MediaType).HasMaxLength(100);
            e.Property(x => x.Extension).HasMaxLength(10);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => x.CreatedAtUtc);
        });
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.User).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Cultures).HasMaxLength(200);
            e.HasIndex(x => x.AtUtc);
        });
    }
}

internal sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options) : SiteDbContext(options);

internal sealed class PostgresSiteDbContext(DbContextOptions<PostgresSiteDbContext> options) : SiteDbContext(options);
