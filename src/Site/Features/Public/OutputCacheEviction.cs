using Microsoft.AspNetCore.OutputCaching;
using Site.Core.Notifications;

namespace Site.Features.Public;

/// <summary>Drops every cached page when a new published snapshot goes live (or media change), so visitors see a change at once.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store)
    : INotificationHandler<PublishedSnapshotChangedNotification>, INotificationHandler<MediaChangedNotification>
{
    public async Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicSiteExtensions.ContentCacheTag, cancellationToken).ConfigureAwait(false);

    /// <summary>Pages show media (an article's image and its alt text): they are rendered again after the library reloaded.</summary>
    public async Task HandleAsync(MediaChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicSiteExtensions.ContentCacheTag, cancellationToken).ConfigureAwait(false);
}
