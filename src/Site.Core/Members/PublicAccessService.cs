using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Storage;

namespace Site.Core.Members;

/// <summary>Protects nodes for members (or member groups) and lifts the protection.</summary>
public interface IPublicAccessService
{
    Task<IReadOnlyList<PublicAccessRule>> GetAllAsync(CancellationToken cancellationToken);

    Task<bool> ProtectAsync(PublicAccessRule rule, string user, CancellationToken cancellationToken);

    Task<bool> UnprotectAsync(Guid nodeKey, string user, CancellationToken cancellationToken);
}

/// <summary>Public access rules changed; what visitors may see changes with them.</summary>
public sealed record PublicAccessChangedNotification(Guid NodeKey) : INotification;

internal sealed class PublicAccessService(ISiteDbContextFactory dbFactory, IEventAggregator events, TimeProvider clock) : IPublicAccessService
{
    public async Task<IReadOnlyList<PublicAccessRule>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var rows = await db.PublicAccess.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToRule)];
    }

    public async Task<bool> ProtectAsync(PublicAccessRule rule, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        await using var db = dbFactory.Create();
        if (!await db.Nodes.AnyAsync(n => n.Key == rule.NodeKey, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var row = await db.PublicAccess.FirstOrDefaultAsync(r => r.NodeKey == rule.NodeKey, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new PublicAccessRecord { NodeKey = rule.NodeKey, GroupsJson = "[]" };
            db.PublicAccess.Add(row);
        }

        row.GroupsJson = JsonSerializer.Serialize(rule.AllowedGroups);
        row.LoginNodeKey = rule.LoginNodeKey;
        row.NoAccessNodeKey = rule.NoAccessNodeKey;
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, user, AuditActions.Protect, rule.NodeKey, [], rule.AnyMember ? "members" : string.Join(',', rule.AllowedGroups));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new PublicAccessChangedNotification(rule.NodeKey), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> UnprotectAsync(Guid nodeKey, string user, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var row = await db.PublicAccess.FirstOrDefaultAsync(r => r.NodeKey == nodeKey, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        db.PublicAccess.Remove(row);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, user, AuditActions.Unprotect, nodeKey, []);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new PublicAccessChangedNotification(nodeKey), cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal static PublicAccessRule ToRule(PublicAccessRecord row) =>
        new(row.NodeKey, JsonSerializer.Deserialize<List<string>>(row.GroupsJson) ?? [], row.LoginNodeKey, row.NoAccessNodeKey);
}
