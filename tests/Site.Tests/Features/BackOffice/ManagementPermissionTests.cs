using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// Every management API action, called by every group: allowed ones succeed, the others get 403 and change nothing.
/// The translator's culture is en-US. Each case works on a draft article of its own.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ManagementPermissionTests(SiteFactory site)
{
    private const string A = BackOfficeGroups.Administrators;
    private const string E = BackOfficeGroups.Editors;
    private const string W = BackOfficeGroups.Writers;
    private const string T = BackOfficeGroups.Translators;

    private static readonly BackOfficeUser Setup = new("setup@forum.test", "Setup", new HashSet<string> { A });

    /// <summary>Action → the groups allowed to do it.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["read-tree"] = [A, E, W, T],
        ["read-document"] = [A, E, W, T],
        ["create"] = [A, E, W],
        ["save-en"] = [A, E, W, T],
        ["save-zh"] = [A, E, W],
        ["save-invariant"] = [A, E, W],
        ["submit-en"] = [A, E, W, T],
        ["submit-zh"] = [A, E, W],
        ["approve"] = [A, E],
        ["reject"] = [A, E],
        ["publish"] = [A, E],
        ["unpublish"] = [A, E],
        ["schedule"] = [A, E],
        ["move"] = [A, E, W],
        ["sort"] = [A, E, W],
        ["copy"] = [A, E, W],
        ["trash"] = [A, E],
        ["restore"] = [A, E],
        ["empty-recycle-bin"] = [A, E],
        ["rollback"] = [A, E, W],
        ["translate-en"] = [A, E, W, T],
        ["translate-zh"] = [A, E, W],
        ["versions"] = [A, E, W, T],
        ["review-tasks"] = [A, E, W, T],
        ["translations"] = [A, E, W, T],
        ["audit"] = [A, E, W, T],
        ["media-list"] = [A, E, W, T],
        ["media-upload"] = [A, E, W],
        ["markdown-preview"] = [A, E, W, T],
        ["users"] = [A],
        ["user-create"] = [A],
        ["members"] = [A, E],
        ["member-applications"] = [A, E],
        ["indexer"] = [A],
        ["indexer-rebuild"] = [A],
        ["current-user"] = [A, E, W, T],
        ["diff"] = [A, E, W, T],
        ["schedules"] = [A, E, W, T],
        ["schedule-cancel"] = [A, E],
        ["media-update"] = [A, E, W],
        ["media-delete"] = [A, E],
        ["member-groups"] = [A, E],
        ["user-update"] = [A],
        ["user-lock"] = [A],
        ["user-unlock"] = [A],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in Allowed.Keys)
        {
            foreach (var group in BackOfficeGroups.All)
            {
                data.Add(action, group);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_group_may_do_exactly_what_the_permission_table_allows(string action, string group)
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var key = await NewDraftAsync();
        using var client = await BackOfficeApi.ClientAsync(site, group);

        using var response = await CallAsync(client, action, key);
        await RemoveWhatThisCaseMadeAsync(started);

        var body = await response.Content.ReadAsStringAsync();
        if (Allowed[action].Contains(group))
        {
            Assert.True(response.IsSuccessStatusCode, $"{group} {action}: {(int)response.StatusCode} {body}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<HttpResponseMessage> CallAsync(HttpClient client, string action, Guid key)
    {
        var document = $"/document/{key}";
        switch (action)
        {
            case "read-tree": return await client.GetApiAsync("/tree/document/children");
            case "read-document": return await client.GetApiAsync(document);
            case "create":
                return await client.PostJsonAsync("/document", new
                {
                    parentId = NewsIndex,
                    contentType = "newsArticle",
                    names = new Dictionary<string, string> { ["zh-CN"] = "新文章", ["en-US"] = "New article" },
                    values = Values("新文章", "New article"),
                });
            case "save-en": return await client.PutJsonAsync(document, Save(key, en: "Changed in English"));
            case "save-zh": return await client.PutJsonAsync(document, Save(key, zh: "中文改动"));
            case "save-invariant": return await client.PutJsonAsync(document, Save(key, publishDate: "2026-03-01"));
            case "submit-en": return await client.PostJsonAsync(document + "/submit", new { culture = "en-US", comment = "please review" });
            case "submit-zh": return await client.PostJsonAsync(document + "/submit", new { culture = "zh-CN" });
            case "approve":
                await Services<IWorkflowService>().SubmitAsync(key, "en-US", Setup, null, CancellationToken.None);
                return await client.PostJsonAsync(document + "/approve", new { culture = "en-US", comment = "good" });
            case "reject":
                await Services<IWorkflowService>().SubmitAsync(key, "en-US", Setup, null, CancellationToken.None);
                return await client.PostJsonAsync(document + "/reject", new { culture = "en-US", comment = "needs work" });
            case "publish": return await client.PostJsonAsync(document + "/publish", new { cultures = new[] { "zh-CN", "en-US" } });
            case "unpublish":
                Assert.True((await Services<IPublishingService>().PublishAsync(key, ["zh-CN", "en-US"], "setup", CancellationToken.None)).Succeeded);
                return await client.PostJsonAsync(document + "/unpublish", new { culture = "en-US" });
            case "schedule":
                return await client.PostJsonAsync(document + "/schedule", new { culture = "en-US", action = "Publish", dueAtUtc = DateTime.UtcNow.AddDays(30) });
            case "move": return await client.PostJsonAsync(document + "/move", new { parentId = NewsIndex });
            case "sort":
                var siblings = await Services<IContentService>().GetChildrenAsync(NewsIndex, CancellationToken.None);
                return await client.PostJsonAsync("/document/sort", new { parentId = NewsIndex, ids = siblings.Select(s => s.Key).Reverse().ToArray() });
            case "copy": return await client.PostJsonAsync(document + "/copy", new { parentId = NewsIndex, includeDescendants = false });
            case "trash": return await client.DeleteApiAsync(document);
            case "restore":
                await Services<IContentTreeService>().TrashAsync(key, Setup, CancellationToken.None);
                return await client.PostJsonAsync($"/recycle-bin/document/{key}/restore", new { });
            case "empty-recycle-bin":
                await Services<IContentTreeService>().TrashAsync(key, Setup, CancellationToken.None);
                return await client.DeleteApiAsync("/recycle-bin/document");
            case "rollback":
                await SaveAsync(key, "Second version");
                return await client.PostJsonAsync(document + "/rollback", new { version = 1 });
            case "translate-en": return await client.PostJsonAsync(document + "/translation", new { sourceCulture = "zh-CN", targetCulture = "en-US" });
            case "translate-zh": return await client.PostJsonAsync(document + "/translation", new { sourceCulture = "en-US", targetCulture = "zh-CN" });
            case "versions": return await client.GetApiAsync(document + "/versions");
            case "review-tasks": return await client.GetApiAsync("/review/pending");
            case "translations": return await client.GetApiAsync("/translation/outstanding");
            case "audit": return await client.GetApiAsync("/audit?take=5");
            case "media-list": return await client.GetApiAsync("/media");
            case "media-upload":
                using (var form = new MultipartFormDataContent())
                {
                    var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
                    pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                    form.Add(pdf, "file", "programme.pdf");
                    return await client.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), form);
                }

            case "markdown-preview": return await client.PostJsonAsync("/markdown/preview", new { markdown = "**bold**" });
            case "users": return await client.GetApiAsync("/user");
            case "user-create":
                return await client.PostJsonAsync("/user", new { email = $"new-{Guid.NewGuid():N}@forum.test", name = "New writer", password = BackOfficeApi.Password, groups = new[] { W } });
            case "members": return await client.GetApiAsync("/member");
            case "member-applications": return await client.GetApiAsync("/member/application");
            case "indexer": return await client.GetApiAsync("/indexer");
            case "indexer-rebuild":
                // A rebuild already running answers 409 to anyone allowed; that still shows the permission held.
                var rebuild = await client.PostJsonAsync("/indexer/rebuild", new { });
                return rebuild.StatusCode == System.Net.HttpStatusCode.Conflict ? new HttpResponseMessage(System.Net.HttpStatusCode.Accepted) : rebuild;
            case "current-user": return await client.GetApiAsync("/user/current");
            case "diff": return await client.GetApiAsync(document + "/diff?from=1&to=1");
            case "schedules": return await client.GetApiAsync(document + "/schedule");
            case "schedule-cancel":
                var (scheduled, due) = await Services<ISchedulingService>().ScheduleAsync(key, "en-US", ScheduledActionKind.Publish, DateTime.UtcNow.AddDays(30), Setup, CancellationToken.None);
                Assert.True(scheduled.Succeeded);
                return await client.DeleteApiAsync($"/schedule/{due!.Id}");
            case "media-update":
            case "media-delete":
                var media = await Services<Site.Core.Media.IMediaService>().UploadAsync(
                    new MemoryStream("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()), "matrix.pdf", new Dictionary<string, string>(), null, Setup, CancellationToken.None);
                Assert.True(media.Succeeded);
                return action == "media-update"
                    ? await client.PutJsonAsync($"/media/{media.Item!.Key}", new { altText = new Dictionary<string, string> { ["en-US"] = "Programme" }, focalLeft = 0.5, focalTop = 0.5 })
                    : await client.DeleteApiAsync($"/media/{media.Item!.Key}");
            case "member-groups": return await client.GetApiAsync("/member/group");
            case "user-update":
            case "user-lock":
            case "user-unlock":
                var target = await BackOfficeApi.CreateUserAsync(site, W);
                return action switch
                {
                    "user-update" => await client.PutJsonAsync($"/user/{target.Id}", new { name = "Renamed writer", groups = new[] { W }, uiCulture = "en-US" }),
                    "user-lock" => await client.PostJsonAsync($"/user/{target.Id}/lock", new { }),
                    _ => await client.PostJsonAsync($"/user/{target.Id}/unlock", new { }),
                };
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>The news list is shared with other tests (paging, feeds): every article a case made goes for good.</summary>
    private async Task RemoveWhatThisCaseMadeAsync(DateTime since)
    {
        var tree = Services<IContentTreeService>();
        foreach (var child in await Services<IContentService>().GetChildrenAsync(NewsIndex, CancellationToken.None))
        {
            if (child.CreateDateUtc >= since)
            {
                await tree.TrashAsync(child.Key, Setup, CancellationToken.None);
            }
        }

        await tree.EmptyRecycleBinAsync(Setup, CancellationToken.None);
    }

    private Guid NewsIndex => site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key;

    private TService Services<TService>()
        where TService : notnull => site.Services.GetRequiredService<TService>();

    private static object[] Values(string zh, string en, string publishDate = "2026-02-01", string? slug = null) =>
    [
        new { alias = "publishDate", culture = (string?)null, value = publishDate },
        new { alias = "title", culture = (string?)"zh-CN", value = zh },
        new { alias = "title", culture = (string?)"en-US", value = en },
        new { alias = "bodyText", culture = (string?)"zh-CN", value = zh + "正文" },
        new { alias = "bodyText", culture = (string?)"en-US", value = en + " body" },
        new { alias = "umbracoUrlName", culture = (string?)"zh-CN", value = slug ?? "draft-" + Guid.NewGuid().ToString("N")[..8] },
        new { alias = "umbracoUrlName", culture = (string?)"en-US", value = slug ?? "draft-" + Guid.NewGuid().ToString("N")[..8] },
    ];

    /// <summary>The current version with one change: what an editor's form sends.</summary>
    private object Save(Guid key, string? en = null, string? zh = null, string? publishDate = null)
    {
        var node = Services<IContentService>().GetAsync(key, CancellationToken.None).GetAwaiter().GetResult()!;
        var data = node.CurrentVersion.Data;
        var values = data.Values.Select(v => new
        {
            alias = v.Alias,
            culture = v.Culture,
            value = v switch
            {
                { Alias: "title", Culture: "en-US" } when en is not null => en,
                { Alias: "title", Culture: "zh-CN" } when zh is not null => zh,
                { Alias: "publishDate" } when publishDate is not null => publishDate,
                _ => v.Value,
            },
        }).ToArray();
        return new { expectedVersion = node.CurrentVersion.Number, names = data.Names, values };
    }

    private async Task SaveAsync(Guid key, string englishTitle)
    {
        var node = (await Services<IContentService>().GetAsync(key, CancellationToken.None))!;
        var data = node.CurrentVersion.Data;
        var values = data.Values.Select(v => v is { Alias: "title", Culture: "en-US" } ? v with { Value = englishTitle } : v).ToList();
        var saved = await Services<IContentService>().SaveAsync(
            new ContentEdit(key, node.ParentKey, node.ContentTypeAlias, data with { Values = values }), "setup", CancellationToken.None);
        Assert.True(saved.Succeeded);
    }

    /// <summary>A valid bilingual draft under the news list, never published unless a case does it.</summary>
    private async Task<Guid> NewDraftAsync()
    {
        var key = Guid.NewGuid();
        var slug = "perm-" + key.ToString("N")[..8];
        var data = new ContentData(
            new Dictionary<string, string> { ["zh-CN"] = "权限测试 " + slug, ["en-US"] = "Permission test " + slug },
            [
                new PropertyValue("publishDate", null, "2026-02-01"),
                new PropertyValue("title", "zh-CN", "权限测试"),
                new PropertyValue("title", "en-US", "Permission test"),
                new PropertyValue("bodyText", "zh-CN", "正文"),
                new PropertyValue("bodyText", "en-US", "Body"),
                new PropertyValue("umbracoUrlName", "zh-CN", slug),
                new PropertyValue("umbracoUrlName", "en-US", slug),
            ]);
        var saved = await Services<IContentService>().SaveAsync(new ContentEdit(key, NewsIndex, "newsArticle", data), "setup", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        return key;
    }
}
