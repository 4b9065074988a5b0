using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Site.Core.Publishing;

namespace Site.Core.Members;

/// <summary>
/// Member administration for the back office: search, details, groups, lock and unlock, and the review of
/// applications. Every change is written to the member audit with the editor's name, in the same transaction.
/// </summary>
public interface IMemberAdminService
{
    Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken);

    Task<MemberProfile?> GetAsync(Guid memberId, CancellationToken cancellationToken);

    Task<MemberResult> UpdateDetailsAsync(Guid memberId, MemberDetails details, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetGroupsAsync(CancellationToken cancellationToken);

    Task<MemberResult> CreateGroupAsync(string name, string actor, CancellationToken cancellationToken);

    Task<MemberResult> AddToGroupAsync(Guid memberId, string group, string actor, CancellationToken cancellationToken);

    Task<MemberResult> RemoveFromGroupAsync(Guid memberId, string group, string actor, CancellationToken cancellationToken);

    /// <summary>Locks the member out until the given time (indefinitely when null) and ends their sessions.</summary>
    Task<MemberResult> LockAsync(Guid memberId, DateTimeOffset? until, string actor, CancellationToken cancellationToken);

    Task<MemberResult> UnlockAsync(Guid memberId, string actor, CancellationToken cancellationToken);

    /// <summary>Applications, newest first; only those with the given status when one is named.</summary>
    Task<IReadOnlyList<MemberApplication>> GetApplicationsAsync(ApplicationStatus? status, CancellationToken cancellationToken);

    Task<MemberResult> SetApplicationStatusAsync(Guid applicationId, ApplicationStatus status, string? note, string actor, CancellationToken cancellationToken);

    /// <summary>The member audit, newest first; one member's entries when an id is given.</summary>
    Task<IReadOnlyList<MemberAuditEntry>> GetAuditAsync(Guid? memberId, CancellationToken cancellationToken);
}

