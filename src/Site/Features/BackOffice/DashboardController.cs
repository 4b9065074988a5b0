using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>The editor's start page: what waits for review (the in-app task list) and what needs translating.</summary>
[Route(BackOfficeExtensions.Path)]
public sealed class DashboardController(IWorkflowService workflow, ITranslationService translations, IContentService content) : BackOfficeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        Show("Dashboard", PageOf(Text.Dashboard, "dashboard", await TasksAsync(cancellationToken)));

    [HttpGet("tasks")]
    public async Task<IActionResult> Tasks(CancellationToken cancellationToken) =>
        Show("Dashboard", PageOf(Text.Tasks, "tasks", await TasksAsync(cancellationToken)));

    private async Task<DashboardData> TasksAsync(CancellationToken cancellationToken)
    {
        var pending = await workflow.GetPendingAsync(cancellationToken);
        var rows = new List<ReviewRow>(pending.Count);
        foreach (var review in pending)
        {
            var node = await content.GetAsync(review.NodeKey, cancellationToken);
            var name = node?.CurrentVersion.Data.GetName(review.Culture) ?? node?.CurrentVersion.Data.Names.Values.FirstOrDefault() ?? review.NodeKey.ToString();
            rows.Add(new ReviewRow(review, name));
        }

        var outstanding = await translations.GetOutstandingAsync(cancellationToken);
        var canReview = ContentPermissions.Can(WorkflowUser, ContentAction.Approve, null);
        return new DashboardData(rows, outstanding.Count, canReview);
    }
}

public sealed record ReviewRow(Review Review, string Name);

public sealed record DashboardData(IReadOnlyList<ReviewRow> Reviews, int OutstandingTranslations, bool CanReview);
