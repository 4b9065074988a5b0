using Site.Core.Content;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Programme;

/// <summary>Creates and publishes the sessions and speakers a programme test needs (the repository ships none).</summary>
internal static class ProgrammeTestContent
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<SaveResult> SaveSessionAsync(TestEngine engine, ContentData data, Guid? key = null) =>
        engine.SaveAsync(new ContentEdit(key ?? Guid.NewGuid(), KnownContent.Sessions, "session", data, null));

    public static async Task<Guid> PublishSessionAsync(TestEngine engine, ContentData data)
    {
        var saved = await SaveSessionAsync(engine, data);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.Get(KnownContent.English))));
        await PublishAsync(engine, saved.Node!.Key);
        return saved.Node!.Key;
    }

    public static async Task<Guid> PublishSpeakerAsync(TestEngine engine, ContentData data)
    {
        var saved = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), KnownContent.SpeakersIndex, "speaker", data, null));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.Get(KnownContent.English))));
        await PublishAsync(engine, saved.Node!.Key);
        return saved.Node!.Key;
    }

    private static async Task PublishAsync(TestEngine engine, Guid key)
    {
        var published = await engine.Publishing.PublishAsync(key, [KnownContent.Chinese, KnownContent.English], TestEngineExtensions.Editor, Ct);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.Get(KnownContent.English))));
    }
}
