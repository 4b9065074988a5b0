using Microsoft.Extensions.DependencyInjection;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using static Site.Core.Tests.TestSupport.TestUsers;

namespace Site.Core.Tests.Workflow;

public sealed class WorkflowServiceTests
{
    private static readonly BackOfficeUser Translator = new("translator@jesie", "Translator", new HashSet<string> { BackOfficeGroups.Translators }, "en-US");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Recorder : INotificationHandler<ReviewRequestedNotification>, INotificationHandler<ReviewDecidedNotification>
    {
        public List<Review> Requested { get; } = [];

        public List<Review> Decided { get; } = [];

        public Task HandleAsync(ReviewRequestedNotification notification, CancellationToken cancellationToken)
        {
            Requested.Add(notification.Review);
            return Task.CompletedTask;
        }

        public Task HandleAsync(ReviewDecidedNotification notification, CancellationToken cancellationToken)
        {
            Decided.Add(notification.Review);
            return Task.CompletedTask;
        }
    }

    private static Task<TestEngine> StartAsync(TestDatabase database, Recorder recorder) =>
        TestEngine.StartAsync(database, configure: services =>
        {
            services.AddSingleton<INotificationHandler<ReviewRequestedNotification>>(recorder);
            services.AddSingleton<INotificationHandler<ReviewDecidedNotification>>(recorder);
        });

    private static async Task<ContentNode> DraftAsync(TestEngine engine, string englishTitle)
    {
        var result = await engine.EditAsync(KnownContent.About, data => data.WithValue("title", KnownContent.English, englishTitle));
        Assert.True(result.Succeeded);
        return result.Node!;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_writer_submits_an_editor_approves_and_publishes_and_the_site_changes_only_then(TestDatabase database)
    {
        var recorder = new Recorder();
        await using var engine = await StartAsync(database, recorder);
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();
        var draft = await DraftAsync(engine, "About the Forum (revised)");

        Assert.True((await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, "Please check the new title", Ct)).Succeeded);
        var pending = Assert.Single(await workflow.GetPendingAsync(Ct));
        Assert.Equal(draft.CurrentVersion.Number, pending.VersionNumber);
        Assert.Equal("Please check the new title", pending.RequestComment);
        Assert.Single(recorder.Requested);
        Assert.NotEqual("About the Forum (revised)", engine.Snapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));

        Assert.Equal(WorkflowStatus.Forbidden, (await workflow.PublishAsync(KnownContent.About, ["en-US"], Writer, Ct)).Status);
        Assert.Equal(WorkflowStatus.Forbidden, (await workflow.ApproveAsync(KnownContent.About, "en-US", Writer, null, Ct)).Status);
        Assert.True((await workflow.ApproveAsync(KnownContent.About, "en-US", Editor, "Good", Ct)).Succeeded);
        Assert.Equal(ReviewState.Approved, Assert.Single(recorder.Decided).State);
        Assert.True((await workflow.PublishAsync(KnownContent.About, ["en-US"], Editor, Ct)).Succeeded);

        Assert.Equal("About the Forum (revised)", engine.Snapshots.Current.GetByKey(KnownContent.About)!.Value("title", "en-US"));
        Assert.Equal(ReviewState.Published, (await workflow.GetReviewAsync(KnownContent.About, "en-US", Ct))!.State);
        Assert.Empty(await workflow.GetPendingAsync(Ct));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_rejection_needs_a_comment_and_reaches_the_writer(TestDatabase database)
    {
        var recorder = new Recorder();
        await using var engine = await StartAsync(database, recorder);
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();
        await DraftAsync(engine, "Draft title");
        await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, null, Ct);

        var withoutComment = await workflow.RejectAsync(KnownContent.About, "en-US", Editor, "  ", Ct);
        var rejected = await workflow.RejectAsync(KnownContent.About, "en-US", Editor, "The title is too long", Ct);

        Assert.Equal(WorkflowStatus.CommentRequired, withoutComment.Status);
        Assert.Contains("退回", withoutComment.Message!.Get("zh-CN"), StringComparison.Ordinal);
        Assert.True(rejected.Succeeded);
        var review = (await workflow.GetReviewAsync(KnownContent.About, "en-US", Ct))!;
        Assert.Equal(ReviewState.Rejected, review.State);
        Assert.Equal("The title is too long", review.DecisionComment);
        Assert.Equal(Editor.Id, review.DecidedBy);
        Assert.Equal(Writer.Id, Assert.Single(recorder.Decided).RequestedBy);
        Assert.True((await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, "Shorter now", Ct)).Succeeded);
    }

    [Fact]
    public async Task Submitting_twice_approving_nothing_and_approving_a_changed_draft_are_refused()
    {
        await using var engine = await TestEngine.StartAsync();
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();

        Assert.Equal(WorkflowStatus.NoPendingReview, (await workflow.ApproveAsync(KnownContent.About, "en-US", Editor, null, Ct)).Status);
        await DraftAsync(engine, "First");
        Assert.True((await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, null, Ct)).Succeeded);
        Assert.Equal(WorkflowStatus.AlreadyInReview, (await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, null, Ct)).Status);

        await DraftAsync(engine, "Second, after submitting");
        var stale = await workflow.ApproveAsync(KnownContent.About, "en-US", Editor, null, Ct);

        Assert.Equal(WorkflowStatus.ChangedSinceReview, stale.Status);
        Assert.Contains("review the new version", stale.Message!.Get("en-US"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translator_submits_their_own_culture_only()
    {
        await using var engine = await TestEngine.StartAsync();
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();

        Assert.True((await workflow.SubmitAsync(KnownContent.About, "en-US", Translator, null, Ct)).Succeeded);
        Assert.Equal(WorkflowStatus.Forbidden, (await workflow.SubmitAsync(KnownContent.About, "zh-CN", Translator, null, Ct)).Status);
    }

    [Fact]
    public async Task Unknown_nodes_and_cultures_are_refused_with_reasons()
    {
        await using var engine = await TestEngine.StartAsync();
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();

        Assert.Equal(WorkflowStatus.NotFound, (await workflow.SubmitAsync(Guid.NewGuid(), "en-US", Writer, null, Ct)).Status);
        Assert.Equal(WorkflowStatus.UnknownCulture, (await workflow.SubmitAsync(KnownContent.About, "fr-FR", Editor, null, Ct)).Status);
    }

    [Fact]
    public async Task Every_step_is_in_the_audit_trail()
    {
        await using var engine = await TestEngine.StartAsync();
        var workflow = engine.Services.GetRequiredService<IWorkflowService>();
        await DraftAsync(engine, "Audited");
        await workflow.SubmitAsync(KnownContent.About, "en-US", Writer, null, Ct);
        await workflow.ApproveAsync(KnownContent.About, "en-US", Editor, null, Ct);
        await workflow.PublishAsync(KnownContent.About, ["en-US"], Editor, Ct);

        await using var db = engine.CreateDbContext();
        var actions = db.Audit.Where(a => a.NodeKey == KnownContent.About).OrderBy(a => a.Id).Select(a => a.Action + ":" + a.User).ToList();

        Assert.Equal([$"{AuditActions.Save}:test-editor", $"{AuditActions.Submit}:writer@jesie", $"{AuditActions.Approve}:editor@jesie", $"{AuditActions.Publish}:editor@jesie"], actions);
    }
}
