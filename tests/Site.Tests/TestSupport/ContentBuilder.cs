using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Tests.TestSupport;

/// <summary>Writes and publishes content through the engine's own services, as an editor would.</summary>
public static class ContentBuilder
{
    public static async Task<Guid> PublishNewsAsync(this WebApplicationFactory<Program> site, string slug, IReadOnlyDictionary<string, (string Title, string Body)> cultures, string publishDate = "2026-01-15")
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

    /// <summary>Publishes a new page under About with a title and a rich text body (bodyText) in each culture given.</summary>
    public static async Task<Guid> PublishRichPageAsync(this SiteFactory site, string slug, IReadOnlyDictionary<string, (string Title, string RichBody)> cultures, string? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(cultures);
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single();
        var values = new List<PropertyValue>();
        foreach (var (culture, (title, richBody)) in cultures)
        {
            values.Add(new PropertyValue("title", culture, title));
            values.Add(new PropertyValue("bodyText", culture, richBody));
            values.Add(new PropertyValue("umbracoUrlName", culture, slug));
        }

        if (blocks is not null)
        {
            values.Add(new PropertyValue("blocks", null, blocks));
        }

        var key = Guid.NewGuid();
        var data = new ContentData(cultures.ToDictionary(c => c.Key, c => c.Value.Title), values);
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, about.Key, "page", data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var published = await site.Services.GetRequiredService<IPublishingService>()
            .PublishAsync(key, [.. cultures.Keys], "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
        return key;
    }

    /// <summary>
    /// Publishes a changed copy of a published node's data straight into storage, past validation, as an import made
    /// before a rule existed would have left it; then refreshes the snapshot the way every publish does.
    /// </summary>
    public static async Task PublishBelowValidationAsync(this WebApplicationFactory<Program> site, Guid key, Func<ContentData, ContentData> change)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(change);
        var now = DateTime.UtcNow;
        await using (var db = site.Services.GetRequiredService<ISiteDbContextFactory>().Create())
        {
            var node = await db.Nodes.SingleAsync(n => n.Key == key);
            var current = await db.Versions.SingleAsync(v => v.Id == node.CurrentVersionId);
            var version = new ContentVersionRecord
            {
                NodeKey = key,
                Number = current.Number + 1,
                CreatedAtUtc = now,
                CreatedBy = "test (below validation)",
                DataJson = ContentMapping.Serialize(change(ContentMapping.DeserializeData(current.DataJson))),
            };
            db.Versions.Add(version);
            await db.SaveChangesAsync();

            var published = await db.PublishedCultures.Where(p => p.NodeKey == key).ToListAsync();
            Assert.NotEmpty(published);
            foreach (var culture in published)
            {
                culture.VersionId = version.Id;
                culture.PublishedAtUtc = now;
            }

            node.CurrentVersionId = version.Id;
            node.InvariantPublishedVersionId = version.Id;
            node.UpdateDateUtc = now;
            db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = "publish", Cultures = string.Join(',', published.Select(p => p.Culture)), AtUtc = now });
            await db.SaveChangesAsync();
        }

        await site.Services.GetRequiredService<IPublishedSnapshotService>().RefreshAsync(CancellationToken.None);
    }

    /// <summary>Takes test articles out of the shared news list for good (recycle bin, then emptied).</summary>
    public static async Task RemoveAsync(this WebApplicationFactory<Program> site, params Guid[] keys)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(keys);
        var user = new BackOfficeUser("tests@forum.test", "Tests", new HashSet<string> { BackOfficeGroups.Administrators });
        var tree = site.Services.GetRequiredService<IContentTreeService>();
        foreach (var key in keys)
        {
            await tree.TrashAsync(key, user, CancellationToken.None);
        }

        await tree.EmptyRecycleBinAsync(user, CancellationToken.None);
    }
}
