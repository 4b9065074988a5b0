using Microsoft.Extensions.DependencyInjection;

namespace Site.Core.Notifications;

/// <summary>Something that happened, for handlers to react to (Umbraco's notifications).</summary>
public interface INotification;

public interface INotificationHandler<in TNotification>
    where TNotification : INotification
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}

/// <summary>Sends a notification to every registered handler, in registration order.</summary>
public interface IEventAggregator
{
    Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification;
}

internal sealed class EventAggregator(IServiceProvider services) : IEventAggregator
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
        {
            await handler.HandleAsync(notification, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Cultures of a node went live.</summary>
public sealed record ContentPublishedNotification(Guid Key, IReadOnlyList<string> Cultures) : INotification;

/// <summary>Cultures of a node were taken down (all of them when the mandatory culture was).</summary>
public sealed record ContentUnpublishedNotification(Guid Key, IReadOnlyList<string> Cultures) : INotification;

/// <summary>A draft was saved: nothing public changed.</summary>
public sealed record ContentSavedNotification(Guid Key, int VersionNumber) : INotification;

/// <summary>A whole uSync folder was imported.</summary>
public sealed record ContentImportedNotification(int NodeCount) : INotification;

/// <summary>A new published snapshot is live; caches of rendered output must go.</summary>
public sealed record PublishedSnapshotChangedNotification(long Generation) : INotification;

/// <summary>Nodes went to the recycle bin (a node and its descendants); whatever of them was live is not any more.</summary>
public sealed record ContentTrashedNotification(IReadOnlyList<Guid> Keys) : INotification;

/// <summary>Nodes came back from the recycle bin, unpublished, under their old parent.</summary>
public sealed record ContentRestoredNotification(IReadOnlyList<Guid> Keys) : INotification;

/// <summary>Nodes were deleted for good (emptying the recycle bin).</summary>
public sealed record ContentDeletedNotification(IReadOnlyList<Guid> Keys) : INotification;

/// <summary>A node (with its descendants) moved to another parent, or its siblings were re-sorted: URLs may change.</summary>
public sealed record ContentMovedNotification(IReadOnlyList<Guid> Keys) : INotification;

/// <summary>A media item was uploaded, changed or deleted.</summary>
public sealed record MediaChangedNotification(Guid Key) : INotification;
