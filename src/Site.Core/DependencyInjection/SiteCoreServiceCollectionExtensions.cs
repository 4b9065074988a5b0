using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Backup;
using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Notifications;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Search;
using Site.Core.Storage;
using Site.Core.Sync;
using Site.Core.Workflow;

namespace Site.Core.DependencyInjection;

public static class SiteCoreServiceCollectionExtensions
{
    /// <summary>The engine: storage, content, publishing, the published snapshot, rendering and uSync.</summary>
    public static IServiceCollection AddSiteCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISiteDbContextFactory, SiteDbContextFactory>();
        services.AddSingleton<IEventAggregator, EventAggregator>();
        services.AddSingleton<IContentSchemaStore, ContentSchemaStore>();
        services.AddSingleton<IContentService, ContentService>();
        services.AddSingleton<IPublishingService, PublishingService>();
        services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        services.AddSingleton<IRichTextRenderer, RichTextRenderer>();
        services.AddSingleton<PublishedSnapshotService>();
        services.AddSingleton<IPublishedSnapshotService>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<IPublishedSnapshotAccessor>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddNotificationHandler<ContentPublishedNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<ContentUnpublishedNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<ContentImportedNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<PublicAccessChangedNotification, PublishedSnapshotRefresher>();
        services.AddSingleton<IPublicAccessService, PublicAccessService>();
        services.AddSingleton<IWorkflowService, WorkflowService>();
        services.AddSingleton<IEditingService, EditingService>();
        services.AddSingleton<ISchedulingService, SchedulingService>();
        services.AddSingleton<IContentTreeService, ContentTreeService>();
        services.AddSingleton<IContentHistoryService, ContentHistoryService>();
        services.AddSingleton<ITranslationService, TranslationService>();
        services.AddSingleton<Audit.IAuditTrail, Audit.AuditTrail>();
        services.AddSingleton<Cluster.IClusterJournalFollower, Cluster.ClusterJournalFollower>();
        services.AddSingleton<Media.IMediaService, Media.MediaService>();
        services.AddSingleton<Media.MediaLibrary>();
        services.AddSingleton<Media.IMediaLibrary>(sp => sp.GetRequiredService<Media.MediaLibrary>());
        services.AddNotificationHandler<MediaChangedNotification, Media.MediaLibrary>();
        services.AddSingleton<Media.IMediaRenditions, Media.MediaRenditions>();
        services.AddNotificationHandler<ContentTrashedNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<ContentRestoredNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<ContentDeletedNotification, PublishedSnapshotRefresher>();
        services.AddNotificationHandler<ContentMovedNotification, PublishedSnapshotRefresher>();
        services.AddSingleton<IUsyncImporter, UsyncImporter>();
        services.AddSingleton<IUsyncExporter, UsyncExporter>();
        services.AddSingleton<IMarkdownToRichTextMigration, MarkdownToRichTextMigration>();
        services.AddSingleton<ISiteInitializer, SiteInitializer>();
        services.AddSingleton<ISiteBackup, SiteBackup>();
        services.AddSingleton<Programme.IProgrammeReader, Programme.ProgrammeReader>();
        services.AddSingleton<Calendar.ISessionCalendar, Calendar.SessionCalendar>();
        services.AddBackupStore<ISiteDbContextFactory>("site", 0, f => f.Create());
        services.AddSiteSearchCore();
        return services;
    }

    /// <summary>Subscribes a handler to a notification; handlers run in the order they were added.</summary>
    public static IServiceCollection AddNotificationHandler<TNotification, THandler>(this IServiceCollection services)
        where TNotification : INotification
        where THandler : class, INotificationHandler<TNotification>
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton<INotificationHandler<TNotification>>(sp => sp.GetRequiredService<THandler>());
        return services;
    }
}
