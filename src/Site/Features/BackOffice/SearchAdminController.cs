using Microsoft.AspNetCore.Mvc;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Workflow;
using Site.Features.BackOffice.Management;

namespace Site.Features.BackOffice;

/// <summary>The search index for administrators: its size and generation, and a rebuild in the background with its progress.</summary>
[Route(BackOfficeExtensions.Path + "/search")]
public sealed class SearchAdminController(IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    private bool Allowed => Editor.Groups.Contains(BackOfficeGroups.Administrators);

    [HttpGet("")]
    public IActionResult Index(string? rebuild)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var notice = rebuild switch
        {
            "started" => Text.RebuildStarted,
            "running" => Text.RebuildAlreadyRunning,
            _ => null,
        };
        var data = new SearchIndexData(AdministrationEndpoints.Status(job, index, snapshots), job.LastFinished, job.LastCount, index.LastRebuildReason);
        return Show("SearchIndex", PageOf(Text.Search, "search", data, notice));
    }

    [HttpPost("rebuild")]
    public IActionResult Rebuild()
    {
        if (!Allowed)
        {
            return Refused();
        }

        return Redirect(BackOfficeExtensions.Path + "/search?rebuild=" + (job.TryStart() ? "started" : "running"));
    }
}

public sealed record SearchIndexData(IndexStatusModel Status, DateTimeOffset? LastFinished, int? LastCount, string? LastRebuildReason);
