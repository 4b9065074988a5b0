using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using Site.Hosting.OpenId;
using Site.Core;

namespace Site.Hosting.KeyRing;

/// <summary>
/// The keys that protect cookies, antiforgery tokens, bearer tickets and mailed links, kept in the site's database so
/// that every instance sharing it reads the same key ring: a sign-in made on one instance is valid on all of them.
/// OpenIddict's tables (its clients, authorizations and token entries) and its signing and encryption keys live here
/// too: like the key ring they are the site's security state, shared by every instance, and not content to back up.
/// The host owns this context (data protection is ASP.NET Core's, which the engine does not reference); it has a
/// migrations history of its own, and each provider a subclass with its own migrations.
/// </summary>
internal abstract class KeyRingDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__keys_migrations";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OpenIdServerKey> OpenIdServerKeys => Set<OpenIdServerKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(x => x.Id);
            // A key's name is "key-{id}": one row per key, however many instances import their old key files at once.
            e.Property(x => x.FriendlyName).HasMaxLength(100);
            e.HasIndex(x => x.FriendlyName).IsUnique();
        });
        modelBuilder.Entity<OpenIdServerKey>(e =>
        {
            e.ToTable("openid_server_keys");
            e.HasKey(x => x.Use);
            e.Property(x => x.Use).HasMaxLength(40);
        });
        modelBuilder.UseOpenIddict();
        // Snake-case table names like the rest of the database.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
    }
}

internal sealed class SqliteKeyRingDbContext(DbContextOptions<SqliteKeyRingDbContext> options) : KeyRingDbContext(options);

internal sealed class PostgresKeyRingDbContext(DbContextOptions<PostgresKeyRingDbContext> options) : KeyRingDbContext(options);

/// <summary>Creates a key ring context on the site's database for the configured provider.</summary>
internal sealed class KeyRingDbContextFactory
{
    private readonly DbContextOptions<SqliteKeyRingDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresKeyRingDbContext>? _postgres;

    public KeyRingDbContextFactory(IOptions<SiteCoreOptions> options)
    {
        var settings = options.Value;
        var connectionString = settings.ResolveConnectionString();
        if (settings.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            _sqlite = Sqlite(connectionString);
        }
        else
        {
            _postgres = Postgres(connectionString);
        }
    }

    public KeyRingDbContext Create() => _sqlite is not null
        ? new SqliteKeyRingDbContext(_sqlite)
        : new PostgresKeyRingDbContext(_postgres!);

    internal static DbContextOptions<SqliteKeyRingDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteKeyRingDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(KeyRingDbContext.HistoryTable)).Options;

    internal static DbContextOptions<PostgresKeyRingDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresKeyRingDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(KeyRingDbContext.HistoryTable)).Options;
}

// Design-time factories for `dotnet ef migrations add`: one per provider, so each keeps its own migrations folder.
internal sealed class SqliteKeyRingDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeyRingDbContext>
{
    public SqliteKeyRingDbContext CreateDbContext(string[] args) => new(KeyRingDbContextFactory.Sqlite("Data Source=design.db"));
}

internal sealed class PostgresKeyRingDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeyRingDbContext>
{
    public PostgresKeyRingDbContext CreateDbContext(string[] args) => new(KeyRingDbContextFactory.Postgres("Host=localhost;Database=design"));
}
