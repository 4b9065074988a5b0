using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Core.Users;

/// <summary>Back-office accounts: the first administrator, accounts and groups, password checks with lockout, sessions.</summary>
public interface IUserService
{
    Task<bool> HasUsersAsync(CancellationToken cancellationToken);

    /// <summary>Creates the first administrator; refused (<see cref="UserErrors.SetupDone"/>) once any account exists.</summary>
    Task<UserResult> CreateFirstAdministratorAsync(NewUser user, CancellationToken cancellationToken);

    Task<UserResult> CreateAsync(NewUser user, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken cancellationToken);

    Task<UserProfile?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<UserResult> UpdateAsync(Guid id, UserChanges changes, string actor, CancellationToken cancellationToken);

    /// <summary>The user's own choice of back-office language.</summary>
    Task<UserResult> SetUiCultureAsync(Guid id, string culture, CancellationToken cancellationToken);

    /// <summary>Checks a password; repeated failures lock the account for a while.</summary>
    Task<UserSignIn> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Changes the user's own password; other sessions end at their next request.</summary>
    Task<UserResult> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);

    Task<UserResult> LockAsync(Guid id, string actor, CancellationToken cancellationToken);

    Task<UserResult> UnlockAsync(Guid id, string actor, CancellationToken cancellationToken);

    /// <summary>The stamp a session is issued with: when it changes (password, groups, lock), the session ends.</summary>
    Task<string?> GetSessionStampAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The user behind a session, or null when the account is gone, locked, or changed since the session began.</summary>
    Task<UserProfile?> ValidateSessionAsync(Guid id, string? stamp, CancellationToken cancellationToken);

    /// <summary>The client ids a script or integration gets tokens for this account with (Umbraco's API users).</summary>
    Task<IReadOnlyList<string>> GetClientIdsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a client id with a new random secret, returned once and stored only as a hash. The id must start with
    /// <see cref="ClientCredentials.Prefix"/> (as Umbraco's) and be unused.
    /// </summary>
    Task<(UserResult Result, string? Secret)> AddClientCredentialAsync(Guid id, string clientId, string actor, CancellationToken cancellationToken);

    /// <summary>Removes a client id; the tokens issued to the account end with it (its session stamp changes).</summary>
    Task<UserResult> RemoveClientCredentialAsync(Guid id, string clientId, string actor, CancellationToken cancellationToken);

    /// <summary>Checks a client id and secret, with the same lockout as a password.</summary>
    Task<UserSignIn> CheckClientCredentialAsync(string clientId, string secret, CancellationToken cancellationToken);

    /// <summary>Whether an API user holds this client id (the secret is not checked).</summary>
    Task<bool> HasClientCredentialAsync(string clientId, CancellationToken cancellationToken);
}

