using Microsoft.EntityFrameworkCore;

namespace Site.Core.Members;

/// <summary>
/// A member's own applications. Every call names the member (from their sign-in, never from a form), and a member
/// only ever reads their own.
/// </summary>
public interface IMemberApplicationService
{
    Task<(MemberResult Result, MemberApplication? Application)> SubmitAsync(Guid memberId, ApplicationKind kind, string message, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberApplication>> GetForMemberAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>The application when it is the member's own; otherwise null, as if it did not exist.</summary>
    Task<MemberApplication?> GetAsync(Guid memberId, Guid applicationId, CancellationToken cancellationToken);
}

internal sealed class MemberApplicationService(MembersDbContext db, TimeProvider clock) : IMemberApplicationService
{
    public async Task<(MemberResult Result, MemberApplication? Application)> SubmitAsync(Guid memberId, ApplicationKind kind, string message, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            return (MemberResult.Fail(MemberRules.Invalid), null);
        }

        if (MemberApplications.ValidateMessage(message) is { } error)
        {
            return (MemberResult.Fail(error), null);
        }

        if (!await db.Users.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false))
        {
            return (MemberResult.NotFound, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new MemberApplicationRecord
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            Kind = kind,
            Status = ApplicationStatus.Submitted,
            Message = message.Trim(),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Applications.Add(row);
        MemberMapping.Audit(db, now, memberId.ToString(), MemberAuditActions.SubmitApplication, memberId, row.Id, kind.ToString());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (MemberResult.Ok, MemberMapping.ToApplication(row));
    }

    public async Task<IReadOnlyList<MemberApplication>> GetForMemberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Applications.AsNoTracking().Where(a => a.MemberId == memberId)
            .OrderByDescending(a => a.CreatedUtc).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(MemberMapping.ToApplication)];
    }

    public async Task<MemberApplication?> GetAsync(Guid memberId, Guid applicationId, CancellationToken cancellationToken)
    {
        var row = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == applicationId && a.MemberId == memberId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : MemberMapping.ToApplication(row);
    }
}
