using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Site.Core.Users;

/// <summary>
/// The back-office users' database: Identity's tables named user_*, in the site's database with a migrations history of
/// its own, so that members and users never share a table. Each provider has a subclass with its own migrations.
/// </summary>
internal abstract class UsersDbContext(DbContextOptions options) : IdentityDbContext<UserAccount, UserGroup, Guid>(options)
{
    public const string HistoryTable = "__users_migrations";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<UserAccount>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.UiCulture).HasMaxLength(20);
            e.Property(x => x.TranslatorCulture).HasMaxLength(20);
            // Index names are per database, and the members' Identity tables already use Identity's default names.
            e.HasIndex(x => x.NormalizedUserName).HasDatabaseName("user_name_index").IsUnique();
            e.HasIndex(x => x.NormalizedEmail).HasDatabaseName("user_email_index");
        });
        builder.Entity<UserGroup>(e =>
        {
            e.ToTable("user_groups");
            e.HasIndex(x => x.NormalizedName).HasDatabaseName("user_group_name_index").IsUnique();
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_group_members");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("user_group_claims");
    }
}

internal sealed class SqliteUsersDbContext(DbContextOptions<SqliteUsersDbContext> options) : UsersDbContext(options);

internal sealed class PostgresUsersDbContext(DbContextOptions<PostgresUsersDbContext> options) : UsersDbContext(options);

internal interface IUsersDbContextFactory
{
    UsersDbContext Create();
}

internal sealed class UsersDbContextFactory(IOptions<SiteCoreOptions> options) : IUsersDbContextFactory
{
    private readonly SiteCoreOptions _settings = options.Value;

    public UsersDbContext Create()
    {
        var connectionString = _settings.ResolveConnectionString();
        return _settings.DatabaseProvider == DatabaseProvider.Sqlite
            ? new SqliteUsersDbContext(Sqlite(connectionString))
            : new PostgresUsersDbContext(Postgres(connectionString));
    }

    internal static DbContextOptions<SqliteUsersDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteUsersDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(UsersDbContext.HistoryTable)).Options;

    internal static DbContextOptions<PostgresUsersDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresUsersDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(UsersDbContext.HistoryTable)).Options;
}

// Design-time factories for `dotnet ef migrations add`: one per provider, so each keeps its own migrations folder.
internal sealed class SqliteUsersDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUsersDbContext>
{
    public SqliteUsersDbContext CreateDbContext(string[] args) => new(UsersDbContextFactory.Sqlite("Data Source=design.db"));
}

internal sealed class PostgresUsersDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUsersDbContext>
{
    public PostgresUsersDbContext CreateDbContext(string[] args) => new(UsersDbContextFactory.Postgres("Host=localhost;Database=design"));
}
