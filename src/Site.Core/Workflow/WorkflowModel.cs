using Site.Core.Content;
using Site.Core.Notifications;

namespace Site.Core.Workflow;

public enum ReviewState
{
    Pending,
    Approved,
    Rejected,

    /// <summary>The reviewed version went live; the review is closed.</summary>
    Published,
}

/// <summary>A review of one culture of a node: who asked, when, for which version, and the decision.</summary>
public sealed record Review(
    long Id,
    Guid NodeKey,
    string Culture,
    ReviewState State,
    int VersionNumber,
    string RequestedBy,
    DateTime RequestedAtUtc,
    string? RequestComment,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? DecisionComment);

public enum WorkflowStatus
{
    Success,
    Forbidden,
    NotFound,
    UnknownCulture,
    AlreadyInReview,
    NoPendingReview,
    CommentRequired,
    ChangedSinceReview,
    InThePast,
    PublishRefused,
    InvalidTarget,
}

/// <summary>The outcome of a workflow step: done, or why not, in both languages.</summary>
public sealed record WorkflowResult(WorkflowStatus Status, LocalizedText? Message = null, PublishResult? Publish = null)
{
    public bool Succeeded => Status == WorkflowStatus.Success;

    public static WorkflowResult Ok { get; } = new(WorkflowStatus.Success);
}

/// <summary>A culture was sent for review: reviewers are to be told (task list, email).</summary>
public sealed record ReviewRequestedNotification(Review Review) : INotification;

/// <summary>A review was approved or rejected: the writer is to be told.</summary>
public sealed record ReviewDecidedNotification(Review Review) : INotification;

internal static class WorkflowMessages
{
    public static readonly LocalizedText Forbidden = LocalizedText.Of("You do not have permission to do this.");
    public static readonly LocalizedText NotFound = LocalizedText.Of("The content item does not exist.");
    public static readonly LocalizedText UnknownCulture = LocalizedText.Of("\"{0}\" is not a language of this site, or the item has no version in it.");
    public static readonly LocalizedText AlreadyInReview = LocalizedText.Of("This language version is already waiting for review.");
    public static readonly LocalizedText NoPendingReview = LocalizedText.Of("This language version is not waiting for review.");
    public static readonly LocalizedText CommentRequired = LocalizedText.Of("Say why it is rejected, so the writer knows what to change.");
    public static readonly LocalizedText ChangedSinceReview = LocalizedText.Of("The item was saved again (version {0}) after version {1} was submitted: review the new version.");
    public static readonly LocalizedText InThePast = LocalizedText.Of("Choose a time in the future.");
}
