using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;

namespace Site.Core.Tests.Content;

public sealed class TranslationServiceTests
{
    private static readonly BackOfficeUser Translator = new("t@jesie", "Translator", new HashSet<string> { BackOfficeGroups.Translators }, "en-US");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_lists_missing_and_stale_translations()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        await using var engine = await TestEngine.StartAsync(configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var translations = engine.Services.GetRequiredService<ITranslationService>();
        Assert.Empty(await translations.GetOutstandingAsync(Ct));

        clock.Advance(TimeSpan.FromHours(1));
        var chineseOnly = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), KnownContent.Home, "page",
            ContentDataExtensions.Create([("zh-CN", "只有中文")], [("title", "zh-CN", "只有中文")])));
        clock.Advance(TimeSpan.FromHours(1));
        await engine.EditAsync(KnownContent.Session13, d => d.WithValue("bodyText", "zh-CN", "更新后的中文正文"));

        var outstanding = await translations.GetOutstandingAsync(Ct);

        Assert.Equal(2, outstanding.Count);
        Assert.Contains(outstanding, t => t.Key == chineseOnly.Node!.Key && t.Culture == "en-US" && t.State == TranslationState.Missing);
        var stale = Assert.Single(outstanding, t => t.Key == KnownContent.Session13);
        Assert.Equal(("en-US", TranslationState.Stale), (stale.Culture, stale.State));
        Assert.True(stale.CultureUpdatedUtc < stale.OtherUpdatedUtc);
    }

    [Fact]
    public async Task Starting_from_the_chinese_text_fills_only_what_the_translation_lacks()
    {
        await using var engine = await TestEngine.StartAsync();
        var translations = engine.Services.GetRequiredService<ITranslationService>();
        var created = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), KnownContent.Home, "page",
            ContentDataExtensions.Create([("zh-CN", "中文标题")], [("title", "zh-CN", "中文标题"), ("bodyText", "zh-CN", "中文正文"), ("title", "en-US", "Kept English title")])));

        var started = await translations.StartFromAsync(created.Node!.Key, "zh-CN", "en-US", Translator, Ct);

        Assert.True(started.Succeeded);
        var data = started.Node!.CurrentVersion.Data;
        Assert.Equal("中文标题", data.GetName("en-US"));
        Assert.Equal("中文正文", EditorValues.RichTextMarkup(data.GetValue("bodyText", "en-US")));
        Assert.Equal("Kept English title", data.GetValue("title", "en-US"));
        Assert.Equal(SaveStatus.Forbidden, (await translations.StartFromAsync(created.Node.Key, "en-US", "zh-CN", Translator, Ct)).Status);
    }
}
