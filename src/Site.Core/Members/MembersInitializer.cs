using Microsoft.EntityFrameworkCore;

namespace Site.Core.Members;

/// <summary>Brings the members' tables up to date and, on a new site, creates the usual member groups.</summary>
public interface IMembersInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

internal sealed class MembersInitializer(IMembersDbContextFactory dbFactory, TimeProvider clock) : IMembersInitializer
{
    /// <summary>The forum's groups: editors add others in the back office.</summary>
    public static IReadOnlyList<string> DefaultGroups { get; } = ["Jiangsu principals", "Overseas principals", "Partner schools"];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Roles.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var name in DefaultGroups)
        {
            db.Roles.Add(new MemberGroup(name) { NormalizedName = name.ToUpperInvariant() });
            MemberMapping.Audit(db, clock.GetUtcNow().UtcDateTime, "system", MemberAuditActions.CreateGroup, null, detail: name);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
