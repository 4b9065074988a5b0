using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Search;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>Speakers are found by name, organisation and biography, in both languages, and a session by its agenda's words.</summary>
public sealed class SpeakerSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<Guid> Find(SearchTestEngine engine, string text, string culture) =>
        [.. engine.Search.Search(new SearchQuery(text, culture, null) { Take = 50 }).Items.Select(i => i.Key)];

    [Fact]
    public async Task A_speaker_is_found_by_name_organisation_and_biography_in_each_language()
    {
        await using var engine = await SearchTestEngine.StartAsync();
        var content = engine.Services.GetRequiredService<IContentService>();
        var data = ProgrammeJson.Speaker("欧阳测试", "Quillon Ouyang", "紫金山实验学校", "Purplemount Laboratory School");
        var key = Guid.NewGuid();
        Assert.True((await content.SaveAsync(new ContentEdit(key, KnownContent.SpeakersIndex, "speaker", data), "test", Ct)).Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(key, [KnownContent.Chinese, KnownContent.English], "test", Ct)).Succeeded);
        await engine.WaitUntilCurrentAsync();

        Assert.Contains(key, Find(engine, "Quillon", KnownContent.English));
        Assert.Contains(key, Find(engine, "Purplemount", KnownContent.English));
        Assert.Contains(key, Find(engine, "test content", KnownContent.English));
        Assert.Contains(key, Find(engine, "欧阳测试", KnownContent.Chinese));
        Assert.Contains(key, Find(engine, "紫金山实验学校", KnownContent.Chinese));
        Assert.Contains(key, Find(engine, "测试内容", KnownContent.Chinese));
    }
}
