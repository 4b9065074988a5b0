using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

/// <summary>Review and publishing, per culture: submit, approve, reject, publish, unpublish, schedule; the review task list.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/document/{id:guid}/submit", SubmitAsync).WithName("PostDocumentSubmit").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/{id:guid}/approve", ApproveAsync).WithName("PostDocumentApprove").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/{id:guid}/reject", RejectAsync).WithName("PostDocumentReject").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/{id:guid}/publish", PublishAsync).WithName("PostDocumentPublish").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/{id:guid}/unpublish", UnpublishAsync).WithName("PostDocumentUnpublish").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapGet("/document/{id:guid}/schedule", SchedulesAsync).WithName("GetDocumentSchedule");
        api.MapPost("/document/{id:guid}/schedule", ScheduleAsync).WithName("PostDocumentSchedule").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapDelete("/schedule/{scheduleId:long}", CancelAsync).WithName("DeleteSchedule").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapGet("/review/pending", PendingAsync).WithName("GetReviewPending");
    }

    private static BackOfficeUser UserOf(HttpContext context) => context.CurrentUser()!.ToWorkflowUser();

    private static Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult> Done(HttpContext context, WorkflowResult result) =>
        result.Succeeded ? TypedResults.Ok(new WorkflowOutcomeModel(result.Status.ToString(), result.Publish?.Cultures)) : ManagementProblems.From(context, result);

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> SubmitAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.SubmitAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> ApproveAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.ApproveAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> RejectAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.RejectAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment ?? "", cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> PublishAsync(Guid id, CulturesRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.PublishAsync(id, request?.Cultures ?? [], UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> UnpublishAsync(Guid id, CultureRequest request, HttpContext context, IEditingService editing, CancellationToken cancellationToken) =>
        Done(context, await editing.UnpublishAsync(id, request?.Culture ?? "", UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<IReadOnlyList<ScheduledAction>>> SchedulesAsync(Guid id, ISchedulingService scheduling, CancellationToken cancellationToken) =>
        TypedResults.Ok(await scheduling.GetForNodeAsync(id, cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<ScheduledAction>, ProblemHttpResult>> ScheduleAsync(Guid id, ScheduleRequest request, HttpContext context, ISchedulingService scheduling, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ManagementProblems.BadRequest(context, "culture, action and dueAtUtc are required.");
        }

        var (result, action) = await scheduling.ScheduleAsync(id, request.Culture ?? "", request.Action, request.DueAtUtc, UserOf(context), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.Ok(action!) : ManagementProblems.From(context, result);
    }

    private static async Task<Results<Ok<WorkflowOutcomeModel>, ProblemHttpResult>> CancelAsync(long scheduleId, HttpContext context, ISchedulingService scheduling, CancellationToken cancellationToken) =>
        Done(context, await scheduling.CancelAsync(scheduleId, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<IReadOnlyList<Review>>> PendingAsync(IWorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflow.GetPendingAsync(cancellationToken).ConfigureAwait(false));
}