internal sealed class MemberAdminService(
    MembersDbContext db,
    UserManager<Member> users,
    RoleManager<MemberGroup> groups,
    IPublishedSnapshotAccessor snapshots,
    TimeProvider clock) : IMemberAdminService
{
    public const int MaxGroupNameLength = 100;

    public async Task<MemberSearchResult> SearchAsync(MemberSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var pageSize = Math.Clamp(search.PageSize, 1, 200);
        var page = Math.Max(search.Page, 1);
        IQueryable<Member> query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToUpperInvariant();
            query = query.Where(m => m.SearchText.Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(search.Group))
        {
            var normalized = search.Group.Trim().ToUpperInvariant();
            var inGroup =
                from link in db.Set<IdentityUserRole<Guid>>()
                join role in db.Roles on link.RoleId equals role.Id
                where role.NormalizedName == normalized
                select link.UserId;
            query = query.Where(m => inGroup.Contains(m.Id));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var memberGroups = await MemberMapping.GroupsOfAsync(db, [.. rows.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
        return new MemberSearchResult(
            [.. rows.Select(r => MemberMapping.ToProfile(r, memberGroups.GetValueOrDefault(r.Id) ?? []))], total, page, pageSize);
    }

    public Task<MemberProfile?> GetAsync(Guid memberId, CancellationToken cancellationToken) =>
        MemberMapping.ProfileAsync(db, memberId, cancellationToken);

    public async Task<MemberResult> UpdateDetailsAsync(Guid memberId, MemberDetails details, string actor, CancellationToken cancellationToken)
    {
        details = MemberRules.Trim(details);
        var errors = MemberRules.Validate(details, snapshots.Current.Languages);
        if (errors.Count > 0)
        {
            return MemberResult.Fail([.. errors.Select(e => $"{e.Key}:{e.Value}")]);
        }

        return await ChangeAsync(memberId, MemberAuditActions.UpdateProfile, actor, null, async member =>
        {
            MemberMapping.Apply(member, details);
            return await users.UpdateAsync(member).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetGroupsAsync(CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().Select(r => r.Name!).OrderBy(n => n).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<MemberResult> CreateGroupAsync(string name, string actor, CancellationToken cancellationToken)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > MaxGroupNameLength || name.Contains(',', StringComparison.Ordinal))
        {
            return MemberResult.Fail(MemberErrors.InvalidGroupName);
        }

        if (await groups.RoleExistsAsync(name).ConfigureAwait(false))
        {
            return MemberResult.Fail(MemberErrors.DuplicateGroup);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var created = await groups.CreateAsync(new MemberGroup(name)).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return MemberResult.Fail([.. created.Errors.Select(e => e.Code)]);
        }

        MemberMapping.Audit(db, Now, actor, MemberAuditActions.CreateGroup, null, detail: name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return MemberResult.Ok;
    }

    public async Task<MemberResult> AddToGroupAsync(Guid memberId, string group, string actor, CancellationToken cancellationToken)
    {
        var role = await groups.FindByNameAsync(group ?? string.Empty).ConfigureAwait(false);
        if (role is null)
        {
            return MemberResult.Fail(MemberErrors.UnknownGroup);
        }

        return await ChangeAsync(memberId, MemberAuditActions.AddToGroup, actor, role.Name, async member =>
        {
            if (await users.IsInRoleAsync(member, role.Name!).ConfigureAwait(false))
            {
                return IdentityResult.Success;
            }

            var added = await users.AddToRoleAsync(member, role.Name!).ConfigureAwait(false);
            // A new stamp makes the member's sessions pick up the new group at their next validation.
            return added.Succeeded ? await users.UpdateSecurityStampAsync(member).ConfigureAwait(false) : added;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MemberResult> RemoveFromGroupAsync(Guid memberId, string group, string actor, CancellationToken cancellationToken)
    {
        var role = await groups.FindByNameAsync(group ?? string.Empty).ConfigureAwait(false);
        if (role is null)
        {
            return MemberResult.Fail(MemberErrors.UnknownGroup);
        }

        return await ChangeAsync(memberId, MemberAuditActions.RemoveFromGroup, actor, role.Name, async member =>
        {
            if (!await users.IsInRoleAsync(member, role.Name!).ConfigureAwait(false))
            {
                return IdentityResult.Success;
            }

            var removed = await users.RemoveFromRoleAsync(member, role.Name!).ConfigureAwait(false);
            return removed.Succeeded ? await users.UpdateSecurityStampAsync(member).ConfigureAwait(false) : removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<MemberResult> LockAsync(Guid memberId, DateTimeOffset? until, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(memberId, MemberAuditActions.Lock, actor, until?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture), async member =>
        {
            var enabled = await users.SetLockoutEnabledAsync(member, true).ConfigureAwait(false);
            if (!enabled.Succeeded)
            {
                return enabled;
            }

            var locked = await users.SetLockoutEndDateAsync(member, until ?? DateTimeOffset.MaxValue).ConfigureAwait(false);
            // A new stamp signs the member out everywhere at their next validation.
            return locked.Succeeded ? await users.UpdateSecurityStampAsync(member).ConfigureAwait(false) : locked;
        }, cancellationToken);

    public Task<MemberResult> UnlockAsync(Guid memberId, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(memberId, MemberAuditActions.Unlock, actor, null, async member =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(member, null).ConfigureAwait(false);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(member).ConfigureAwait(false) : unlocked;
        }, cancellationToken);

    public async Task<IReadOnlyList<MemberApplication>> GetApplicationsAsync(ApplicationStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        var rows = await query.OrderByDescending(a => a.CreatedUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(MemberMapping.ToApplication)];
    }

    public async Task<MemberResult> SetApplicationStatusAsync(Guid applicationId, ApplicationStatus status, string? note, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            return MemberResult.Fail(MemberRules.Invalid);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MemberApplications.MaxMessageLength)
        {
            return MemberResult.Fail(MemberRules.TooLong);
        }

        var row = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return MemberResult.NotFound;
        }

        var from = row.Status;
        row.Status = status;
        row.EditorNote = note;
        row.UpdatedUtc = Now;
        MemberMapping.Audit(db, Now, actor, MemberAuditActions.ApplicationStatus, row.MemberId, row.Id, $"{from}->{status}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return MemberResult.Ok;
    }

    public async Task<IReadOnlyList<MemberAuditEntry>> GetAuditAsync(Guid? memberId, CancellationToken cancellationToken)
    {
        var query = db.Audit.AsNoTracking();
        if (memberId is { } id)
        {
            query = query.Where(a => a.MemberId == id);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(a => new MemberAuditEntry(a.AtUtc, a.Actor, a.Action, a.MemberId, a.ApplicationId, a.Detail))];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs an Identity change and its audit row in one transaction.</summary>
    private async Task<MemberResult> ChangeAsync(Guid memberId, string action, string actor, string? detail, Func<Member, Task<IdentityResult>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false);
        if (member is null)
        {
            return MemberResult.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await change(member).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return MemberResult.Fail([.. result.Errors.Select(e => e.Code)]);
        }

        MemberMapping.Audit(db, Now, actor, action, member.Id, detail: detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return MemberResult.Ok;
    }
}
