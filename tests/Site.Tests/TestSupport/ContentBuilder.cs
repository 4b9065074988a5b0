using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;

namespace Site.Tests.TestSupport;

/// <summary>Writes and publishes content through the engine's own services, as an editor would.</summary>
public static class ContentBuilder
{
    public static async Task<Guid> PublishNewsAsync(this SiteFactory site, string slug, IReadOnlyDictionary<string, (string Title, string Body)> cultures, string publishDate = "2026-01-15")
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(cultures);
        var snapshots = site.Services.GetRequiredService<IPublishedSnapshotAccessor>();
        var newsIndex = snapshots.Current.OfType("newsIndex").Single();
        var values = new List<PropertyValue> { new("publishDate", null, publishDate) };
        foreach (var (culture, (title, body)) in cultures)
        {
            values.Add(new PropertyValue("title", culture, title));
            values.Add(new PropertyValue("bodyText", culture, body));
            values.Add(new PropertyValue("umbracoUrlName", culture, slug));
        }

        var key = Guid.NewGuid();
        var data = new ContentData(cultures.ToDictionary(c => c.Key, c => c.Value.Title), values);
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, newsIndex.Key, "newsArticle", data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var published = await site.Services.GetRequiredService<IPublishingService>()
            .PublishAsync(key, [.. cultures.Keys], "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
        return key;
    }
}
