using Microsoft.Extensions.DependencyInjection;
using Site.Core.Audit;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Audit;

public sealed class AuditTrailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_trail_is_filtered_by_user_action_item_and_culture_newest_first()
    {
        await using var engine = await TestEngine.StartAsync();
        var trail = engine.Services.GetRequiredService<IAuditTrail>();
        await engine.EditAsync(KnownContent.About, d => d.WithValue("title", "en-US", "Audited"));
        await engine.Publishing.PublishAsync(KnownContent.About, ["en-US"], "publisher@jesie", Ct);

        var (importTotal, imports) = await trail.QueryAsync(new AuditQuery(Action: AuditActions.Import), Ct);
        var (_, aboutEntries) = await trail.QueryAsync(new AuditQuery(NodeKey: KnownContent.About), Ct);
        var (_, english) = await trail.QueryAsync(new AuditQuery(User: "publisher@jesie", Culture: "en-US"), Ct);
        var (_, none) = await trail.QueryAsync(new AuditQuery(FromUtc: DateTime.UtcNow.AddDays(1)), Ct);

        Assert.Equal(1, importTotal);
        Assert.Equal("uSync", Assert.Single(imports).User);
        Assert.Equal([AuditActions.Publish, AuditActions.Save], aboutEntries.Select(e => e.Action));
        Assert.Equal(["en-US"], Assert.Single(english).Cultures);
        Assert.Empty(none);
    }
}
