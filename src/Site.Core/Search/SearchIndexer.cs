using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Core.Notifications;
using Site.Core.Publishing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Site.Core.Search;

/// <summary>
/// Owns the index: opens it (rebuilding a missing, corrupt or old-version one from the published snapshot), keeps it
/// in step with every new snapshot, and rebuilds it on request. Every write happens under one lock; searches read
/// through a <see cref="SearcherManager"/> and never wait for writes.
/// </summary>
/// <remarks>
/// A new snapshot (after a publish, unpublish, move, delete, restore, import or change of protection) signals a
/// background loop, which compares a fingerprint of every published node with the one indexed and rewrites only the
/// documents that changed. Signals coalesce: the loop always indexes the newest snapshot.
/// </remarks>
internal sealed partial class SearchIndexer(
    IPublishedSnapshotAccessor snapshots,
    SearchDocumentFactory documents,
    IOptions<SiteCoreOptions> siteOptions,
    IOptions<SearchOptions> searchOptions,
    ILogger<SearchIndexer> logger)
    : INotificationHandler<PublishedSnapshotChangedNotification>, IIndexRebuilder, ISearchIndexStatus, IAsyncDisposable, IDisposable
{
    internal const string FolderName = "Search";

    /// <summary>Segments the index may have before publishes' small ones are merged (see <see cref="KeepSegmentsFew"/>).</summary>
    internal const int MaxSegments = 3;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Threading.Lock _startLock = new();
    private Thread? _worker;
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private Dictionary<Guid, string> _fingerprints = [];

    // Nodes whose document could not be made, with the fingerprint tried: retried only when the node changes again.
    private Dictionary<Guid, (string Fingerprint, SkippedDocument Skipped)> _skipped = [];
    private IReadOnlyList<SkippedDocument> _skippedList = [];
    private bool _needsRebuild;
    private long _generation;
    private int _documentCount;
    private TermBridge _bridge = TermBridge.Empty;
    private TermBridgeLearning _learning = new();
    private Dictionary<Guid, FingerprintSource> _sources = [];

    // The generation whose every node _sources holds; -1 when none (at start, until the first sync or rebuild).
    private long _walkedGeneration = -1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    public long IndexedGeneration => Volatile.Read(ref _generation);

    public int DocumentCount => Volatile.Read(ref _documentCount);

    public string? LastRebuildReason { get; private set; }

    public IReadOnlyList<SkippedDocument> SkippedDocuments => Volatile.Read(ref _skippedList);

    internal TermBridge Bridge => Volatile.Read(ref _bridge);

    public Task HandleAsync(PublishedSnapshotChangedNotification notification, CancellationToken cancellationToken)
    {
        EnsureWorker();
        _signals.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    public async Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _changed);
            if (IndexedGeneration >= generation)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A searcher over the latest refreshed view of the index, or null before the index was first opened.</summary>
    internal SearcherLease? Acquire()
    {
        var manager = Volatile.Read(ref _searchers);
        if (manager is null)
        {
            return null;
        }

        try
        {
            return new SearcherLease(manager, manager.Acquire());
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public async Task<int> RebuildAsync(IProgress<IndexRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureOpen();
            var count = Rebuild(snapshots.Current, progress, cancellationToken);
            LastRebuildReason = "requested";
            return count;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The loop runs on a thread of its own, not the thread pool: a busy pool (a burst of requests, a rebuild using
    /// every core) must not delay making a publish searchable.
    /// </summary>
    private void EnsureWorker()
    {
        if (_worker is not null)
        {
            return;
        }

        lock (_startLock)
        {
            if (_worker is null && !_disposed)
            {
                _worker = new Thread(Run) { IsBackground = true, Name = "Search indexer" };
                _worker.Start();
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                if (!_signals.Reader.WaitToReadAsync(_stopping.Token).AsTask().GetAwaiter().GetResult())
                {
                    return;
                }

                while (_signals.Reader.TryRead(out _))
                {
                    // Signals coalesce: one sync indexes the newest snapshot.
                }

                Sync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive any failure of one update: the next snapshot retries it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSyncFailed(logger, exception);
            }
        }
    }

    /// <summary>Brings the index up to date with the current snapshot.</summary>
    internal void Sync(CancellationToken cancellationToken)
    {
        _writeLock.Wait(cancellationToken);
        try
        {
            EnsureOpen();
            var snapshot = snapshots.Current;
            if (_needsRebuild)
            {
                Rebuild(snapshot, null, cancellationToken);
                return;
            }

            var started = TimeProvider.System.GetTimestamp();
            var cultures = Cultures(snapshot);
            var changed = new List<(PublishedContent Node, string Fingerprint)>();
            List<Guid> removed = [];
            Dictionary<Guid, FingerprintSource> sources;
            var changedKeys = snapshot.ChangedSince(_walkedGeneration);
            if (changedKeys is not null)
            {
                // The snapshot names what changed since the one walked last: only those nodes are looked at.
                sources = [];
                foreach (var key in changedKeys)
                {
                    if (snapshot.GetByKey(key) is { } node && IsIndexable(node))
                    {
                        Consider(node, sources, changed);
                    }
                    else
                    {
                        Forget(key, removed);
                    }
                }
            }
            else
            {
                var seen = new HashSet<Guid>();
                sources = new Dictionary<Guid, FingerprintSource>(_sources.Count);
                foreach (var node in Indexable(snapshot))
                {
                    seen.Add(node.Key);
                    Consider(node, sources, changed);
                }

                foreach (var key in _fingerprints.Keys.Concat(_learning.Nodes).Concat(_skipped.Keys).Where(k => !seen.Contains(k)).Distinct().ToList())
                {
                    Forget(key, removed);
                }
            }

            if (changed.Count > 0 || removed.Count > 0)
            {
                var writer = _writer!;
                var skipped = 0;
                foreach (var (node, fingerprint) in changed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (TryCreate(node, cultures, out var failure) is { } document)
                    {
                        writer.UpdateDocument(KeyTerm(node.Key), document);
                        _fingerprints[node.Key] = fingerprint;
                        _skipped.Remove(node.Key);
                    }
                    else
                    {
                        // Its last good document would show what is no longer published: it goes too.
                        writer.DeleteDocuments(KeyTerm(node.Key));
                        _fingerprints.Remove(node.Key);
                        _skipped[node.Key] = (fingerprint, failure!);
                        skipped++;
                    }
                }

                foreach (var key in removed)
                {
                    writer.DeleteDocuments(KeyTerm(key));
                    _fingerprints.Remove(key);
                }

                Commit(snapshot.Generation);
                KeepSegmentsFew(writer);
                var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
                LogUpdated(logger, changed.Count - skipped, removed.Count, skipped, snapshot.Generation, elapsed);
            }

            // Only now that the changes are committed: a sync that failed looks at the same nodes again.
            if (changedKeys is null)
            {
                _sources = sources;
            }
            else
            {
                foreach (var key in changedKeys)
                {
                    _sources.Remove(key);
                }

                foreach (var (key, source) in sources)
                {
                    _sources[key] = source;
                }
            }

            _walkedGeneration = snapshot.Generation;
            PublishSkipped();

            // What the changed nodes teach the bridge, and a new glossary, cost their own size: taken before the
            // generation is announced, so that whoever waits for it (an editor who saved an entry) searches with them.
            RefreshBridge(snapshot);
            Published(snapshot);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Each publish writes a small segment; past a few, the small ones are merged into one in the background (the
    /// merge policy would let a dozen pile up beside a large one, and each costs every query; see the rebuild).
    /// </summary>
    private void KeepSegmentsFew(IndexWriter writer)
    {
        if (SegmentCount > MaxSegments)
        {
            writer.ForceMerge(2, doWait: false); // the largest stays as it is; the smaller ones become one
        }
    }

    /// <summary>
    /// Merges the index into one segment on the merge scheduler's threads, then commits it and lets searches read it:
    /// every segment costs each query a look-up of every word in every field and scorer tables of its own (one segment
    /// instead of six at 50,000 documents: a sixth of the garbage per query; docs/performance.md). In the background,
    /// because merging 200 MB takes a fifth of a rebuild's time, which searches need not wait for.
    /// </summary>
    private void MergeInBackground(IndexWriter writer)
    {
        writer.ForceMerge(1, doWait: false);
        var stopping = _stopping.Token;
        _ = Task.Run(
            () =>
            {
                try
                {
                    writer.WaitForMerges();
                    _writeLock.Wait(stopping);
                    try
                    {
                        if (!_disposed && ReferenceEquals(writer, _writer))
                        {
                            // The last commit's data (index version, snapshot generation) carries over to this one.
                            writer.Commit();
                            _searchers!.MaybeRefreshBlocking();
                        }
                    }
                    finally
                    {
                        _writeLock.Release();
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
                {
                    // Stopping: the writer commits what it merged when it is closed, or the next start merges again.
                }
                catch (Exception exception) when (exception is IOException or InvalidOperationException)
                {
                    LogSyncFailed(logger, exception); // the index stays as it was committed; the next publish commits again
                }
            },
            stopping);
    }

    /// <summary>How many segments searches read now (merges finished in the background included).</summary>
    internal int SegmentCount
    {
        get
        {
            var searchers = _searchers!;
            searchers.MaybeRefreshBlocking();
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.Leaves.Count;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>Queues the node when what its document is made of changed, and learns what it teaches the bridge.</summary>
    private void Consider(PublishedContent node, Dictionary<Guid, FingerprintSource> sources, List<(PublishedContent Node, string Fingerprint)> changed)
    {
        var source = SourceOf(node);
        var known = _sources.TryGetValue(node.Key, out var before) && before.Same(source) && _fingerprints.ContainsKey(node.Key);
        sources[node.Key] = source;
        if (known)
        {
            return; // what the fingerprint is made of is the same (the snapshot reused the culture table)
        }

        _learning.Learn(node);
        var fingerprint = SearchDocumentFactory.Fingerprint(node);
        if (_skipped.TryGetValue(node.Key, out var failed) && string.Equals(failed.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return; // failed as it is now; a new publish of it tries again
        }

        if (!_fingerprints.TryGetValue(node.Key, out var indexed) || !string.Equals(indexed, fingerprint, StringComparison.Ordinal))
        {
            changed.Add((node, fingerprint));
        }
    }

    private static FingerprintSource SourceOf(PublishedContent node) => new(node.Cultures, node.Parent?.Key, node.UpdateDateUtc, node.AccessRule);

    /// <summary>A node no longer indexable: its document goes (listed in <paramref name="removed"/>), and what it taught.</summary>
    private void Forget(Guid key, List<Guid> removed)
    {
        if (_fingerprints.ContainsKey(key))
        {
            removed.Add(key);
        }

        _learning.Forget(key);
        _skipped.Remove(key);
    }

    private int Rebuild(PublishedSnapshot snapshot, IProgress<IndexRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        // Every value is read twice below (the bridge, the documents): those no longer in memory are read in chunks
        // now, not one row at a time, and held until the index is published (right after a start they all still are).
        snapshot.HoldDecodedValues();
        var nodes = Indexable(snapshot).ToList();
        var cultures = Cultures(snapshot);
        var writer = _writer!;
        var learning = new TermBridgeLearning();
        foreach (var node in nodes)
        {
            learning.Learn(node);
        }

        progress?.Report(new IndexRebuildProgress(0, nodes.Count));
        var fingerprints = new ConcurrentDictionary<Guid, string>();
        var skipped = new ConcurrentDictionary<Guid, (string Fingerprint, SkippedDocument Skipped)>();
        var done = 0;
        try
        {
            // Searches go on against the last commit until the new index is committed whole. Large sets are
            // analyzed on every core (IndexWriter is thread-safe); small ones on this thread alone.
            writer.DeleteAll();
            Parallel.ForEach(
                nodes,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = nodes.Count >= 1000 ? Environment.ProcessorCount : 1 },
                node =>
                {
                    if (TryCreate(node, cultures, out var failure) is { } document)
                    {
                        writer.AddDocument(document);
                        fingerprints[node.Key] = SearchDocumentFactory.Fingerprint(node);
                    }
                    else
                    {
                        skipped[node.Key] = (SearchDocumentFactory.Fingerprint(node), failure!);
                    }

                    var count = Interlocked.Increment(ref done);
                    if (count % 500 == 0)
                    {
                        progress?.Report(new IndexRebuildProgress(count, nodes.Count));
                    }
                });
            Commit(snapshot.Generation);
        }
        catch
        {
            // Back to the last commit: the old index stays, whole, and searchable again at once.
            CloseWriter(rollback: true);
            EnsureOpen();
            throw;
        }

        _fingerprints = new Dictionary<Guid, string>(fingerprints);
        _skipped = new Dictionary<Guid, (string, SkippedDocument)>(skipped);
        PublishSkipped();
        // What each document was made of: the next sync follows the snapshot's list of changes, not a walk of every node.
        _sources = nodes.ToDictionary(n => n.Key, SourceOf);
        _walkedGeneration = snapshot.Generation;
        _learning = learning;
        _needsRebuild = false;
        progress?.Report(new IndexRebuildProgress(nodes.Count, nodes.Count));
        var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        LogRebuilt(logger, fingerprints.Count, skipped.Count, elapsed);
        RefreshBridge(snapshot);
        Published(snapshot);
        MergeInBackground(writer);
        return fingerprints.Count;
    }

    /// <summary>
    /// The node's document, or null when making it failed: logged, and the node reported as skipped, so that one
    /// document the factory cannot make never stops the index from following later changes.
    /// </summary>
    private Document? TryCreate(PublishedContent node, IReadOnlyList<string> cultures, out SkippedDocument? skipped)
    {
        skipped = null;
        try
        {
            return documents.Create(node, cultures);
        }
#pragma warning disable CA1031 // Any failure of one document is that document's: the others and later changes go on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogDocumentSkipped(logger, exception, node.Key);
            skipped = new SkippedDocument(node.Key, exception.GetType().Name + ": " + exception.Message);
            return null;
        }
    }

    private void PublishSkipped() =>
        Volatile.Write(ref _skippedList, [.. _skipped.Values.Select(s => s.Skipped).OrderBy(s => s.Key)]);

    private void Commit(long generation)
    {
        var writer = _writer!;
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SearchFields.VersionKey] = SearchFields.IndexVersion,
            ["site.search.snapshot"] = generation.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
        _searchers!.MaybeRefreshBlocking();
    }

    private void Published(PublishedSnapshot snapshot)
    {
        // Every value of this snapshot the index needed has been read: from now on large ones are read again when needed.
        snapshot.LetGoOfDecodedValues();
        Volatile.Write(ref _documentCount, _fingerprints.Count);
        Volatile.Write(ref _generation, snapshot.Generation);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// The bridge of what the content teaches (learnt per node as nodes change, see <see cref="TermBridgeLearning"/>)
    /// with the schema's glossary, read again only when the dictionary changed; the same bridge when neither did.
    /// </summary>
    private void RefreshBridge(PublishedSnapshot snapshot)
    {
        var current = Bridge;
        var glossary = ReferenceEquals(current.Glossary.Source, snapshot.Schema.Dictionary) ? current.Glossary : Glossary.From(snapshot.Schema);
        Volatile.Write(ref _bridge, _learning.Bridge(glossary));
    }

    /// <summary>What a node's fingerprint is made of, compared by reference where the snapshot reuses objects.</summary>
    private readonly record struct FingerprintSource(
        IReadOnlyDictionary<string, PublishedCultureInfo> Cultures, Guid? Parent, DateTime Updated, Members.PublicAccessRule? Rule)
    {
        public bool Same(FingerprintSource other) =>
            ReferenceEquals(Cultures, other.Cultures) && Parent == other.Parent && Updated == other.Updated
            && (ReferenceEquals(Rule, other.Rule) || (Rule is not null && other.Rule is not null && Rule.NodeKey == other.Rule.NodeKey
                && Rule.LoginNodeKey == other.Rule.LoginNodeKey && Rule.NoAccessNodeKey == other.Rule.NoAccessNodeKey
                && Rule.AllowedGroups.SequenceEqual(other.Rule.AllowedGroups, StringComparer.Ordinal)));
    }

    private static IEnumerable<PublishedContent> Indexable(PublishedSnapshot snapshot) => snapshot.All.Where(IsIndexable);

    private static bool IsIndexable(PublishedContent node) => node.Cultures.Count > 0 && node.IsPage;

    private static List<string> Cultures(PublishedSnapshot snapshot) => [.. snapshot.Languages.All.Select(l => l.IsoCode)];

    private static Term KeyTerm(Guid key) => new(SearchFields.Key, key.ToString("D"));

    /// <summary>Opens the index once: an existing one whose stamp matches and that reads whole is kept; anything else is rebuilt.</summary>
    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null)
        {
            return;
        }

        if (_directory is null)
        {
            _directory = OpenDirectory(out var reason, out var fingerprints);
            _fingerprints = fingerprints ?? [];
            _needsRebuild = reason is not null;
            LastRebuildReason = reason;
            if (reason is not null && logger.IsEnabled(LogLevel.Warning))
            {
                LogWillRebuild(logger, reason, Describe());
            }
        }

        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)
        {
            OpenMode = DirectoryReader.IndexExists(_directory) ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        Volatile.Write(ref _searchers, new SearcherManager(_writer, true, new FacetWarmingSearcherFactory()));
        if (!_needsRebuild && SegmentCount > MaxSegments)
        {
            MergeInBackground(_writer); // written before merging was done, or stopped before its merge was committed
        }
    }

    private LuceneDirectory OpenDirectory(out string? reason, out Dictionary<Guid, string>? fingerprints)
    {
        fingerprints = null;
        if (searchOptions.Value.Storage == SearchIndexStorage.Memory)
        {
            reason = "missing";
            return new RAMDirectory();
        }

        var path = IndexPath;
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        reason = Check(directory, out fingerprints);
        if (reason == "corrupt")
        {
            directory.Dispose();
            foreach (var file in System.IO.Directory.EnumerateFiles(path))
            {
                File.Delete(file);
            }

            directory = FSDirectory.Open(path);
        }

        return directory;
    }

    internal string IndexPath => Path.Combine(siteOptions.Value.DataPath, FolderName);

    /// <summary>Null when the index on disk can be used as it is; else why it must be rebuilt.</summary>
    private string? Check(LuceneDirectory directory, out Dictionary<Guid, string>? fingerprints)
    {
        fingerprints = null;
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return "missing";
            }

            using var reader = DirectoryReader.Open(directory);
            if (!reader.IndexCommit.UserData.TryGetValue(SearchFields.VersionKey, out var version)
                || !string.Equals(version, SearchFields.IndexVersion, StringComparison.Ordinal))
            {
                return "version";
            }

            // Reading every document's key and fingerprint also proves the stored data is readable.
            var found = new Dictionary<Guid, string>(reader.NumDocs);
            var fields = new HashSet<string>(StringComparer.Ordinal) { SearchFields.Key, SearchFields.Fingerprint };
            var live = MultiFields.GetLiveDocs(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var stored = reader.Document(doc, fields);
                if (!Guid.TryParse(stored.Get(SearchFields.Key, CultureInfo.InvariantCulture), out var key) || stored.Get(SearchFields.Fingerprint, CultureInfo.InvariantCulture) is not { } fingerprint)
                {
                    return "corrupt";
                }

                found[key] = fingerprint;
            }

            fingerprints = found;
            return null;
        }
#pragma warning disable CA1031 // Whatever is wrong with the files, the answer is the same: rebuild from the snapshot.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                LogCorrupt(logger, exception, IndexPath);
            }

            return "corrupt";
        }
    }

    private string Describe() => searchOptions.Value.Storage == SearchIndexStorage.Memory ? "memory" : IndexPath;

    private void CloseWriter(bool rollback)
    {
        var searchers = Interlocked.Exchange(ref _searchers, null);
        searchers?.Dispose();
        if (_writer is { } writer)
        {
            _writer = null;
            if (rollback)
            {
                writer.Rollback();
            }
            else
            {
                writer.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _signals.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        _worker?.Join(TimeSpan.FromSeconds(30));

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            CloseWriter(rollback: false);
            _directory?.Dispose();
        }
        finally
        {
            _writeLock.Release();
        }

        _stopping.Dispose();
        _writeLock.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index ({Location}) will be rebuilt from the published snapshot: {Reason}")]
    private static partial void LogWillRebuild(ILogger logger, string reason, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index in {Path} cannot be read; it will be rebuilt")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} documents ({Skipped} skipped) in {Milliseconds:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, int count, int skipped, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index updated: {Changed} changed, {Removed} removed, {Skipped} skipped, snapshot {Generation}, {Milliseconds:F1} ms")]
    private static partial void LogUpdated(ILogger logger, int changed, int removed, int skipped, long generation, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The search document of node {Key} could not be made; the node is left out of the index until it changes")]
    private static partial void LogDocumentSkipped(ILogger logger, Exception exception, Guid key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the search index failed; the next change retries")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}

/// <summary>A searcher borrowed from the manager; disposing gives it back.</summary>
internal sealed class SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => manager.Release(Searcher);
}
