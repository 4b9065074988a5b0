using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Publishing;

/// <summary>PublishingService.PublishAsync: Umbraco's rules for cultures, parents, mandatory values and invariant values.</summary>
public sealed class PublishingServicePublishTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<PublishResult> PublishAsync(TestEngine engine, Guid key, params string[] cultures) =>
        engine.Publishing.PublishAsync(key, cultures, TestEngineExtensions.Editor, Ct);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task English_alone_is_refused_while_the_mandatory_Chinese_is_not_published(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var page = await engine.CreatePageAsync(Home, "新页面", "New page");
        var counts = await engine.CountRowsAsync();
        var generation = engine.Snapshots.Current.Generation;

        var result = await PublishAsync(engine, page.Key, English);

        Assert.Equal(PublishStatus.MandatoryCultureMissing, result.Status);
        Assert.Empty(result.Cultures);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Chinese, error.Culture);
        Assert.Equal("zh-CN is a mandatory language: publish it first, or together with this one.", error.Message.Get(English));
        Assert.Contains("zh-CN", error.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.Equal(counts, await engine.CountRowsAsync());
        Assert.Equal(generation, engine.Snapshots.Current.Generation);
        Assert.False((await engine.GetRequiredAsync(page.Key)).IsPublishedInAnyCulture);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Chinese_and_English_together_go_live(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var page = await engine.CreatePageAsync(Home, "新页面", "New page", urlName: "new-page");

        var result = await PublishAsync(engine, page.Key, English, Chinese);

        Assert.Equal(PublishStatus.Success, result.Status);
        Assert.Equal([English, Chinese], result.Cultures);
        Assert.Empty(result.Errors);
        var node = await engine.GetRequiredAsync(page.Key);
        Assert.True(node.IsPublished(Chinese) && node.IsPublished(English));
        Assert.All(node.PublishedCultures, p => Assert.Equal(node.CurrentVersion.Id, p.VersionId));
        Assert.Equal(node.CurrentVersion.Id, node.InvariantPublishedVersionId);
        var snapshot = engine.Snapshots.Current;
        Assert.Same(snapshot.GetByKey(page.Key), snapshot.GetByRoute("/en/new-page"));
        Assert.Same(snapshot.GetByKey(page.Key), snapshot.GetByRoute("/zh/new-page"));
        Assert.Equal("New page", snapshot.GetByKey(page.Key)!.Name(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Once_Chinese_is_live_English_alone_can_follow(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var page = await engine.CreatePageAsync(Home, "新页面", "New page", urlName: "new-page");

        var chinese = await PublishAsync(engine, page.Key, Chinese);
        Assert.Equal(PublishStatus.Success, chinese.Status);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/zh/new-page"));
        Assert.Null(engine.Snapshots.Current.GetByRoute("/en/new-page"));

        var english = await PublishAsync(engine, page.Key, English);

        Assert.Equal(PublishStatus.Success, english.Status);
        Assert.Equal([English], english.Cultures);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/en/new-page"));
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/zh/new-page"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Culture_codes_are_matched_whatever_their_case(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var page = await engine.CreatePageAsync(Home, "新页面", "New page", urlName: "new-page");

        var result = await PublishAsync(engine, page.Key, "zh-cn", "EN-US", "zh-CN");

        Assert.Equal(PublishStatus.Success, result.Status);
        Assert.Equal([Chinese, English], result.Cultures);
        Assert.Equal([English, Chinese], (await engine.GetRequiredAsync(page.Key)).PublishedCultures.Select(p => p.Culture));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Invariant_values_go_live_with_any_culture_while_other_cultures_keep_their_values(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var saved = await engine.EditAsync(Session13, d => d
            .WithValue("sessionNumber", null, "31")
            .WithValue("year", null, "2031")
            .WithValue("venueCity", Chinese, "赫尔辛基")
            .WithValue("venueCity", English, "Helsinki")
            .WithValue("title", English, "New English title")
            .WithValue("title", Chinese, "新的中文标题"));
        Assert.True(saved.Succeeded);

        var result = await PublishAsync(engine, Session13, Chinese);

        Assert.Equal(PublishStatus.Success, result.Status);
        var session = engine.Snapshots.Current.GetByKey(Session13)!;

        // The invariant values are shared: the English page shows the new ones at once.
        Assert.Equal(31, session.IntValue("sessionNumber", English));
        Assert.Equal(31, session.IntValue("sessionNumber", Chinese));
        Assert.Equal("2031", session.Value("year", English));

        // The varying values of English stay those of the English version that was published.
        Assert.Equal("Tampere", session.Value("venueCity", English));
        Assert.Equal("13th Jiangsu International Forum for School Principals (2017)", session.Value("title", English));
        Assert.Equal("赫尔辛基", session.Value("venueCity", Chinese));
        Assert.Equal("新的中文标题", session.Value("title", Chinese));

        var node = await engine.GetRequiredAsync(Session13);
        Assert.Equal(node.CurrentVersion.Id, node.PublishedCultures.Single(p => p.Culture == Chinese).VersionId);
        Assert.NotEqual(node.CurrentVersion.Id, node.PublishedCultures.Single(p => p.Culture == English).VersionId);
        Assert.Equal(node.CurrentVersion.Id, node.InvariantPublishedVersionId);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_parent_not_published_in_the_culture_refuses_the_child(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var parent = await engine.CreatePageAsync(Home, "上级", "Parent", urlName: "parent");
        var child = await engine.CreatePageAsync(parent.Key, "下级", "Child", urlName: "child");

        var neither = await PublishAsync(engine, child.Key, Chinese, English);
        Assert.Equal(PublishStatus.ParentNotPublished, neither.Status);
        Assert.Equal(Chinese, Assert.Single(neither.Errors).Culture);
        Assert.Equal("The parent item is not published in zh-CN: publish it first.", neither.Errors[0].Message.Get(English));

        Assert.True((await PublishAsync(engine, parent.Key, Chinese)).Succeeded);
        var englishMissing = await PublishAsync(engine, child.Key, Chinese, English);
        Assert.Equal(PublishStatus.ParentNotPublished, englishMissing.Status);
        Assert.Equal(English, Assert.Single(englishMissing.Errors).Culture);
        Assert.Contains("en-US", englishMissing.Errors[0].Message.Get(Chinese), StringComparison.Ordinal);
        Assert.False((await engine.GetRequiredAsync(child.Key)).IsPublishedInAnyCulture);

        var chineseOnly = await PublishAsync(engine, child.Key, Chinese);
        Assert.Equal(PublishStatus.Success, chineseOnly.Status);
        Assert.NotNull(engine.Snapshots.Current.GetByRoute("/zh/parent/child"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_missing_mandatory_value_in_the_culture_is_refused_naming_alias_and_culture(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.EditAsync(Session13, d => d.WithValue("title", English, null));
        var counts = await engine.CountRowsAsync();

        var result = await PublishAsync(engine, Session13, English);

        Assert.Equal(PublishStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("title", error.Alias);
        Assert.Equal(English, error.Culture);
        Assert.Equal("Enter a title for this language version.", error.Message.Get(English));
        Assert.Equal("请填写该语言版本的标题。", error.Message.Get(Chinese));
        Assert.Equal(counts, await engine.CountRowsAsync());
        Assert.Equal("13th Jiangsu International Forum for School Principals (2017)", engine.Snapshots.Current.GetByKey(Session13)!.Value("title", English));

        // The Chinese version is complete, so it may go live from the same draft.
        Assert.Equal(PublishStatus.Success, (await PublishAsync(engine, Session13, Chinese)).Status);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Missing_mandatory_values_and_names_are_all_reported(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.EditAsync(NewsSuzhou2025, d => d
            .WithName(English, string.Empty)
            .WithValue("bodyText", English, null)
            .WithValue("publishDate", null, null));

        var result = await PublishAsync(engine, NewsSuzhou2025, English);

        Assert.Equal(PublishStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Errors, e => e.Alias is null && e.Culture == English);
        Assert.Contains(result.Errors, e => e.Alias == "bodyText" && e.Culture == English);
        Assert.Contains(result.Errors, e => e.Alias == "publishDate" && e.Culture is null);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message.Get(Chinese))));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_unknown_culture_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await PublishAsync(engine, Session13, Chinese, "fr-FR");

        Assert.Equal(PublishStatus.UnknownCulture, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("fr-FR", error.Culture);
        Assert.Equal("\"fr-FR\" is not a language of this site.", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_missing_node_is_not_found(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await PublishAsync(engine, Guid.NewGuid(), Chinese);

        Assert.Equal(PublishStatus.NotFound, result.Status);
        Assert.Equal("The content item does not exist.", Assert.Single(result.Errors).Message.Get(English));
        Assert.Equal("该内容不存在。", result.Errors[0].Message.Get(Chinese));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Publishing_no_culture_puts_nothing_live(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        await engine.EditAsync(Session13, d => d.WithValue("sessionNumber", null, "31"));

        var result = await PublishAsync(engine, Session13);

        Assert.True(
            result.Status != PublishStatus.Success || engine.Snapshots.Current.GetByKey(Session13)!.IntValue("sessionNumber", English) == 13,
            "publishing an empty list of cultures put the draft's invariant values live (sessionNumber is now 31)");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Publishing_writes_the_change_journal_and_the_audit_trail(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var before = await engine.CountRowsAsync();

        await PublishAsync(engine, Session13, Chinese, English);

        var after = await engine.CountRowsAsync();
        Assert.Equal(before.ChangeJournal + 1, after.ChangeJournal);
        Assert.Equal(before.Audit + 1, after.Audit);
        Assert.Equal(before.Versions, after.Versions);
    }
}
