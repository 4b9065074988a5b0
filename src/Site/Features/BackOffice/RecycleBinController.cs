using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>The recycle bin: what was deleted, with restore (to its old place) and empty (for good).</summary>
[Route(BackOfficeExtensions.Path + "/recycle-bin")]
public sealed class RecycleBinController(IContentTreeService tree) : BackOfficeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        Show("RecycleBin", PageOf(Text.RecycleBin, "recycle-bin", await DataAsync(cancellationToken), notice: done is null ? null : Text.Done(done)));

    [HttpPost("{id:guid}/restore")]
    public async Task<IActionResult> Restore(Guid id, CancellationToken cancellationToken)
    {
        var result = await tree.RestoreAsync(id, WorkflowUser, cancellationToken);
        return result.Status == WorkflowStatus.Success
            ? Redirect($"{BackOfficeExtensions.Path}/content/{id}?done=restored")
            : Failed(result, await DataAsync(cancellationToken));
    }

    [HttpPost("empty")]
    public async Task<IActionResult> EmptyBin(CancellationToken cancellationToken)
    {
        var result = await tree.EmptyRecycleBinAsync(WorkflowUser, cancellationToken);
        return result.Status == WorkflowStatus.Success
            ? Redirect($"{BackOfficeExtensions.Path}/recycle-bin")
            : Failed(result, await DataAsync(cancellationToken));
    }

    private async Task<RecycleBinData> DataAsync(CancellationToken cancellationToken) =>
        new(await tree.GetRecycleBinAsync(cancellationToken), ContentPermissions.Can(WorkflowUser, ContentAction.Delete, null));

    private ViewResult Failed(TreeResult result, RecycleBinData data) =>
        Show("RecycleBin", PageOf(Text.RecycleBin, "recycle-bin", data, errors: [new FormError(null, result.Message?.Get(Text.Code) ?? Text.ActionFailed)]),
            result.Status == WorkflowStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
}
