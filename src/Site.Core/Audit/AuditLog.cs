using Site.Core.Storage;

namespace Site.Core.Audit;

/// <summary>Adds audit rows to the unit of work that does the action, so the trail and the change commit together.</summary>
internal static class AuditLog
{
    public static void Add(SiteDbContext db, DateTime atUtc, string user, string action, Guid? nodeKey, IEnumerable<string> cultures, string? detail = null) =>
        db.Audit.Add(new AuditRecord
        {
            AtUtc = atUtc,
            User = user,
            Action = action,
            NodeKey = nodeKey,
            Cultures = string.Join(',', cultures),
            Detail = detail,
        });
}
