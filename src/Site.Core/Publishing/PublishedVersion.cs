using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>
/// A published version's values. Large ones are not kept in memory while nobody reads them (at 50,000 documents the
/// text of every published version was most of the site's memory, and still a third of it compressed): reading decodes
/// them again from the database, as Umbraco's HybridCache loads what is not in its bounded memory cache. The versions
/// read most recently stay decoded (a bounded ring shared by the process), the others as long as something else holds
/// them (a page being rendered, the HTML rendered from them).
/// </summary>
internal sealed class PublishedVersion
{
    /// <summary>How many decoded versions are held whatever the garbage collector does: a site's busy pages.</summary>
    private const int RecentlyRead = 2_048;

    /// <summary>Versions whose JSON is shorter stay decoded: reading them again would save less than it costs.</summary>
    private const int KeepUnder = 1_024;

    private const int ReadChunk = 500;

    private static readonly ContentData?[] Recent = new ContentData?[RecentlyRead];
    private static int _next;

    private readonly ContentData? _kept;
    private readonly long _id;
    private readonly IPublishedValueSource? _source;
    private readonly WeakReference<ContentData>? _decoded;

    // Held decoded from the read until let go: right after a build, the search index reads every new version again.
    private ContentData? _held;

    private PublishedVersion(ContentData kept) => _kept = kept;

    private PublishedVersion(long id, IPublishedValueSource source, ContentData decoded)
    {
        _id = id;
        _source = source;
        _decoded = new WeakReference<ContentData>(decoded);
        _held = decoded;
    }

    public static PublishedVersion Empty { get; } = new(ContentData.Empty);

    /// <summary>Values already decoded, kept as they are (previews and tests).</summary>
    public static PublishedVersion Of(ContentData data) => new(data);

    /// <summary>A stored version: parsed now (a build reads its names), then, when it is large, read again from the source.</summary>
    public static PublishedVersion FromJson(long id, string json, IPublishedValueSource source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        var data = ContentMapping.DeserializeData(json);
        return json.Length < KeepUnder ? new PublishedVersion(data) : new PublishedVersion(id, source, data);
    }

    /// <summary>Whether the values stay in memory whatever reads them (small versions, previews).</summary>
    public bool IsKept => _kept is not null;

    public ContentData Data
    {
        get
        {
            if ((_kept ?? Volatile.Read(ref _held)) is { } kept)
            {
                return kept;
            }

            if (!_decoded!.TryGetTarget(out var data))
            {
                // Versions never change once saved. One emptied from the recycle bin while a page of the snapshot before
                // is still rendered has no row left: that page shows it without values, the next snapshot no longer has it.
                data = _source!.ReadJson(_id) is { } json ? ContentMapping.DeserializeData(json) : ContentData.Empty;
                _decoded.SetTarget(data);
            }

            Remember(data);
            return data;
        }
    }

    /// <summary>From now on the decoded values are kept only while read (see <see cref="HeldVersions"/>).</summary>
    public void LetGo() => Volatile.Write(ref _held, null);

    /// <summary>
    /// Decodes the versions whose values are not held, reading them a chunk at a time rather than one row each, and
    /// holds them until let go (a rebuild of the search index reads every version). Returns those it now holds.
    /// </summary>
    public static IReadOnlyList<PublishedVersion> HoldAll(IEnumerable<PublishedVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var held = new List<PublishedVersion>();
        foreach (var group in versions.Where(v => v._source is not null && Volatile.Read(ref v._held) is null).Distinct().GroupBy(v => v._source!))
        {
            foreach (var chunk in group.Chunk(ReadChunk))
            {
                // What is still decoded is held from here on: collected between the look and the read, it would be
                // neither read nor kept, and would be taken for a version whose row is gone.
                var decoded = Array.ConvertAll(chunk, v => v._decoded!.TryGetTarget(out var data) ? data : null);
                var stored = group.Key.ReadJson([.. chunk.Where((_, i) => decoded[i] is null).Select(v => v._id)]);
                Parallel.For(0, chunk.Length, i =>
                {
                    var version = chunk[i];
                    if (decoded[i] is not { } data)
                    {
                        data = stored.TryGetValue(version._id, out var json) ? ContentMapping.DeserializeData(json) : ContentData.Empty;
                        version._decoded!.SetTarget(data);
                    }

                    Volatile.Write(ref version._held, data);
                });
                held.AddRange(chunk);
            }
        }

        return held;
    }

    /// <summary>Empties the ring of recently read versions (tests: what is not held must be read again).</summary>
    internal static void ForgetRecentlyRead() => Array.Clear(Recent);

    private static void Remember(ContentData data) => Recent[(int)((uint)Interlocked.Increment(ref _next) % RecentlyRead)] = data;
}

/// <summary>Where a published version's stored values are read again when no decoded copy is left.</summary>
internal interface IPublishedValueSource
{
    /// <summary>The version's values as stored (JSON); null when the version no longer exists.</summary>
    string? ReadJson(long versionId);

    /// <summary>The values of those of the versions that still exist, by id, in one read.</summary>
    IReadOnlyDictionary<long, string> ReadJson(IReadOnlyCollection<long> versionIds);
}

/// <summary>
/// The versions a snapshot service read and still holds decoded. Everything that reads them all right after a build
/// (the tree, the search index's sync) has done so when the index has caught up: it lets them go, and they are read
/// again from the database when needed from then on.
/// </summary>
internal sealed class HeldVersions
{
    private const int LargeRelease = 5_000;

    private readonly Lock _lock = new();
    private List<PublishedVersion> _held = [];

    public void Add(IEnumerable<PublishedVersion> versions)
    {
        lock (_lock)
        {
            _held.AddRange(versions);
        }
    }

    public void LetGo()
    {
        List<PublishedVersion> held;
        lock (_lock)
        {
            (held, _held) = (_held, []);
        }

        foreach (var version in held)
        {
            version.LetGo();
        }

        // After a start or a rebuild of a large site, hundreds of megabytes of decoded text just became garbage, and an
        // idle server would keep it, committed, until enough new allocations ask for a full collection: one collection now
        // that also gives the memory back (a pause of a few hundred milliseconds, once, after such a read).
        if (held.Count >= LargeRelease)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
