using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Storage;

namespace Site.Core.Delivery;

/// <summary>
/// The drafts, as a snapshot: every node's latest saved version in every culture it has a name in, published or not.
/// For the Delivery API's preview (Preview header with the API key) only: visitors never see it.
/// </summary>
public interface IPreviewSnapshotService
{
    Task<PublishedSnapshot> GetAsync(CancellationToken cancellationToken);
}

public static class DeliveryCoreServiceCollectionExtensions
{
    /// <summary>The preview snapshot, built on demand and dropped whenever a draft is saved or anything is published.</summary>
    public static IServiceCollection AddDeliveryPreview(this IServiceCollection services)
    {
        services.AddSingleton<PreviewSnapshotService>();
        services.AddSingleton<IPreviewSnapshotService>(sp => sp.GetRequiredService<PreviewSnapshotService>());
        services.AddNotificationHandler<ContentSavedNotification, PreviewSnapshotService>();
        services.AddNotificationHandler<PublishedSnapshotChangedNotification, PreviewSnapshotService>();
        return services;
    }
}

internal sealed class PreviewSnapshotService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IMarkdownRenderer markdown,
    IRichTextRenderer richText,
    TimeProvider clock) :
    IPreviewSnapshotService,
    INotificationHandler<ContentSavedNotification>,
    INotificationHandler<PublishedSnapshotChangedNotification>,
    IDisposable
{
    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private readonly SnapshotBuildCache _cache = new(markdown.ToSafeHtml, richText);
    private PublishedSnapshot? _current;
    private long _changes;
    private long _generation;

    public async Task<PublishedSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } cached)
        {
            return cached;
        }

        await _buildLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } built)
            {
                return built;
            }

            // A save during the build makes this build stale: it is returned to this caller but not kept.
            var changesBefore = Interlocked.Read(ref _changes);
            var snapshot = await BuildAsync(++_generation, cancellationToken).ConfigureAwait(false);
            if (Interlocked.Read(ref _changes) == changesBefore)
            {
                Volatile.Write(ref _current, snapshot);
            }

            return snapshot;
        }
        finally
        {
            _buildLock.Release();
        }
    }

    public Task HandleAsync(ContentSavedNotification notification, CancellationToken cancellationToken) => Invalidate();

    public Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken) => Invalidate();

    private Task Invalidate()
    {
        Interlocked.Increment(ref _changes);
        Volatile.Write(ref _current, null);
        return Task.CompletedTask;
    }

    private async Task<PublishedSnapshot> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var db = dbFactory.Create();
        var nodes = await db.Nodes.AsNoTracking().Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<long, ContentData>();
        var createdAt = new Dictionary<long, DateTime>();
        foreach (var chunk in nodes.Select(n => n.CurrentVersionId).Distinct().Chunk(500))
        {
            var rows = await db.Versions.AsNoTracking().Where(v => chunk.Contains(v.Id))
                .Select(v => new { v.Id, v.DataJson, v.CreatedAtUtc }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                versions[row.Id] = ContentMapping.DeserializeData(row.DataJson);
                createdAt[row.Id] = ContentMapping.AsUtc(row.CreatedAtUtc);
            }
        }

        // Every culture the draft has a name in counts as "published" in the preview, from the draft itself.
        var drafts = new List<PublishedCultureRecord>();
        foreach (var node in nodes)
        {
            node.InvariantPublishedVersionId = node.CurrentVersionId;
            if (!versions.TryGetValue(node.CurrentVersionId, out var data))
            {
                continue;
            }

            foreach (var culture in data.Cultures.Where(schema.Languages.Contains))
            {
                drafts.Add(new PublishedCultureRecord
                {
                    NodeKey = node.Key,
                    Culture = culture,
                    VersionId = node.CurrentVersionId,
                    PublishedAtUtc = createdAt[node.CurrentVersionId],
                });
            }
        }

        var rules = (await db.PublicAccess.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(Members.PublicAccessService.ToRule)
            .ToList();
        return PublishedSnapshotBuilder.Build(generation, clock.GetUtcNow().UtcDateTime, schema, nodes, drafts, versions, rules, _cache);
    }

    public void Dispose() => _buildLock.Dispose();
}
