using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Tests.TestSupport;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Core.Tests.Users;

/// <summary>Back-office accounts on each database, beside the members' Identity tables in the same database.</summary>
public sealed class UserServiceTests
{
    public static TheoryData<TestDatabase> Databases => [TestDatabase.Sqlite, TestDatabase.PostgreSql];

    private static readonly CancellationToken None = CancellationToken.None;

    private const string Password = "a long enough password";

    private static async Task<TestEngine> StartAsync(TestDatabase database, string? adminEmail = null)
    {
        var engine = await TestEngine.StartAsync(database, configure: services =>
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BackOffice:Admin:Email"] = adminEmail,
                ["BackOffice:Admin:Password"] = adminEmail is null ? null : Password,
            }).Build());
            services.AddSiteMembers();
            services.AddSiteUsers();
        });
        // Both Identity stores in one database: their tables and index names must not clash.
        await engine.Services.GetRequiredService<IMembersInitializer>().InitializeAsync(None);
        await engine.Services.GetRequiredService<IUsersInitializer>().InitializeAsync(None);
        return engine;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_configured_administrator_is_created_once_and_setup_is_then_closed(TestDatabase database)
    {
        await using var engine = await StartAsync(database, "admin@forum.test");
        await engine.Services.GetRequiredService<IUsersInitializer>().InitializeAsync(None);
        await using var scope = engine.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();

        var all = await users.ListAsync(None);
        var admin = Assert.Single(all);
        Assert.Equal(["Administrators"], admin.Groups);
        var setup = await users.CreateFirstAdministratorAsync(new NewUser("late@forum.test", "Late", Password, []), None);
        Assert.Equal([UserErrors.SetupDone], setup.Errors);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Wrong_passwords_lock_the_account_and_a_password_change_ends_sessions(TestDatabase database)
    {
        await using var engine = await StartAsync(database);
        await using var scope = engine.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var created = await users.CreateFirstAdministratorAsync(new NewUser("first@forum.test", "First", Password, []), None);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        var id = created.User!.Id;
        var stamp = await users.GetSessionStampAsync(id, None);
        Assert.NotNull(await users.ValidateSessionAsync(id, stamp, None));

        Assert.Equal(SignInOutcome.Failed, (await users.CheckPasswordAsync("nobody@forum.test", Password, None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await users.CheckPasswordAsync("FIRST@forum.test", Password, None)).Outcome);
        Assert.True((await users.ChangePasswordAsync(id, Password, "another long password", None)).Succeeded);
        Assert.Null(await users.ValidateSessionAsync(id, stamp, None));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await users.CheckPasswordAsync("first@forum.test", "wrong", None)).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await users.CheckPasswordAsync("first@forum.test", "wrong", None)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await users.CheckPasswordAsync("first@forum.test", "another long password", None)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Groups_and_translator_cultures_are_checked_and_the_last_administrator_stays(TestDatabase database)
    {
        await using var engine = await StartAsync(database, "admin@forum.test");
        await using var scope = engine.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var admin = (await users.ListAsync(None)).Single();

        Assert.Equal([UserErrors.TranslatorCultureRequired], (await users.CreateAsync(new NewUser("t@forum.test", "T", Password, [BackOfficeGroups.Translators]), "admin", None)).Errors);
        Assert.Equal([UserErrors.UnknownCulture], (await users.CreateAsync(new NewUser("t@forum.test", "T", Password, [BackOfficeGroups.Translators], "fr-FR"), "admin", None)).Errors);
        Assert.Equal([UserErrors.UnknownGroup], (await users.CreateAsync(new NewUser("o@forum.test", "O", Password, ["Owners"]), "admin", None)).Errors);
        var translator = await users.CreateAsync(new NewUser("t@forum.test", "T", Password, [BackOfficeGroups.Translators], "en-US"), "admin", None);
        Assert.True(translator.Succeeded);
        Assert.Equal("en-US", translator.User!.ToWorkflowUser().TranslatorCulture);
        Assert.Contains("DuplicateEmail", (await users.CreateAsync(new NewUser("T@forum.test", "T2", Password, [BackOfficeGroups.Writers]), "admin", None)).Errors);

        Assert.Equal([UserErrors.LastAdministrator], (await users.UpdateAsync(admin.Id, new UserChanges("Admin", [BackOfficeGroups.Editors], null, "zh-CN"), "admin", None)).Errors);
        Assert.Equal([UserErrors.LastAdministrator], (await users.LockAsync(admin.Id, "admin", None)).Errors);
        var promoted = await users.UpdateAsync(translator.User.Id, new UserChanges("T", [BackOfficeGroups.Administrators], null, "en-US"), "admin", None);
        Assert.True(promoted.Succeeded);
        Assert.Null(promoted.User!.TranslatorCulture);
        Assert.True((await users.LockAsync(admin.Id, "t@forum.test", None)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Client_credentials_give_the_accounts_rights_lock_like_passwords_and_end_tokens_when_removed(TestDatabase database)
    {
        await using var engine = await StartAsync(database);
        await using var scope = engine.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var admin = (await users.CreateFirstAdministratorAsync(new NewUser("first@forum.test", "First", Password, []), None)).User!;
        var script = (await users.CreateAsync(new NewUser("import@forum.test", "News import", Password, [BackOfficeGroups.Writers]), admin.Email, None)).User!;

        var (badId, _) = await users.AddClientCredentialAsync(script.Id, "news-import", admin.Email, None);
        var (added, secret) = await users.AddClientCredentialAsync(script.Id, "umbraco-back-office-news-import", admin.Email, None);
        var (again, _) = await users.AddClientCredentialAsync(admin.Id, "umbraco-back-office-news-import", admin.Email, None);

        Assert.Equal([UserErrors.InvalidClientId], badId.Errors);
        Assert.True(added.Succeeded);
        Assert.True(secret!.Length >= 40, secret);
        Assert.Equal([UserErrors.DuplicateClientId], again.Errors);
        Assert.Equal(["umbraco-back-office-news-import"], await users.GetClientIdsAsync(script.Id, None));
        Assert.True(await users.HasClientCredentialAsync("umbraco-back-office-news-import", None));
        Assert.False(await users.HasClientCredentialAsync("umbraco-back-office-unknown", None));

        var signedIn = await users.CheckClientCredentialAsync("umbraco-back-office-news-import", secret, None);
        Assert.Equal(SignInOutcome.Succeeded, signedIn.Outcome);
        Assert.Equal(script.Id, signedIn.User!.Id);
        Assert.Equal([BackOfficeGroups.Writers], signedIn.User.Groups);
        Assert.Equal(SignInOutcome.Failed, (await users.CheckClientCredentialAsync("umbraco-back-office-unknown", secret, None)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await users.CheckClientCredentialAsync("umbraco-back-office-news-import", Password, None)).Outcome);

        // An API user has no password: only its client credentials sign it in.
        var api = (await users.CreateAsync(new NewUser("feed@forum.test", "Feed", "", [BackOfficeGroups.Writers], ApiUser: true), admin.Email, None)).User!;
        var (_, apiSecret) = await users.AddClientCredentialAsync(api.Id, "umbraco-back-office-feed-import", admin.Email, None);
        Assert.True(api.IsApiUser);
        Assert.False(script.IsApiUser);
        Assert.Equal(SignInOutcome.Failed, (await users.CheckPasswordAsync("feed@forum.test", "", None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await users.CheckClientCredentialAsync("umbraco-back-office-feed-import", apiSecret!, None)).Outcome);

        // Removing the credential ends the tokens issued with it, and it no longer signs in.
        var stamp = await users.GetSessionStampAsync(script.Id, None);
        Assert.True((await users.RemoveClientCredentialAsync(script.Id, "umbraco-back-office-news-import", admin.Email, None)).Succeeded);
        Assert.Null(await users.ValidateSessionAsync(script.Id, stamp, None));
        Assert.Equal(SignInOutcome.Failed, (await users.CheckClientCredentialAsync("umbraco-back-office-news-import", secret, None)).Outcome);
        Assert.Empty(await users.GetClientIdsAsync(script.Id, None));
        Assert.False(await users.HasClientCredentialAsync("umbraco-back-office-news-import", None));

        // Wrong secrets lock the account as wrong passwords do.
        var (_, second) = await users.AddClientCredentialAsync(script.Id, "umbraco-back-office-feed", admin.Email, None);
        for (var i = 0; i < 5; i++)
        {
            await users.CheckClientCredentialAsync("umbraco-back-office-feed", "wrong", None);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await users.CheckClientCredentialAsync("umbraco-back-office-feed", second!, None)).Outcome);
    }
}
