using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;

namespace Site.E2ETests.Infrastructure;

/// <summary>Content that a browser test writes for itself, through the engine's services as an editor would.</summary>
public static class SiteContent
{
    /// <summary>Saves a new node of <paramref name="type"/> under the one node of <paramref name="parentType"/> and publishes it in both languages.</summary>
    public static async Task<Guid> PublishNewAsync(this SiteServerFixture site, string parentType, string type, ContentData data)
    {
        ArgumentNullException.ThrowIfNull(site);
        var parent = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType(parentType).Single();
        var key = Guid.NewGuid();
        var saved = await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, parent.Key, type, data), "e2e", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var cultures = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.Languages.All.Select(l => l.IsoCode).ToList();
        Assert.True((await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, cultures, "e2e", CancellationToken.None)).Succeeded);
        return key;
    }
}
