using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;
using Site.Core.Storage;
using Site.Core.Sync;

namespace Site.Core.DependencyInjection;

/// <summary>Brings the database up to date, imports the uSync folder into an empty site, and builds the snapshot.</summary>
public interface ISiteInitializer
{
    Task InitializeAsync(string syncFolder, CancellationToken cancellationToken);
}

internal sealed partial class SiteInitializer(
    ISiteDbContextFactory dbFactory,
    IUsyncImporter importer,
    IPublishedSnapshotService snapshots,
    Media.IMediaLibrary media,
    Media.IMediaService mediaFiles,
    IOptions<SiteCoreOptions> options,
    ILogger<SiteInitializer> logger) : ISiteInitializer
{
    public async Task InitializeAsync(string syncFolder, CancellationToken cancellationToken)
    {
        bool empty;
        await using (var db = dbFactory.Create())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            empty = !await db.Nodes.AnyAsync(cancellationToken).ConfigureAwait(false);
        }

        await media.ReloadAsync(cancellationToken).ConfigureAwait(false);
        var orphans = await mediaFiles.RemoveOrphansAsync(options.Value.Media.OrphanGracePeriod, cancellationToken).ConfigureAwait(false);
        if (orphans > 0)
        {
            LogOrphans(logger, orphans);
        }

        if (empty && options.Value.Sync.ImportOnFirstBoot)
        {
            var result = await importer.ImportAsync(syncFolder, "uSync", new UsyncImportOptions(options.Value.Sync.PartialImport), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new UsyncImportException(result.Problems);
            }

            foreach (var skipped in result.Skipped)
            {
                LogSkipped(logger, skipped.File, skipped.Problem);
            }

            LogImported(logger, result.NodeCount, syncFolder);
            return; // the import rebuilt the snapshot
        }

        await snapshots.RebuildAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} media files or folders that an interrupted upload or delete left behind")]
    private static partial void LogOrphans(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "uSync import left out or only noted {File}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} content nodes from {Folder}")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}

/// <summary>The site cannot start: the uSync folder it must import has problems. Each names its file.</summary>
public sealed class UsyncImportException(IReadOnlyList<SyncProblem> problems)
    : Exception("The uSync folder could not be imported; nothing was written:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<SyncProblem> Problems { get; } = problems;
}
