using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Site.Core.Storage;

/// <summary>Creates a context for the configured provider; each call is a unit of work.</summary>
internal interface ISiteDbContextFactory
{
    /// <summary>This instance of the site, among all that share the database.</summary>
    string InstanceId { get; }

    SiteDbContext Create();
}

internal sealed class SiteDbContextFactory : ISiteDbContextFactory
{
    /// <summary>
    /// The service key of EF Core interceptors for the site's database (keyed, so that interceptors meant for another
    /// context never reach this one): tests count what a call reads with them.
    /// </summary>
    public const string InterceptorKey = "Site.Core.SiteDb";

    private readonly DatabaseProvider _provider;
    private readonly DbContextOptions<SqliteSiteDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresSiteDbContext>? _postgres;

    public SiteDbContextFactory(IOptions<SiteCoreOptions> options, [FromKeyedServices(InterceptorKey)] IEnumerable<IInterceptor> interceptors)
    {
        var settings = options.Value;
        _provider = settings.DatabaseProvider;
        var connectionString = settings.ResolveConnectionString();
        if (_provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (folder is not null)
                {
                    Directory.CreateDirectory(folder);
                }
            }

            _sqlite = new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite(connectionString).AddInterceptors(interceptors).Options;
        }
        else
        {
            _postgres = new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql(connectionString).AddInterceptors(interceptors).Options;
        }
    }

    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public SiteDbContext Create()
    {
        SiteDbContext context = _provider == DatabaseProvider.Sqlite
            ? new SqliteSiteDbContext(_sqlite!)
            : new PostgresSiteDbContext(_postgres!);
        context.Instance = InstanceId;
        return context;
    }
}

// Design-time factories for `dotnet ef migrations add`: one per provider, so each keeps its own migrations folder.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSiteDbContext>
{
    public PostgresSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
