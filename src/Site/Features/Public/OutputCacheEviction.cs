using Microsoft.AspNetCore.OutputCaching;
using Site.Core.Notifications;

namespace Site.Features.Public;

/// <summary>Drops every cached page when a new published snapshot goes live, so visitors see a change at once.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : INotificationHandler<PublishedSnapshotChangedNotification>
{
    public async Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicSiteExtensions.ContentCacheTag, cancellationToken).ConfigureAwait(false);
}
