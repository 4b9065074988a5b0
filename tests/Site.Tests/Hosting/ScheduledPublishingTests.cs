using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>The running site's scheduler publishes at the scheduled time, with nobody pressing a button.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ScheduledPublishingTests(SiteFactory site)
{
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    [Fact]
    public async Task A_scheduled_article_goes_live_by_itself()
    {
        var snapshots = site.Services.GetRequiredService<IPublishedSnapshotAccessor>();
        var newsIndex = snapshots.Current.OfType("newsIndex").Single();
        var slug = "scheduled-" + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid();
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = "定时发布", ["en-US"] = "Scheduled article" },
            [
                new("publishDate", null, "2026-02-01"),
                new("title", "zh-CN", "定时发布"), new("title", "en-US", "Scheduled article"),
                new("bodyText", "zh-CN", "正文"), new("bodyText", "en-US", "Body"),
                new("umbracoUrlName", "zh-CN", slug), new("umbracoUrlName", "en-US", slug),
            ]);
        var saved = await site.Services.GetRequiredService<IContentService>().SaveAsync(new ContentEdit(key, newsIndex.Key, "newsArticle", data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded);
        var scheduling = site.Services.GetRequiredService<ISchedulingService>();
        var due = DateTime.UtcNow.AddSeconds(1);
        Assert.True((await scheduling.ScheduleAsync(key, "zh-CN", ScheduledActionKind.Publish, due, Editor, CancellationToken.None)).Result.Succeeded);
        Assert.True((await scheduling.ScheduleAsync(key, "en-US", ScheduledActionKind.Publish, due, Editor, CancellationToken.None)).Result.Succeeded);

        using var client = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/en/news/{slug}", UriKind.Relative))).StatusCode);

        // Polled with a generous limit: the scheduler fires within its poll interval after the due time.
        var waited = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            status = (await client.GetAsync(new Uri($"/en/news/{slug}", UriKind.Relative))).StatusCode;
        }
        while (status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, status);
        // The outcome is written after the publish it records: the page can be live a moment before it is.
        IReadOnlyList<ScheduledAction> actions;
        do
        {
            actions = await scheduling.GetForNodeAsync(key, CancellationToken.None);
            await Task.Delay(actions.Any(a => a.Outcome is null) ? 100 : 0);
        }
        while (actions.Any(a => a.Outcome is null) && waited.Elapsed < TimeSpan.FromSeconds(30));

        Assert.All(actions, a => Assert.Equal("done", a.Outcome));
    }
}
