using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;

namespace Site.Tests.TestSupport;

/// <summary>
/// A gallery of generated photos on the 13th session (published), for page and API tests; disposing puts the
/// session back as it was (without a gallery) and deletes the photos. Tests using it belong to the content-changes collection.
/// </summary>
public sealed class SessionGallery : IAsyncDisposable
{
    public const string EnglishUrl = "/en/sessions/13th-forum-2017";
    public const string ChineseUrl = "/zh/sessions/13th-forum-2017";

    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    private readonly SiteFactory _site;
    private readonly IReadOnlyList<string> _cultures;

    private SessionGallery(SiteFactory site, Guid session, IReadOnlyList<string> cultures, IReadOnlyList<MediaItem> photos, string value)
    {
        _site = site;
        Session = session;
        _cultures = cultures;
        Photos = photos;
        Value = value;
    }

    public Guid Session { get; }

    /// <summary>In the gallery's order: a wide photo (focal point on the right, overridden in the pick), a tall one, a small one.</summary>
    public IReadOnlyList<MediaItem> Photos { get; }

    public string Value { get; }

    /// <summary>Sets the session's gallery to <paramref name="value"/> as stored (no check), published; disposing clears it.</summary>
    public static async Task<SessionGallery> WithValueAsync(SiteFactory site, string value)
    {
        ArgumentNullException.ThrowIfNull(site);
        var (session, cultures) = await SaveAndPublishAsync(site, value);
        return new SessionGallery(site, session, cultures, [], value);
    }

    private static async Task<(Guid Session, List<string> Cultures)> SaveAndPublishAsync(SiteFactory site, string value)
    {
        var session = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.GetByRoute(EnglishUrl)!.Key;
        var content = site.Services.GetRequiredService<IContentService>();
        var before = (await content.GetAsync(session, CancellationToken.None))!;
        var cultures = before.PublishedCultures.Select(p => p.Culture).ToList();
        var data = before.CurrentVersion.Data with
        {
            Values = [.. before.CurrentVersion.Data.Values.Where(v => v.Alias != "gallery"), new PropertyValue("gallery", null, value)],
        };
        var saved = await content.SaveAsync(new ContentEdit(session, before.ParentKey, before.ContentTypeAlias, data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        Assert.True((await site.Services.GetRequiredService<IPublishingService>().PublishAsync(session, cultures, "test", CancellationToken.None)).Succeeded);
        return (session, cultures);
    }

    public static async Task<SessionGallery> CreateAsync(SiteFactory site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var media = site.Services.GetRequiredService<IMediaService>();
        var photos = new List<MediaItem>();
        foreach (var (width, height, focal, zh, en) in new[]
        {
            (1600, 900, new FocalPoint(0.8, 0.5), "大会主会场", "The main hall"),
            (900, 1200, new FocalPoint(0.5, 0.2), "校长们合影", "Principals together"),
            (400, 300, FocalPoint.Centre, "签约仪式", "The signing"),
        })
        {
            using var picture = Image.Black(width, height, bands: 3);
            var result = await media.UploadAsync(new MemoryStream(picture.JpegsaveBuffer()), $"gallery-{width}x{height}.jpg",
                new Dictionary<string, string> { ["zh-CN"] = zh, ["en-US"] = en }, focal, Editor, CancellationToken.None);
            Assert.True(result.Succeeded);
            photos.Add(result.Item!);
        }

        var value = $$$"""
            [{"key":"{{{Guid.NewGuid()}}}","mediaKey":"{{{photos[0].Key}}}","mediaTypeAlias":"Image","crops":[{"alias":"thumbnail","width":480,"height":360,"coordinates":{"x1":0.1,"y1":0.05,"x2":0.2,"y2":0.1}}],"focalPoint":{"left":0.25,"top":0.5}},
             {"key":"{{{Guid.NewGuid()}}}","mediaKey":"{{{photos[1].Key}}}","mediaTypeAlias":"Image","crops":[],"focalPoint":null},
             {"key":"{{{Guid.NewGuid()}}}","mediaKey":"{{{photos[2].Key}}}","mediaTypeAlias":"Image"}]
            """.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        var (session, cultures) = await SaveAndPublishAsync(site, value);
        return new SessionGallery(site, session, cultures, photos, value);
    }

    public async ValueTask DisposeAsync()
    {
        var content = _site.Services.GetRequiredService<IContentService>();
        var now = (await content.GetAsync(Session, CancellationToken.None))!;
        await content.SaveAsync(
            new ContentEdit(Session, now.ParentKey, now.ContentTypeAlias, now.CurrentVersion.Data with { Values = [.. now.CurrentVersion.Data.Values.Where(v => v.Alias != "gallery")] }),
            "test",
            CancellationToken.None);
        await _site.Services.GetRequiredService<IPublishingService>().PublishAsync(Session, _cultures, "test", CancellationToken.None);
        foreach (var photo in Photos)
        {
            await _site.Services.GetRequiredService<IMediaService>().DeleteAsync(photo.Key, Editor, CancellationToken.None);
        }
    }
}
