using Microsoft.EntityFrameworkCore;
using Site.Core.Storage;

namespace Site.Core.Audit;

/// <summary>One audited action: who did what to which item, in which cultures, when.</summary>
public sealed record AuditEntry(long Id, DateTime AtUtc, string User, string Action, Guid? NodeKey, IReadOnlyList<string> Cultures, string? Detail);

/// <summary>Filters for the audit trail; every one optional.</summary>
public sealed record AuditQuery(
    string? User = null,
    string? Action = null,
    Guid? NodeKey = null,
    string? Culture = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int Skip = 0,
    int Take = 50);

/// <summary>Reads the audit trail, newest first.</summary>
public interface IAuditTrail
{
    Task<(int Total, IReadOnlyList<AuditEntry> Entries)> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

internal sealed class AuditTrail(ISiteDbContextFactory dbFactory) : IAuditTrail
{
    public async Task<(int Total, IReadOnlyList<AuditEntry> Entries)> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = dbFactory.Create();
        var rows = db.Audit.AsNoTracking();
        if (query.User is { } user)
        {
            rows = rows.Where(a => a.User == user);
        }

        if (query.Action is { } action)
        {
            rows = rows.Where(a => a.Action == action);
        }

        if (query.NodeKey is { } key)
        {
            rows = rows.Where(a => a.NodeKey == key);
        }

        if (query.Culture is { } culture)
        {
            rows = rows.Where(a => a.Cultures.Contains(culture));
        }

        if (query.FromUtc is { } from)
        {
            rows = rows.Where(a => a.AtUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(a => a.AtUtc < to);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (total, [.. page.Select(a => new AuditEntry(
            a.Id, ContentMapping.AsUtc(a.AtUtc), a.User, a.Action, a.NodeKey,
            a.Cultures.Length == 0 ? [] : a.Cultures.Split(','), a.Detail))]);
    }
}
