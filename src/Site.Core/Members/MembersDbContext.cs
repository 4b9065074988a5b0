using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Site.Core.Members;

/// <summary>
/// The members' database: Identity's tables (named member_*), applications and the member audit. It lives in the
/// site's database with a migrations history of its own; each provider has a subclass with its own migrations.
/// </summary>
internal abstract class MembersDbContext(DbContextOptions options) : IdentityDbContext<Member, MemberGroup, Guid>(options)
{
    public const string HistoryTable = "__members_migrations";

    public DbSet<MemberApplicationRecord> Applications => Set<MemberApplicationRecord>();
    public DbSet<MemberAuditRecord> Audit => Set<MemberAuditRecord>();
    public DbSet<SessionRegistrationRecord> Registrations => Set<SessionRegistrationRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.School).HasMaxLength(200);
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.City).HasMaxLength(100);
            e.Property(x => x.Country).HasMaxLength(100);
            e.Property(x => x.PreferredCulture).HasMaxLength(20);
            e.Property(x => x.SearchText).HasMaxLength(1200);
        });
        builder.Entity<MemberGroup>().ToTable("member_groups");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("member_group_members");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("member_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("member_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("member_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("member_group_claims");
        builder.Entity<MemberApplicationRecord>(e =>
        {
            e.ToTable("member_applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Message).HasMaxLength(MemberApplications.MaxMessageLength);
            e.Property(x => x.EditorNote).HasMaxLength(MemberApplications.MaxMessageLength);
            e.HasIndex(x => new { x.MemberId, x.CreatedUtc });
            e.HasIndex(x => x.Status);
            // Deleting a member deletes their applications with them.
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SessionRegistrationRecord>(e =>
        {
            e.ToTable("member_registrations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // One place per member and session, even when two requests race.
            e.HasIndex(x => new { x.SessionKey, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.SessionKey, x.Status, x.RegisteredUtc });
            e.HasIndex(x => x.MemberId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MemberAuditRecord>(e =>
        {
            e.ToTable("member_audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(400);
            e.HasIndex(x => x.AtUtc);
            e.HasIndex(x => x.MemberId);
        });
    }
}

internal sealed class SqliteMembersDbContext(DbContextOptions<SqliteMembersDbContext> options) : MembersDbContext(options);

internal sealed class PostgresMembersDbContext(DbContextOptions<PostgresMembersDbContext> options) : MembersDbContext(options);

/// <summary>Creates a members context on the site's database for the configured provider.</summary>
internal interface IMembersDbContextFactory
{
    MembersDbContext Create();
}

internal sealed class MembersDbContextFactory : IMembersDbContextFactory
{
    private readonly DbContextOptions<SqliteMembersDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresMembersDbContext>? _postgres;

    public MembersDbContextFactory(IOptions<SiteCoreOptions> options)
    {
        var settings = options.Value;
        var connectionString = settings.ResolveConnectionString();
        if (settings.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory
                && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            _sqlite = Sqlite(connectionString);
        }
        else
        {
            _postgres = Postgres(connectionString);
        }
    }

    public MembersDbContext Create() => _sqlite is not null
        ? new SqliteMembersDbContext(_sqlite)
        : new PostgresMembersDbContext(_postgres!);

    internal static DbContextOptions<SqliteMembersDbContext> Sqlite(string connectionString) =>
        new DbContextOptionsBuilder<SqliteMembersDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MembersDbContext.HistoryTable)).Options;

    internal static DbContextOptions<PostgresMembersDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresMembersDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MembersDbContext.HistoryTable)).Options;
}

// Design-time factories for `dotnet ef migrations add`: one per provider, so each keeps its own migrations folder.
internal sealed class SqliteMembersDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMembersDbContext>
{
    public SqliteMembersDbContext CreateDbContext(string[] args) => new(MembersDbContextFactory.Sqlite("Data Source=design.db"));
}

internal sealed class PostgresMembersDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMembersDbContext>
{
    public PostgresMembersDbContext CreateDbContext(string[] args) => new(MembersDbContextFactory.Postgres("Host=localhost;Database=design"));
}
