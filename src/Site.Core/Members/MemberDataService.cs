using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Site.Core.Members;

/// <summary>A member's own data: their profile, everything stored about them as JSON, and the deletion of it all.</summary>
public interface IMemberDataService
{
    Task<MemberProfile?> GetProfileAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Everything the site stores about the member, as indented JSON; null when there is no such member.</summary>
    Task<string?> ExportAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Deletes the member, their group memberships and their applications. The audit keeps only ids.</summary>
    Task<bool> DeleteAsync(Guid memberId, CancellationToken cancellationToken);
}

internal sealed class MemberDataService(MembersDbContext db, UserManager<Member> users, TimeProvider clock) : IMemberDataService
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        // The member's own text (often Chinese) stays readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task<MemberProfile?> GetProfileAsync(Guid memberId, CancellationToken cancellationToken) =>
        MemberMapping.ProfileAsync(db, memberId, cancellationToken);

    public async Task<string?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var profile = await MemberMapping.ProfileAsync(db, memberId, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.MemberId == memberId)
            .OrderBy(a => a.CreatedUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderBy(r => r.RegisteredUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
        var audit = await db.Audit.AsNoTracking().Where(a => a.MemberId == memberId)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var export = new
        {
            exportedAtUtc = clock.GetUtcNow().UtcDateTime,
            profile,
            applications = applications.Select(MemberMapping.ToApplication),
            registrations = registrations.Select(r => new { r.SessionKey, Status = r.Status.ToString(), r.RegisteredUtc, r.UpdatedUtc }),
            history = audit.Select(a => new { a.AtUtc, a.Action, a.ApplicationId, a.Detail }),
        };
        return JsonSerializer.Serialize(export, Json);
    }

    public async Task<bool> DeleteAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false);
        if (member is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var applications = await db.Applications.Where(a => a.MemberId == memberId).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.Applications.RemoveRange(applications);
        var deleted = await users.DeleteAsync(member).ConfigureAwait(false);
        if (!deleted.Succeeded)
        {
            return false;
        }

        MemberMapping.Audit(db, clock.GetUtcNow().UtcDateTime, memberId.ToString(), MemberAuditActions.Delete, memberId);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
