using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>
/// A published version's values, kept compressed while nobody reads them: at 50,000 documents the text of every
/// published version was most of the site's memory. Reading decodes them again; the versions read most recently stay
/// decoded (a bounded ring shared by the process), the others only as long as something else holds them (a page being
/// rendered, the HTML cached for them).
/// </summary>
internal sealed class PublishedVersion
{
    /// <summary>How many decoded versions are held whatever the garbage collector does: a site's busy pages.</summary>
    private const int RecentlyRead = 2_048;

    /// <summary>Versions whose JSON is shorter stay decoded: compressing them would save less than it costs.</summary>
    private const int PackFrom = 1_024;

    private static readonly ContentData?[] Recent = new ContentData?[RecentlyRead];
    private static int _next;

    private readonly ContentData? _kept;
    private readonly byte[]? _packed;
    private readonly WeakReference<ContentData>? _decoded;

    // Held decoded from the read until let go: right after a build, the search index reads every new version again.
    private ContentData? _held;

    private PublishedVersion(ContentData kept) => _kept = kept;

    private PublishedVersion(byte[] packed, ContentData decoded)
    {
        _packed = packed;
        _decoded = new WeakReference<ContentData>(decoded);
        _held = decoded;
    }

    public static PublishedVersion Empty { get; } = new(ContentData.Empty);

    /// <summary>Values already decoded, kept as they are (previews and tests).</summary>
    public static PublishedVersion Of(ContentData data) => new(data);

    /// <summary>A stored version: parsed now (a build reads its names), then kept compressed when it is large.</summary>
    public static PublishedVersion FromJson(string json)
    {
        var data = ContentMapping.DeserializeData(json);
        return json.Length < PackFrom ? new PublishedVersion(data) : new PublishedVersion(Pack(json), data);
    }

    /// <summary>The compressed size, or null when kept decoded.</summary>
    public int? PackedBytes => _packed?.Length;

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
                data = Unpack(_packed!);
                _decoded.SetTarget(data);
            }

            Remember(data);
            return data;
        }
    }

    /// <summary>From now on the decoded values are kept only while read (see <see cref="HeldVersions"/>).</summary>
    public void LetGo() => Volatile.Write(ref _held, null);

    private static void Remember(ContentData data) => Recent[(int)((uint)Interlocked.Increment(ref _next) % RecentlyRead)] = data;

    /// <summary>The JSON as UTF-8, Brotli at its fastest setting, after its length.</summary>
    private static byte[] Pack(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8.Length) + sizeof(int));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, utf8.Length);
            if (!BrotliEncoder.TryCompress(utf8, buffer.AsSpan(sizeof(int)), out var written, quality: 1, window: 22))
            {
                throw new InvalidOperationException("Brotli could not compress a published version.");
            }

            return buffer.AsSpan(0, sizeof(int) + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ContentData Unpack(byte[] packed)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(packed);
        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(packed.AsSpan(sizeof(int)), utf8, out var written) || written != length)
            {
                throw new InvalidDataException("A published version's compressed values are damaged.");
            }

            return ContentMapping.DeserializeData(utf8.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}

/// <summary>
/// The versions a snapshot service read and still holds decoded. Everything that reads them all right after a build
/// (the tree, the search index's sync) has done so when the index has caught up: it lets them go, and they are kept
/// compressed from then on.
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
