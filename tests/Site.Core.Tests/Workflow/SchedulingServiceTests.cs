using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Workflow;

public sealed class SchedulingServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestEngine Engine, ManualClock Clock, ISchedulingService Scheduling)> StartAsync(TestDatabase database)
    {
        var clock = new ManualClock(Start);
        var engine = await TestEngine.StartAsync(database, configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        return (engine, clock, engine.Services.GetRequiredService<ISchedulingService>());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_scheduled_publish_fires_when_due_and_not_before(TestDatabase database)
    {
        var (engine, clock, scheduling) = await StartAsync(database);
        await using var _ = engine;
        await engine.EditAsync(KnownContent.About, d => d.WithValue("title", KnownContent.English, "Scheduled title"));
        var (result, action) = await scheduling.ScheduleAsync(KnownContent.About, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddHours(2), Editor, Ct);
        Assert.True(result.Succeeded);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await scheduling.RunDueAsync("instance-a", Ct));
        Assert.NotEqual("Scheduled title", engine.Snapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await scheduling.RunDueAsync("instance-a", Ct));
        Assert.Equal("Scheduled title", engine.Snapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));
        var ran = Assert.Single(await scheduling.GetForNodeAsync(KnownContent.About, Ct));
        Assert.Equal(action!.Id, ran.Id);
        Assert.Equal("done", ran.Outcome);
        Assert.Equal(0, await scheduling.RunDueAsync("instance-a", Ct));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Several_instances_polling_at_once_run_each_action_exactly_once(TestDatabase database)
    {
        var (engine, clock, scheduling) = await StartAsync(database);
        await using var _ = engine;
        for (var i = 0; i < 6; i++)
        {
            await scheduling.ScheduleAsync(KnownContent.About, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddMinutes(10 + i), Editor, Ct);
        }

        clock.Advance(TimeSpan.FromHours(1));
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => scheduling.RunDueAsync($"instance-{i}", Ct), Ct)));

        Assert.Equal(6, counts.Sum());
        Assert.All(await scheduling.GetForNodeAsync(KnownContent.About, Ct), a => Assert.Equal("done", a.Outcome));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_scheduled_unpublish_of_the_mandatory_culture_takes_the_page_down(TestDatabase database)
    {
        var (engine, clock, scheduling) = await StartAsync(database);
        await using var _ = engine;
        await scheduling.ScheduleAsync(KnownContent.SourcesPage, "zh-CN", ScheduledActionKind.Unpublish, Start.UtcDateTime.AddDays(1), Editor, Ct);

        clock.Advance(TimeSpan.FromDays(2));
        await scheduling.RunDueAsync("instance-a", Ct);

        Assert.Null(engine.Snapshots.Current.GetByKey(KnownContent.SourcesPage));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_action_claimed_by_an_instance_that_died_is_run_by_another_after_the_claim_timeout(TestDatabase database)
    {
        var (engine, clock, scheduling) = await StartAsync(database);
        await using var _ = engine;
        await engine.EditAsync(KnownContent.About, d => d.WithValue("title", KnownContent.English, "Taken over"));
        var (_, action) = await scheduling.ScheduleAsync(KnownContent.About, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddMinutes(5), Editor, Ct);
        clock.Advance(TimeSpan.FromMinutes(10));

        // Instance A claimed the action and was killed before it wrote an outcome.
        await using (var db = engine.CreateDbContext())
        {
            var row = await db.ScheduledActions.FindAsync([action!.Id], Ct);
            row!.ClaimedAtUtc = clock.GetUtcNow().UtcDateTime;
            row.ClaimedBy = "instance-a";
            await db.SaveChangesAsync(Ct);
        }

        var timeout = TimeSpan.FromMinutes(5);
        clock.Advance(timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await scheduling.RunDueAsync("instance-b", timeout, Ct)); // A's claim still holds

        clock.Advance(TimeSpan.FromSeconds(2));
        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(() => scheduling.RunDueAsync($"instance-b{i}", timeout, Ct), Ct)));

        Assert.Equal(1, counts.Sum());
        Assert.Equal("Taken over", engine.Snapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));
        Assert.Equal("done", Assert.Single(await scheduling.GetForNodeAsync(KnownContent.About, Ct)).Outcome);
        clock.Advance(timeout * 2);
        Assert.Equal(0, await scheduling.RunDueAsync("instance-b", timeout, Ct)); // an action with an outcome is never taken over
    }

    [Fact]
    public async Task A_failed_action_records_why_and_is_not_retried_forever()
    {
        var (engine, clock, scheduling) = await StartAsync(TestDatabase.Sqlite);
        await using var _ = engine;
        var page = await engine.CreatePageAsync(KnownContent.Home, "只有中文", "Chinese only");
        await scheduling.ScheduleAsync(page.Key, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddMinutes(5), Editor, Ct);

        clock.Advance(TimeSpan.FromMinutes(10));
        await scheduling.RunDueAsync("instance-a", Ct);

        var action = Assert.Single(await scheduling.GetForNodeAsync(page.Key, Ct));
        Assert.StartsWith("MandatoryCultureMissing", action.Outcome, StringComparison.Ordinal);
        Assert.Equal(0, await scheduling.RunDueAsync("instance-a", Ct));
    }

    [Fact]
    public async Task Scheduling_is_refused_in_the_past_for_writers_and_for_unknown_items()
    {
        var (engine, _, scheduling) = await StartAsync(TestDatabase.Sqlite);
        await using var __ = engine;

        Assert.Equal(WorkflowStatus.InThePast, (await scheduling.ScheduleAsync(KnownContent.About, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddMinutes(-1), Editor, Ct)).Result.Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await scheduling.ScheduleAsync(KnownContent.About, "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddDays(1), Writer, Ct)).Result.Status);
        Assert.Equal(WorkflowStatus.NotFound, (await scheduling.ScheduleAsync(Guid.NewGuid(), "en-US", ScheduledActionKind.Publish, Start.UtcDateTime.AddDays(1), Editor, Ct)).Result.Status);
        Assert.Equal(WorkflowStatus.UnknownCulture, (await scheduling.ScheduleAsync(KnownContent.About, "xx-YY", ScheduledActionKind.Publish, Start.UtcDateTime.AddDays(1), Editor, Ct)).Result.Status);
    }

    [Fact]
    public async Task A_cancelled_action_never_runs()
    {
        var (engine, clock, scheduling) = await StartAsync(TestDatabase.Sqlite);
        await using var _ = engine;
        var (_, action) = await scheduling.ScheduleAsync(KnownContent.SourcesPage, "zh-CN", ScheduledActionKind.Unpublish, Start.UtcDateTime.AddHours(1), Editor, Ct);

        Assert.True((await scheduling.CancelAsync(action!.Id, Editor, Ct)).Succeeded);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await scheduling.RunDueAsync("instance-a", Ct));
        Assert.NotNull(engine.Snapshots.Current.GetByKey(KnownContent.SourcesPage));
    }
}
