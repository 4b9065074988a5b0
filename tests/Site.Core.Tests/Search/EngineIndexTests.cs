using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Storage;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Search;

/// <summary>
/// The index behind the whole engine: its snapshots reuse a node's culture table when nothing of it changed, and the
/// indexer then skips that node's fingerprint, so what changes only around a node (its protection) must still count.
/// </summary>
public sealed class EngineIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly MemberIdentity Partner = new("member-1", new HashSet<string> { "partners" });

    private static bool Finds(SearchTestEngine engine, string text, Guid key, MemberIdentity? member = null) =>
        engine.Search.Search(new SearchQuery(text, KnownContent.English, member) { Take = 50 }).Items.Any(i => i.Key == key);

    [Fact]
    public async Task Protection_and_a_new_title_reach_the_index_of_the_real_engine()
    {
        await using var engine = await SearchTestEngine.StartAsync();
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));

        await engine.PublicAccess.ProtectAsync(new PublicAccessRule(KnownContent.Sessions, ["partners"]), "test", Ct);
        await engine.WaitUntilCurrentAsync();
        Assert.False(Finds(engine, "Tampere", KnownContent.Session13));
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13, Partner));

        await engine.PublicAccess.UnprotectAsync(KnownContent.Sessions, "test", Ct);
        await engine.WaitUntilCurrentAsync();
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));

        // A new title: the only node whose culture table is new; every other is skipped by reference.
        var content = engine.Services.GetRequiredService<IContentService>();
        var about = await content.GetAsync(KnownContent.About, Ct);
        var saved = await content.SaveAsync(
            new ContentEdit(about!.Key, about.ParentKey, about.ContentTypeAlias, about.CurrentVersion.Data.WithValue("title", KnownContent.English, "About the forum (sample: Zanzibarfjord)"), null, null),
            "test", Ct);
        Assert.True(saved.Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(KnownContent.About, [KnownContent.English], "test", Ct)).Succeeded);
        await engine.WaitUntilCurrentAsync();
        Assert.True(Finds(engine, "Zanzibarfjord", KnownContent.About));
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));
    }

    [Fact]
    public async Task A_requested_rebuild_reads_the_values_no_longer_in_memory_a_chunk_at_a_time_not_row_by_row()
    {
        var reads = new VersionReads();
        await using var engine = await SearchTestEngine.StartAsync(
            configure: services => services.AddKeyedSingleton<IInterceptor>(SiteDbContextFactory.InterceptorKey, reads));
        // The start's values were let go when the index synced; now none is decoded in memory either.
        PublishedVersion.ForgetRecentlyRead();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        reads.Reset();

        Assert.True(await engine.Rebuilder.RebuildAsync(null, Ct) > 30);

        Assert.InRange(reads.Count, 1, 2); // 38 nodes' versions in one chunk (a second only if a page read one meanwhile)
        Assert.True(Finds(engine, "Tampere", KnownContent.Session13));
    }

    /// <summary>Counts the commands that read stored versions.</summary>
    private sealed class VersionReads : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Volatile.Write(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Counted(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return ValueTask.FromResult(result);
        }

        private void Counted(DbCommand command)
        {
            if (command.CommandText.Contains("content_versions", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
