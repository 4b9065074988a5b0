using Microsoft.Extensions.DependencyInjection;
using Site.Core.DependencyInjection;
using Site.Core.Notifications;

namespace Site.Core.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Site search: the index kept in step with the published snapshot, the search service and the rebuilder.
    /// The host binds <see cref="SearchOptions"/> from configuration; without it the defaults apply (index on disk).
    /// </summary>
    public static IServiceCollection AddSiteSearchCore(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>();
        services.AddSingleton<SearchDocumentFactory>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IIndexRebuilder>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<ISearchIndexStatus>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<ISearchService, SearchService>();
        services.AddSingleton<IGlossaryService, GlossaryService>();
        services.AddNotificationHandler<PublishedSnapshotChangedNotification, SearchIndexer>();
        return services;
    }
}
