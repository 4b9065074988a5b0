using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Workflow;

/// <summary>
/// Review per culture: a writer submits, an editor approves or rejects with a comment, an editor publishes. Every
/// step is checked against <see cref="ContentPermissions"/> and written to the audit trail.
/// </summary>
public interface IWorkflowService
{
    Task<WorkflowResult> SubmitAsync(Guid key, string culture, BackOfficeUser user, string? comment, CancellationToken cancellationToken);

    Task<WorkflowResult> ApproveAsync(Guid key, string culture, BackOfficeUser user, string? comment, CancellationToken cancellationToken);

    Task<WorkflowResult> RejectAsync(Guid key, string culture, BackOfficeUser user, string comment, CancellationToken cancellationToken);

    /// <summary>Publishes cultures (closing their reviews); only for those allowed to publish.</summary>
    Task<WorkflowResult> PublishAsync(Guid key, IReadOnlyCollection<string> cultures, BackOfficeUser user, CancellationToken cancellationToken);

    /// <summary>The latest review of a culture of a node, if any.</summary>
    Task<Review?> GetReviewAsync(Guid key, string culture, CancellationToken cancellationToken);

    /// <summary>Every culture waiting for review: the reviewers' task list, oldest first.</summary>
    Task<IReadOnlyList<Review>> GetPendingAsync(CancellationToken cancellationToken);
}

internal sealed class WorkflowService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IPublishingService publishing,
    IEventAggregator events,
    TimeProvider clock) : IWorkflowService
{
    private const string Pending = nameof(ReviewState.Pending);

    public async Task<WorkflowResult> SubmitAsync(Guid key, string culture, BackOfficeUser user, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ContentPermissions.Can(user, ContentAction.Submit, culture))
        {
            return new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        var (version, problem) = await CurrentVersionAsync(db, key, culture, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var iso = version!.Value.Culture;
        if (await db.Reviews.AnyAsync(r => r.NodeKey == key && r.Culture == iso && r.State == Pending, cancellationToken).ConfigureAwait(false))
        {
            return new WorkflowResult(WorkflowStatus.AlreadyInReview, WorkflowMessages.AlreadyInReview);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ReviewRecord
        {
            NodeKey = key,
            Culture = iso,
            State = Pending,
            VersionNumber = version.Value.Number,
            RequestedBy = user.Id,
            RequestedAtUtc = now,
            RequestComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        db.Reviews.Add(record);
        AuditLog.Add(db, now, user.Id, AuditActions.Submit, key, [iso], $"version {version.Value.Number}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ReviewRequestedNotification(ToReview(record)), cancellationToken).ConfigureAwait(false);
        return WorkflowResult.Ok;
    }

    public Task<WorkflowResult> ApproveAsync(Guid key, string culture, BackOfficeUser user, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(key, culture, user, ReviewState.Approved, comment, cancellationToken);

    public Task<WorkflowResult> RejectAsync(Guid key, string culture, BackOfficeUser user, string comment, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(comment)
            ? Task.FromResult(new WorkflowResult(WorkflowStatus.CommentRequired, WorkflowMessages.CommentRequired))
            : DecideAsync(key, culture, user, ReviewState.Rejected, comment, cancellationToken);

    public async Task<WorkflowResult> PublishAsync(Guid key, IReadOnlyCollection<string> cultures, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        if (cultures.Any(c => !ContentPermissions.Can(user, ContentAction.Publish, c)))
        {
            return new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        var result = await publishing.PublishAsync(key, cultures, user.Id, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new WorkflowResult(WorkflowStatus.PublishRefused, result.Errors.Count > 0 ? result.Errors[0].Message : null, result);
        }

        // What went live is no longer waiting for anyone.
        await using var db = dbFactory.Create();
        var open = await db.Reviews
            .Where(r => r.NodeKey == key && (r.State == Pending || r.State == nameof(ReviewState.Approved)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var review in open.Where(r => result.Cultures.Contains(r.Culture, StringComparer.OrdinalIgnoreCase)))
        {
            review.State = nameof(ReviewState.Published);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WorkflowResult(WorkflowStatus.Success, null, result);
    }

    public async Task<Review?> GetReviewAsync(Guid key, string culture, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var record = await db.Reviews.AsNoTracking()
            .Where(r => r.NodeKey == key && r.Culture == culture)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToReview(record);
    }

    public async Task<IReadOnlyList<Review>> GetPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var records = await db.Reviews.AsNoTracking()
            .Where(r => r.State == Pending)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ToReview)];
    }

    private async Task<WorkflowResult> DecideAsync(Guid key, string culture, BackOfficeUser user, ReviewState decision, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var action = decision == ReviewState.Approved ? ContentAction.Approve : ContentAction.Reject;
        if (!ContentPermissions.Can(user, action, culture))
        {
            return new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        var (version, problem) = await CurrentVersionAsync(db, key, culture, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var iso = version!.Value.Culture;
        var review = await db.Reviews
            .Where(r => r.NodeKey == key && r.Culture == iso && r.State == Pending)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (review is null)
        {
            return new WorkflowResult(WorkflowStatus.NoPendingReview, WorkflowMessages.NoPendingReview);
        }

        // An approval covers what the reviewer saw: a later save needs a fresh look.
        if (decision == ReviewState.Approved && review.VersionNumber != version.Value.Number)
        {
            return new WorkflowResult(WorkflowStatus.ChangedSinceReview, WorkflowMessages.ChangedSinceReview.Format(version.Value.Number, review.VersionNumber));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        review.State = decision.ToString();
        review.DecidedBy = user.Id;
        review.DecidedAtUtc = now;
        review.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AuditLog.Add(db, now, user.Id, decision == ReviewState.Approved ? AuditActions.Approve : AuditActions.Reject, key, [iso], review.DecisionComment);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new ReviewDecidedNotification(ToReview(review)), cancellationToken).ConfigureAwait(false);
        return WorkflowResult.Ok;
    }

    private async Task<((string Culture, int Number)? Version, WorkflowResult? Problem)> CurrentVersionAsync(
        SiteDbContext db, Guid key, string culture, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var language = schema.Languages.Find(culture);
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && !n.Trashed, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return (null, new WorkflowResult(WorkflowStatus.NotFound, WorkflowMessages.NotFound));
        }

        var version = await db.Versions.AsNoTracking().FirstAsync(v => v.Id == node.CurrentVersionId, cancellationToken).ConfigureAwait(false);
        if (language is null || ContentMapping.DeserializeData(version.DataJson).GetName(language.IsoCode) is null)
        {
            return (null, new WorkflowResult(WorkflowStatus.UnknownCulture, WorkflowMessages.UnknownCulture.Format(culture)));
        }

        return ((language.IsoCode, version.Number), null);
    }

    private static Review ToReview(ReviewRecord r) => new(
        r.Id,
        r.NodeKey,
        r.Culture,
        Enum.Parse<ReviewState>(r.State),
        r.VersionNumber,
        r.RequestedBy,
        ContentMapping.AsUtc(r.RequestedAtUtc),
        r.RequestComment,
        r.DecidedBy,
        r.DecidedAtUtc is { } decided ? ContentMapping.AsUtc(decided) : null,
        r.DecisionComment);
}
