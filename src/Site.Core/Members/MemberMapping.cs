using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Site.Core.Members;

internal static class MemberMapping
{
    public static MemberProfile ToProfile(Member member, IReadOnlyList<string> groups) => new(
        member.Id,
        member.Email ?? string.Empty,
        member.EmailConfirmed,
        member.Name,
        member.School,
        member.Position,
        member.City,
        member.Country,
        member.PreferredCulture,
        member.CreatedUtc,
        member.LockoutEnd,
        groups);

    public static MemberApplication ToApplication(MemberApplicationRecord row) =>
        new(row.Id, row.MemberId, row.Kind, row.Status, row.Message, row.EditorNote, row.CreatedUtc, row.UpdatedUtc);

    public static void Apply(Member member, MemberDetails details)
    {
        member.Name = details.Name;
        member.School = details.School;
        member.Position = details.Position;
        member.City = details.City;
        member.Country = details.Country;
        member.PreferredCulture = details.PreferredCulture;
        member.RefreshSearchText();
    }

    /// <summary>The groups of each of the given members, sorted by name.</summary>
    public static async Task<Dictionary<Guid, List<string>>> GroupsOfAsync(MembersDbContext db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from link in db.Set<IdentityUserRole<Guid>>()
            join role in db.Roles on link.RoleId equals role.Id
            where memberIds.Contains(link.UserId)
            select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name ?? string.Empty).Order(StringComparer.Ordinal).ToList());
    }

    public static async Task<MemberProfile?> ProfileAsync(MembersDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Users.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var groups = await GroupsOfAsync(db, [memberId], cancellationToken).ConfigureAwait(false);
        return ToProfile(member, groups.GetValueOrDefault(memberId) ?? []);
    }

    public static void Audit(MembersDbContext db, DateTime atUtc, string actor, string action, Guid? memberId, Guid? applicationId = null, string? detail = null) =>
        db.Audit.Add(new MemberAuditRecord
        {
            AtUtc = atUtc,
            Actor = actor,
            Action = action,
            MemberId = memberId,
            ApplicationId = applicationId,
            Detail = detail,
        });
}