internal sealed class UserService(
    UsersDbContext db,
    UserManager<UserAccount> users,
    ISiteDbContextFactory siteDb,
    IContentSchemaStore schemaStore,
    IBackOfficeCultures uiCultures,
    TimeProvider clock) : IUserService
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public Task<bool> HasUsersAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<UserResult> CreateFirstAdministratorAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await HasUsersAsync(cancellationToken).ConfigureAwait(false))
        {
            return UserResult.Failed(UserErrors.SetupDone);
        }

        return await CreateAsync(user with { Groups = [BackOfficeGroups.Administrators], TranslatorCulture = null, ApiUser = false }, "setup", cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserResult> CreateAsync(NewUser user, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = await CheckAsync(user.Name, user.Groups, user.TranslatorCulture, user.UiCulture, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new UserResult(false, errors);
        }

        var account = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = user.Email.Trim(),
            Email = user.Email.Trim(),
            // Accounts are made by an administrator (or setup) who knows the address; no confirmation mail.
            EmailConfirmed = true,
            Name = user.Name.Trim(),
            UiCulture = uiCultures.Resolve(user.UiCulture),
            TranslatorCulture = TranslatorCultureFor(user.Groups, user.TranslatorCulture),
            CreatedUtc = Now.UtcDateTime,
            LockoutEnabled = true,
        };
        var created = user.ApiUser
            ? await users.CreateAsync(account).ConfigureAwait(false)
            : await users.CreateAsync(account, user.Password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return new UserResult(false, [.. created.Errors.Select(e => e.Code)]);
        }

        var grouped = await users.AddToRolesAsync(account, user.Groups.Distinct(StringComparer.Ordinal)).ConfigureAwait(false);
        if (!grouped.Succeeded)
        {
            await users.DeleteAsync(account).ConfigureAwait(false);
            return new UserResult(false, [.. grouped.Errors.Select(e => e.Code)]);
        }

        await AuditAsync(actor, AuditActions.UserCreate, $"{account.Email} ({string.Join(", ", user.Groups)})", cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(account.Id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var groups = await GroupsByUserAsync(null, cancellationToken).ConfigureAwait(false);
        return [.. accounts.Select(a => ToProfile(a, groups))];
    }

    public async Task<UserProfile?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        return account is null ? null : ToProfile(account, await GroupsByUserAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserResult> UpdateAsync(Guid id, UserChanges changes, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null)
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        var errors = await CheckAsync(changes.Name, changes.Groups, changes.TranslatorCulture, changes.UiCulture, cancellationToken).ConfigureAwait(false);
        var current = await users.GetRolesAsync(account).ConfigureAwait(false);
        if (current.Contains(BackOfficeGroups.Administrators) && !changes.Groups.Contains(BackOfficeGroups.Administrators)
            && await CountAdministratorsAsync(cancellationToken).ConfigureAwait(false) <= 1)
        {
            errors.Add(UserErrors.LastAdministrator);
        }

        if (errors.Count > 0)
        {
            return new UserResult(false, errors);
        }

        account.Name = changes.Name.Trim();
        account.UiCulture = uiCultures.Resolve(changes.UiCulture);
        account.TranslatorCulture = TranslatorCultureFor(changes.Groups, changes.TranslatorCulture);
        var removed = current.Except(changes.Groups, StringComparer.Ordinal).ToList();
        var added = changes.Groups.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        var result = await users.RemoveFromRolesAsync(account, removed).ConfigureAwait(false);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(account, added).ConfigureAwait(false);
        }

        if (result.Succeeded)
        {
            // Rights changed: open sessions pick up the new groups by signing in again.
            result = await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            return new UserResult(false, [.. result.Errors.Select(e => e.Code)]);
        }

        await AuditAsync(actor, AuditActions.UserUpdate, $"{account.Email} ({string.Join(", ", changes.Groups)})", cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserResult> SetUiCultureAsync(Guid id, string culture, CancellationToken cancellationToken)
    {
        if (!uiCultures.Contains(culture))
        {
            return UserResult.Failed(UserErrors.UnknownCulture);
        }

        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        account.UiCulture = uiCultures.Resolve(culture);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserSignIn> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (account is null)
        {
            EqualPasswordWork.Spend(users.PasswordHasher, password);
            return new UserSignIn(SignInOutcome.Failed);
        }

        return await SignInAsync(account, () => users.CheckPasswordAsync(account, password ?? string.Empty), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lockout, the count of failures and the audit trail: the same for a password and a client secret.</summary>
    private async Task<UserSignIn> SignInAsync(UserAccount account, Func<Task<bool>> check, string? clientId, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            // The check still runs (its result unused), so that a locked account answers no faster than an unknown one.
            await check().ConfigureAwait(false);
            return new UserSignIn(SignInOutcome.LockedOut, LockedOutUntil: account.LockoutEnd);
        }

        if (!await check().ConfigureAwait(false))
        {
            await users.AccessFailedAsync(account).ConfigureAwait(false);
            var lockedNow = await users.IsLockedOutAsync(account).ConfigureAwait(false);
            await AuditAsync(account.Email!, lockedNow ? AuditActions.UserLockedOut : AuditActions.UserLoginFailed, clientId, cancellationToken).ConfigureAwait(false);
            return lockedNow ? new UserSignIn(SignInOutcome.LockedOut, LockedOutUntil: account.LockoutEnd) : new UserSignIn(SignInOutcome.Failed);
        }

        await users.ResetAccessFailedCountAsync(account).ConfigureAwait(false);
        await AuditAsync(account.Email!, AuditActions.UserLogin, clientId, cancellationToken).ConfigureAwait(false);
        return new UserSignIn(SignInOutcome.Succeeded, await GetAsync(account.Id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserResult> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null)
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        var changed = await users.ChangePasswordAsync(account, currentPassword ?? string.Empty, newPassword ?? string.Empty).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return new UserResult(false, [.. changed.Errors.Select(e => e.Code == "PasswordMismatch" ? UserErrors.WrongPassword : e.Code)]);
        }

        await AuditAsync(account.Email!, AuditActions.UserPassword, null, cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserResult> LockAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null)
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        if ((await users.GetRolesAsync(account).ConfigureAwait(false)).Contains(BackOfficeGroups.Administrators)
            && await CountAdministratorsAsync(cancellationToken).ConfigureAwait(false) <= 1)
        {
            return UserResult.Failed(UserErrors.LastAdministrator);
        }

        await users.SetLockoutEnabledAsync(account, true).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.UserLock, account.Email, cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserResult> UnlockAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null)
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        await users.SetLockoutEndDateAsync(account, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(account).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.UserUnlock, account.Email, cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<string?> GetSessionStampAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public async Task<UserProfile?> ValidateSessionAsync(Guid id, string? stamp, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (account is null || stamp is null || !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
            || (account.LockoutEnd is { } end && end > Now))
        {
            return null;
        }

        return ToProfile(account, await GroupsByUserAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<string>> GetClientIdsAsync(Guid id, CancellationToken cancellationToken) =>
        await db.UserLogins.AsNoTracking()
            .Where(l => l.UserId == id && l.LoginProvider == ClientCredentials.LoginProvider)
            .Select(l => l.ProviderKey)
            .OrderBy(k => k)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<(UserResult Result, string? Secret)> AddClientCredentialAsync(Guid id, string clientId, string actor, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null)
        {
            return (UserResult.Failed(UserErrors.NotFound), null);
        }

        clientId = (clientId ?? string.Empty).Trim();
        if (!ClientCredentials.IsValidClientId(clientId))
        {
            return (UserResult.Failed(UserErrors.InvalidClientId), null);
        }

        if (await users.FindByLoginAsync(ClientCredentials.LoginProvider, clientId).ConfigureAwait(false) is not null)
        {
            return (UserResult.Failed(UserErrors.DuplicateClientId), null);
        }

        var secret = ClientCredentials.NewSecret();
        var added = await users.AddLoginAsync(account, new UserLoginInfo(ClientCredentials.LoginProvider, clientId, clientId)).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            return (new UserResult(false, [.. added.Errors.Select(e => e.Code == "LoginAlreadyAssociated" ? UserErrors.DuplicateClientId : e.Code)]), null);
        }

        await users.SetAuthenticationTokenAsync(account, ClientCredentials.LoginProvider, clientId, users.PasswordHasher.HashPassword(account, secret)).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.UserClientAdd, $"{account.Email}: {clientId}", cancellationToken).ConfigureAwait(false);
        return (new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false)), secret);
    }

    public async Task<UserResult> RemoveClientCredentialAsync(Guid id, string clientId, string actor, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString()).ConfigureAwait(false);
        if (account is null || !(await GetClientIdsAsync(id, cancellationToken).ConfigureAwait(false)).Contains(clientId, StringComparer.Ordinal))
        {
            return UserResult.Failed(UserErrors.NotFound);
        }

        await users.RemoveLoginAsync(account, ClientCredentials.LoginProvider, clientId).ConfigureAwait(false);
        await users.RemoveAuthenticationTokenAsync(account, ClientCredentials.LoginProvider, clientId).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.UserClientRemove, $"{account.Email}: {clientId}", cancellationToken).ConfigureAwait(false);
        return new UserResult(true, [], await GetAsync(id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserSignIn> CheckClientCredentialAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(clientId) ? null : await users.FindByLoginAsync(ClientCredentials.LoginProvider, clientId.Trim()).ConfigureAwait(false);
        var hash = account is null ? null : await users.GetAuthenticationTokenAsync(account, ClientCredentials.LoginProvider, clientId.Trim()).ConfigureAwait(false);
        if (account is null || hash is null)
        {
            EqualPasswordWork.Spend(users.PasswordHasher, secret);
            return new UserSignIn(SignInOutcome.Failed);
        }

        return await SignInAsync(
            account,
            () => Task.FromResult(users.PasswordHasher.VerifyHashedPassword(account, hash, secret ?? string.Empty) != PasswordVerificationResult.Failed),
            clientId.Trim(),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> HasClientCredentialAsync(string clientId, CancellationToken cancellationToken) =>
        db.UserLogins.AsNoTracking().AnyAsync(l => l.LoginProvider == ClientCredentials.LoginProvider && l.ProviderKey == clientId, cancellationToken);

    private static string? TranslatorCultureFor(IReadOnlyList<string> groups, string? culture) =>
        groups.Contains(BackOfficeGroups.Translators) && !string.IsNullOrWhiteSpace(culture) ? culture : null;

    private async Task<List<string>> CheckAsync(string name, IReadOnlyList<string> groups, string? translatorCulture, string? uiCulture, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(UserErrors.NameRequired);
        }

        if (groups is null || groups.Count == 0)
        {
            errors.Add(UserErrors.NoGroup);
        }
        else if (groups.Any(g => !BackOfficeGroups.All.Contains(g)))
        {
            errors.Add(UserErrors.UnknownGroup);
        }
        else if (groups.Contains(BackOfficeGroups.Translators))
        {
            var languages = (await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false)).Languages;
            if (string.IsNullOrWhiteSpace(translatorCulture))
            {
                errors.Add(UserErrors.TranslatorCultureRequired);
            }
            else if (!languages.Contains(translatorCulture))
            {
                errors.Add(UserErrors.UnknownCulture);
            }
        }

        if (uiCulture is not null && !uiCultures.Contains(uiCulture))
        {
            errors.Add(UserErrors.UnknownCulture);
        }

        return errors;
    }

    private Task<int> CountAdministratorsAsync(CancellationToken cancellationToken) =>
        (from member in db.UserRoles
         join g in db.Roles on member.RoleId equals g.Id
         where g.Name == BackOfficeGroups.Administrators
         select member.UserId).Distinct().CountAsync(cancellationToken);

    private async Task<ILookup<Guid, string>> GroupsByUserAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var rows = await (from member in db.UserRoles
                          join g in db.Roles on member.RoleId equals g.Id
                          where userId == null || member.UserId == userId
                          select new { member.UserId, g.Name }).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToLookup(r => r.UserId, r => r.Name!);
    }

    private static UserProfile ToProfile(UserAccount account, ILookup<Guid, string> groups) => new(
        account.Id,
        account.Email ?? string.Empty,
        account.Name,
        account.UiCulture,
        account.TranslatorCulture,
        [.. BackOfficeGroups.All.Where(groups[account.Id].Contains)],
        account.LockoutEnd,
        account.CreatedUtc)
    {
        IsApiUser = account.PasswordHash is null,
    };

    private async Task AuditAsync(string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        await using var site = siteDb.Create();
        AuditLog.Add(site, Now.UtcDateTime, actor, action, null, [], detail);
        await site.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Migrates the users' tables, creates the four groups, and for unattended installs the configured administrator.</summary>
public interface IUsersInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

internal sealed class UsersInitializer(IUsersDbContextFactory dbFactory, IServiceProvider services, IOptions<BackOfficeOptions> options) : IUsersInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.Create())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var name in BackOfficeGroups.All.Where(g => !existing.Contains(g)))
            {
                db.Roles.Add(new UserGroup(name));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var admin = options.Value.Admin;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            return;
        }

        using var scope = services.CreateScope();
        var userService = scope.ServiceProvider.GetRequiredService<IUserService>();
        var result = await userService.CreateFirstAdministratorAsync(
            new NewUser(admin.Email, string.IsNullOrWhiteSpace(admin.Name) ? admin.Email : admin.Name, admin.Password, [BackOfficeGroups.Administrators], null, admin.UiCulture),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && !result.Errors.Contains(UserErrors.SetupDone))
        {
            throw new InvalidOperationException(
                "BackOffice:Admin could not be created: " + string.Join(", ", result.Errors) + ". Check BackOffice:Admin:Email and BackOffice:Admin:Password (at least 10 characters).");
        }
    }
}

/// <summary>The "BackOffice" section: the unattended install's first administrator.</summary>
public sealed class BackOfficeOptions
{
    public const string SectionName = "BackOffice";

    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>The languages of the back office's own words, the default first; empty: the site's content languages.</summary>
    public IList<string> UiCultures { get; } = [];
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Name { get; set; }

    /// <summary>The administrator's back-office language; empty: the default (BackOffice:UiCultures).</summary>
    public string? UiCulture { get; set; }
}
