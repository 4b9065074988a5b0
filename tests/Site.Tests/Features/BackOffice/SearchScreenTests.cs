using System.Net;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The search index screen at /umbraco/search (administrators only): status, rebuild and its progress.</summary>
public sealed class SearchScreenTests(SiteFactory site)
{
    [Fact]
    public async Task Editors_are_refused_the_search_index_screen()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/umbraco/search")).Response.StatusCode);
        var (_, page) = await editor.GetAsync("/umbraco");
        Assert.Equal(HttpStatusCode.Forbidden, await PostRebuildAsync(editor, page));
    }

    private static async Task<HttpStatusCode> PostRebuildAsync(Members.MemberClient browser, AngleSharp.Dom.IDocument anyPage)
    {
        var token = anyPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return (await browser.PostAsync("/umbraco/search/rebuild", new Dictionary<string, string> { ["__RequestVerificationToken"] = token })).Response.StatusCode;
    }

    [Fact]
    public async Task An_administrator_starts_a_rebuild_and_sees_it_run_or_finish()
    {
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        var (response, page) = await admin.GetAsync("/umbraco/search");
        var t = BackOfficeScreens.TextOf(page);
        Assert.Equal(t.Search, BackOfficeScreens.AssertPage(response, page));
        Assert.NotNull(page.QuerySelector("#index-documents"));
        Assert.NotNull(page.QuerySelector("#index-skipped"));

        var (started, _) = await admin.SubmitAsync("/umbraco/search", new Dictionary<string, string>(), "form[action='/umbraco/search/rebuild']");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.True(location is "/umbraco/search?rebuild=started" or "/umbraco/search?rebuild=running", location);

        var (_, after) = await admin.GetAsync(location);
        Assert.NotNull(after.QuerySelector("main .notice"));
        if (after.QuerySelector("#index-progress") is { } progress)
        {
            Assert.Equal("progress", progress.LocalName);
            Assert.NotNull(after.QuerySelector("label[for=index-progress]"));
            Assert.Equal("polite", after.QuerySelector("#index-status-text")!.GetAttribute("aria-live"));
            Assert.NotNull(after.QuerySelector("script[src^='/umbraco/search-admin.js']"));
            Assert.NotNull(after.QuerySelector("main a[href='/umbraco/search']"));
            Assert.Null(after.QuerySelector("meta[http-equiv=refresh]"));
        }

        // What the script polls answers the cookie, in the names it reads.
        var status = await admin.Http.GetApiAsync("/indexer");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var json = await status.ReadObjectAsync();
        foreach (var name in new[] { "documents", "indexedGeneration", "snapshotGeneration", "rebuilding", "processed", "total", "skipped" })
        {
            Assert.True(json.ContainsKey(name), name);
        }

        // Documents the index could not make are listed, not hidden: none in the repository's content.
        Assert.Empty(json["skipped"]!.AsArray());

        // The rebuild ends: the page then shows the last rebuild and no progress bar.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        AngleSharp.Dom.IDocument finished;
        do
        {
            await Task.Delay(200);
            (_, finished) = await admin.GetAsync("/umbraco/search");
        }
        while (finished.QuerySelector("#index-progress") is not null && DateTime.UtcNow < deadline);

        Assert.Null(finished.QuerySelector("#index-progress"));
        Assert.Contains(t.LastRebuild, finished.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(new Uri("/umbraco/search-admin.js", UriKind.Relative))).StatusCode);
    }
}
