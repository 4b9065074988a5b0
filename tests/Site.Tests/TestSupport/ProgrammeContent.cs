using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;

namespace Site.Tests.TestSupport;

/// <summary>Publishes test sessions (under the session archive) and speakers (under the speakers index); remove them with <see cref="ContentBuilder.RemoveAsync"/>.</summary>
public static class ProgrammeContent
{
    public static Task<Guid> PublishSessionAsync(this WebApplicationFactory<Program> site, ContentData data) =>
        PublishAsync(site, "sessionArchive", "session", data);

    public static Task<Guid> PublishSpeakerAsync(this WebApplicationFactory<Program> site, ContentData data) =>
        PublishAsync(site, "speakerIndex", "speaker", data);

    private static async Task<Guid> PublishAsync(WebApplicationFactory<Program> site, string parentType, string type, ContentData data)
    {
        ArgumentNullException.ThrowIfNull(site);
        var parent = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType(parentType).Single();
        var key = Guid.NewGuid();
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, parent.Key, type, data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        var published = await site.Services.GetRequiredService<IPublishingService>()
            .PublishAsync(key, [.. data.Names.Keys], "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
        return key;
    }
}
