using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

/// <summary>Review and publishing, per culture: submit, approve, reject, publish, unpublish, schedule; the review task list.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/document/{id:guid}/submit", SubmitAsync).WithName("PostDocumentSubmit").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/document/{id:guid}/approve", ApproveAsync).WithName("PostDocumentApprove").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/document/{id:guid}/reject", RejectAsync).WithName("PostDocumentReject").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/document/{id:guid}/publish", PublishAsync).WithName("PostDocumentPublish").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/document/{id:guid}/unpublish", UnpublishAsync).WithName("PostDocumentUnpublish").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/document/{id:guid}/schedule", SchedulesAsync).WithName("GetDocumentSchedule");
        api.MapPost("/document/{id:guid}/schedule", ScheduleAsync).WithName("PostDocumentSchedule").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapDelete("/schedule/{scheduleId:long}", CancelAsync).WithName("DeleteSchedule").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/review/pending", PendingAsync).WithName("GetReviewPending");
    }

    private static BackOfficeUser UserOf(HttpContext context) => context.CurrentUser()!.ToWorkflowUser();

    private static IResult Done(HttpContext context, WorkflowResult result) =>
        result.Succeeded ? Results.Ok(new { status = result.Status.ToString(), cultures = result.Publish?.Cultures }) : ManagementProblems.From(context, result);

    private static async Task<IResult> SubmitAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.SubmitAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment, cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> ApproveAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.ApproveAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment, cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> RejectAsync(Guid id, CultureRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.RejectAsync(id, request?.Culture ?? "", UserOf(context), request?.Comment ?? "", cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> PublishAsync(Guid id, CulturesRequest request, HttpContext context, IWorkflowService workflow, CancellationToken cancellationToken) =>
        Done(context, await workflow.PublishAsync(id, request?.Cultures ?? [], UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> UnpublishAsync(Guid id, CultureRequest request, HttpContext context, IEditingService editing, CancellationToken cancellationToken) =>
        Done(context, await editing.UnpublishAsync(id, request?.Culture ?? "", UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> SchedulesAsync(Guid id, ISchedulingService scheduling, CancellationToken cancellationToken) =>
        Results.Ok(await scheduling.GetForNodeAsync(id, cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> ScheduleAsync(Guid id, ScheduleRequest request, HttpContext context, ISchedulingService scheduling, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ManagementProblems.BadRequest(context, "culture, action and dueAtUtc are required.");
        }

        var (result, action) = await scheduling.ScheduleAsync(id, request.Culture ?? "", request.Action, request.DueAtUtc, UserOf(context), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? Results.Ok(action) : ManagementProblems.From(context, result);
    }

    private static async Task<IResult> CancelAsync(long scheduleId, HttpContext context, ISchedulingService scheduling, CancellationToken cancellationToken) =>
        Done(context, await scheduling.CancelAsync(scheduleId, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> PendingAsync(IWorkflowService workflow, CancellationToken cancellationToken) =>
        Results.Ok(await workflow.GetPendingAsync(cancellationToken).ConfigureAwait(false));
}
