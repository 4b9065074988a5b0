using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Workflow;

public enum ScheduledActionKind
{
    /// <summary>Publish the culture at the time (Umbraco's "Release").</summary>
    Publish,

    /// <summary>Unpublish the culture at the time (Umbraco's "Expire").</summary>
    Unpublish,
}

/// <summary>A scheduled publish or unpublish, and what happened when it ran.</summary>
public sealed record ScheduledAction(long Id, Guid NodeKey, string Culture, ScheduledActionKind Kind, DateTime DueAtUtc, string CreatedBy, DateTime? RanAtUtc, string? Outcome);

/// <summary>
/// Publish-at and unpublish-at per culture. Due actions are claimed with one atomic update each before they run, so
/// an action runs exactly once even when several instances share the database and poll at the same moment. A claim
/// is a lease: one left without an outcome for longer than the claim timeout (its instance died mid-run) may be
/// claimed again by another instance, so the action still runs.
/// </summary>
public interface ISchedulingService
{
    /// <summary>How long a claim without an outcome holds before another instance may take the action over.</summary>
    static readonly TimeSpan DefaultClaimTimeout = TimeSpan.FromMinutes(5);

    Task<(WorkflowResult Result, ScheduledAction? Action)> ScheduleAsync(Guid key, string culture, ScheduledActionKind kind, DateTime dueAtUtc, BackOfficeUser user, CancellationToken cancellationToken);

    Task<WorkflowResult> CancelAsync(long id, BackOfficeUser user, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScheduledAction>> GetForNodeAsync(Guid key, CancellationToken cancellationToken);

    /// <summary>Runs every action that is due and not yet claimed; returns how many this caller ran.</summary>
    Task<int> RunDueAsync(string instance, CancellationToken cancellationToken) => RunDueAsync(instance, DefaultClaimTimeout, cancellationToken);

    /// <summary>
    /// Runs every action that is due and not claimed, or claimed more than <paramref name="claimTimeout"/> ago without
    /// an outcome; returns how many this caller ran.
    /// </summary>
    Task<int> RunDueAsync(string instance, TimeSpan claimTimeout, CancellationToken cancellationToken);
}

internal sealed class SchedulingService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IPublishingService publishing,
    TimeProvider clock) : ISchedulingService
{
    public async Task<(WorkflowResult Result, ScheduledAction? Action)> ScheduleAsync(
        Guid key, string culture, ScheduledActionKind kind, DateTime dueAtUtc, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ContentPermissions.Can(user, ContentAction.Schedule, culture))
        {
            return (new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (dueAtUtc.ToUniversalTime() <= now)
        {
            return (new WorkflowResult(WorkflowStatus.InThePast, WorkflowMessages.InThePast), null);
        }

        var language = (await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false)).Languages.Find(culture);
        if (language is null)
        {
            return (new WorkflowResult(WorkflowStatus.UnknownCulture, WorkflowMessages.UnknownCulture.Format(culture)), null);
        }

        await using var db = dbFactory.Create();
        if (!await db.Nodes.AnyAsync(n => n.Key == key && !n.Trashed, cancellationToken).ConfigureAwait(false))
        {
            return (new WorkflowResult(WorkflowStatus.NotFound, WorkflowMessages.NotFound), null);
        }

        var record = new ScheduledActionRecord
        {
            NodeKey = key,
            Culture = language.IsoCode,
            Action = kind.ToString(),
            DueAtUtc = dueAtUtc.ToUniversalTime(),
            CreatedBy = user.Id,
            CreatedAtUtc = now,
        };
        db.ScheduledActions.Add(record);
        AuditLog.Add(db, now, user.Id, AuditActions.Schedule, key, [language.IsoCode], $"{kind} at {record.DueAtUtc:O}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (WorkflowResult.Ok, ToAction(record));
    }

    public async Task<WorkflowResult> CancelAsync(long id, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = dbFactory.Create();
        var record = await db.ScheduledActions.FirstOrDefaultAsync(a => a.Id == id && a.ClaimedAtUtc == null, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new WorkflowResult(WorkflowStatus.NotFound, WorkflowMessages.NotFound);
        }

        if (!ContentPermissions.Can(user, ContentAction.Schedule, record.Culture))
        {
            return new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        db.ScheduledActions.Remove(record);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, user.Id, AuditActions.CancelSchedule, record.NodeKey, [record.Culture], $"{record.Action} at {record.DueAtUtc:O}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WorkflowResult.Ok;
    }

    public async Task<IReadOnlyList<ScheduledAction>> GetForNodeAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var records = await db.ScheduledActions.AsNoTracking().Where(a => a.NodeKey == key)
            .OrderBy(a => a.DueAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ToAction)];
    }

    public async Task<int> RunDueAsync(string instance, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - claimTimeout;
        List<long> due;
        await using (var db = dbFactory.Create())
        {
            due = await db.ScheduledActions.AsNoTracking()
                .Where(a => (a.ClaimedAtUtc == null || (a.Outcome == null && a.ClaimedAtUtc < stale)) && a.DueAtUtc <= now)
                .OrderBy(a => a.DueAtUtc).ThenBy(a => a.Id)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var ran = 0;
        foreach (var id in due)
        {
            await using var db = dbFactory.Create();

            // The claim is one conditional UPDATE: of all instances racing for this row, exactly one changes it (the
            // others re-read the row it wrote, whose claim is no longer missing nor stale).
            var claimed = await db.ScheduledActions
                .Where(a => a.Id == id && (a.ClaimedAtUtc == null || (a.Outcome == null && a.ClaimedAtUtc < stale)))
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.ClaimedAtUtc, now).SetProperty(x => x.ClaimedBy, instance), cancellationToken)
                .ConfigureAwait(false);
            if (claimed != 1)
            {
                continue;
            }

            var action = await db.ScheduledActions.FirstAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
            var user = $"scheduler for {action.CreatedBy}";
            var result = action.Action == nameof(ScheduledActionKind.Publish)
                ? await publishing.PublishAsync(action.NodeKey, [action.Culture], user, cancellationToken).ConfigureAwait(false)
                : await publishing.UnpublishAsync(action.NodeKey, action.Culture, user, cancellationToken).ConfigureAwait(false);
            action.Outcome = result.Succeeded
                ? "done"
                : $"{result.Status}: {string.Join("; ", result.Errors.Select(e => e.Message.Get(Localization.TextCatalog.SourceCulture)))}";
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            ran++;
        }

        return ran;
    }

    private static ScheduledAction ToAction(ScheduledActionRecord r) => new(
        r.Id,
        r.NodeKey,
        r.Culture,
        Enum.Parse<ScheduledActionKind>(r.Action),
        ContentMapping.AsUtc(r.DueAtUtc),
        r.CreatedBy,
        r.ClaimedAtUtc is { } claimed ? ContentMapping.AsUtc(claimed) : null,
        r.Outcome);
}
