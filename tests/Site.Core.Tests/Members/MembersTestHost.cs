using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Site.Core.Members;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Members;

/// <summary>The members' services on a database of their own (SQLite in a temp folder, or a fresh PostgreSQL database).</summary>
public sealed class MembersTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dataPath;
    private readonly string? _postgresDatabase;

    private MembersTestHost(ServiceProvider services, string dataPath, string? postgresDatabase)
    {
        _services = services;
        _dataPath = dataPath;
        _postgresDatabase = postgresDatabase;
    }

    public string DataPath => _dataPath;

    public static async Task<MembersTestHost> StartAsync(TestDatabase database)
    {
        TestEngine.SkipUnlessAvailable(database);
        var dataPath = Path.Combine(Path.GetTempPath(), "site-member-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        string? postgresDatabase = null;
        string? connectionString = null;
        if (database == TestDatabase.PostgreSql)
        {
            postgresDatabase = "site_members_test_" + Guid.NewGuid().ToString("N");
            connectionString = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestEngine.PostgresVariable)) { Database = postgresDatabase }.ConnectionString;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddSiteMembers();
        services.AddSingleton<IOptions<SiteCoreOptions>>(Options.Create(new SiteCoreOptions
        {
            DataPath = dataPath,
            DatabaseProvider = database == TestDatabase.PostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
            ConnectionString = connectionString,
        }));
        services.AddSingleton<IOptions<MailOptions>>(Options.Create(new MailOptions()));
        // Members need only the site's languages (a preferred culture must be one of them), not the content engine.
        services.AddSingleton<IPublishedSnapshotAccessor>(new LanguagesOnly());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.GetRequiredService<IMembersInitializer>().InitializeAsync(CancellationToken.None);
        return new MembersTestHost(provider, dataPath, postgresDatabase);
    }

    public IServiceProvider Root => _services;

    /// <summary>A unit of work, as one HTTP request would have.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    internal async Task<Guid> CreateMemberAsync(string email, string name, string school = "Suzhou No. 1 Middle School", string culture = "en-US")
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = new Member { Id = Guid.NewGuid(), Email = email, EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
        member.UserName = member.Id.ToString("N");
        MemberMapping.Apply(member, new MemberDetails(name, school, "Principal", "Suzhou", "China", culture));
        var result = await users.CreateAsync(member, "a long enough password");
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        return member.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestEngine.CleanUpAsync(_postgresDatabase, _dataPath);
    }
}

/// <summary>A published snapshot with the repository's two languages and no content.</summary>
internal sealed class LanguagesOnly : IPublishedSnapshotAccessor
{
    public PublishedSnapshot Current { get; } = PublishedSnapshotBuilder.Build(1, DateTime.UnixEpoch, new ContentSchema(
        new LanguageSet([new Language("zh-CN", "Chinese", IsDefault: true, IsMandatory: true), new Language("en-US", "English", IsDefault: false, IsMandatory: false)]),
        [], [], []), new List<Site.Core.Storage.ContentNodeRecord>(), new List<Site.Core.Storage.PublishedCultureRecord>(), new Dictionary<long, ContentData>(), [], new SnapshotBuildCache(static markdown => markdown));
}
