using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using CsCheck;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Sync;

/// <summary>
/// Property-based: any file in a uSync folder (malformed XML, huge or deep documents, DTDs with external entities or
/// entity expansion) is read without an exception; what cannot be read is a problem naming the file, and a DTD is
/// refused without any entity being expanded or any file or address being read.
/// </summary>
public sealed class UsyncReaderFuzzTests : IDisposable
{
    private const string Secret = "SECRET-MARKER-3f1c";

    private static readonly Guid FuzzKey = Guid.Parse("30000000-0000-0000-0000-0000000000ff");

    private readonly string _secretFolder = TempFolders.NewPath("usync-secret");
    private readonly string _secretFile;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _connections;

    public UsyncReaderFuzzTests()
    {
        Directory.CreateDirectory(_secretFolder);
        _secretFile = Path.Combine(_secretFolder, "secret.txt");
        File.WriteAllText(_secretFile, Secret);
        _listener.Start();
        _ = AcceptAsync();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Counts and drops every connection: a reader that reached out would be seen here and get nothing.</summary>
    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _connections);
            }
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    /// <summary>A folder of each kind with one valid file in it: the starting points of the mutations.</summary>
    private static readonly (string Path, string Xml)[] ValidFiles =
    [
        ("Content/fuzz.config", Xml(MiniUsyncFolder.Content(MiniUsyncFolder.First() with { Key = FuzzKey, Names = MiniUsyncFolder.Names(("en-US", "Fuzz"), ("zh-CN", "模糊")) }))),
        ("DataTypes/fuzz.config", Xml(MiniUsyncFolder.DataType(Guid.Parse("10000000-0000-0000-0000-0000000000ff"), "Fuzz", "Umbraco.TextBox", "{\"maxChars\": 20}"))),
        ("Dictionary/fuzz.config", Xml(MiniUsyncFolder.DictionaryItem(Guid.Parse("40000000-0000-0000-0000-0000000000ff"), "fuzz", "Fuzz", "模糊"))),
        ("Languages/fuzz.config", Xml(MiniUsyncFolder.Language("fr-FR", "French", isDefault: false, isMandatory: false))),
        ("ContentTypes/fuzz.config", Xml(MiniUsyncFolder.ContentType(Guid.Parse("20000000-0000-0000-0000-0000000000ff"), "fuzz", "Fuzz", allowAtRoot: true, [],
            MiniUsyncFolder.Property("title", "Title", MiniUsyncFolder.TextstringKey, "Umbraco.TextBox", culture: true, mandatory: true, sortOrder: 0)))),
    ];

    private static string Xml(XDocument document) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + document.Root!;

    private static readonly Gen<(string Path, string Xml)> Valid = Gen.OneOf(ValidFiles);

    private static readonly Gen<string> XmlFragment = Fuzz.Fragment(
        "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x1F;", "&#xD800;", "&undefined;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
        "\"", "'", "=", " Key=\"x\"", "</Info>", "<Info>", "<Content>", "\uFEFF", "\0", "\ud800", "xmlns=\"urn:x\"", "xmlns:a=\"\"", "a:b");

    /// <summary>A valid file, mutated by XML's own syntax; sometimes made huge (a long value) or deep (nested elements).</summary>
    private static readonly Gen<(string Path, string Xml)> Malformed = Gen.Frequency(
        (8, (IGen<(string, string)>)Valid.SelectMany(file => Fuzz.Mutated(Gen.Const(file.Xml), XmlFragment).Select(xml => (file.Path, xml)))),
        (1, Gen.Select(Valid, Gen.Int[1, 1_000_000], (file, size) => (file.Path, file.Xml.Replace("<Info>", "<Info><Huge>" + new string('x', size) + "</Huge>", StringComparison.Ordinal)))),
        (1, Gen.Select(Valid, Gen.Int[1, 100_000], (file, depth) => (file.Path, file.Xml.Replace("<Info>", "<Info>" + string.Concat(Enumerable.Repeat("<d>", depth)) + string.Concat(Enumerable.Repeat("</d>", depth)), StringComparison.Ordinal)))));

    [Fact]
    public void Any_malformed_file_is_a_problem_naming_it_and_never_an_exception() =>
        Malformed.Sample(file =>
        {
            using var folder = MiniUsyncFolder.Create();
            folder.Write(file.Path, file.Xml);

            var (package, problems) = UsyncReader.Read(folder.Root);

            Assert.True(package is not null ^ problems.Count > 0);
            Assert.All(problems, p => Assert.False(Path.IsPathRooted(p.File), p.ToString()));
        }, iter: Fuzz.Iterations(80), threads: 2);

    /// <summary>A DTD: entity expansion (billion laughs, quadratic blow-up) or external entities (a file, an address), mutated.</summary>
    private Gen<(string Path, string Xml)> WithDtd()
    {
        var fileUri = new Uri(_secretFile).AbsoluteUri;
        var http = $"http://127.0.0.1:{Port}/";
        var laughs = Gen.Select(Gen.Int[2, 12], Gen.Int[2, 10], (depth, fanOut) =>
            (Dtd: "<!ENTITY a0 \"lol\">" + string.Concat(Enumerable.Range(1, depth).Select(i => $"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", fanOut))}\">")), Reference: $"&a{depth};"));
        var quadratic = Gen.Int[1_000, 100_000].Select(size => (Dtd: $"<!ENTITY q \"{new string('q', size)}\">", Reference: string.Concat(Enumerable.Repeat("&q;", 1000))));
        var external = Gen.OneOf(
            (Dtd: $"<!ENTITY x SYSTEM \"{fileUri}\">", Reference: "&x;"),
            (Dtd: $"<!ENTITY x SYSTEM \"{_secretFile}\">", Reference: "&x;"),
            (Dtd: $"<!ENTITY x SYSTEM \"{http}x\">", Reference: "&x;"),
            (Dtd: $"<!ENTITY % p SYSTEM \"{http}p.dtd\"> %p;", Reference: "&x;"),
            (Dtd: $"<!ENTITY % p SYSTEM \"{fileUri}\"> %p;", Reference: ""),
            (Dtd: "<!ENTITY x PUBLIC \"-//x//y\" \"" + http + "y\">", Reference: "&x;"));
        var dtd = Gen.Frequency((3, (IGen<(string Dtd, string Reference)>)laughs), (1, quadratic), (3, external));
        var externalSubset = Gen.OneOf($" SYSTEM \"{http}d.dtd\"", $" SYSTEM \"{fileUri}\"", "");
        var documents = Gen.Select(Valid, dtd, externalSubset, (file, d, subset) =>
        {
            var root = XDocument.Parse(file.Xml).Root!.Name.LocalName;
            var withDtd = file.Xml.Replace("?>\n", $"?>\n<!DOCTYPE {root}{subset} [{d.Dtd}]>\n", StringComparison.Ordinal);
            var at = withDtd.LastIndexOf("</", StringComparison.Ordinal);
            return (file.Path, Xml: withDtd.Insert(at, "<Entity>" + d.Reference + "</Entity>"));
        });
        return Gen.Frequency(
            (4, (IGen<(string, string)>)documents),
            (1, documents.SelectMany(file => Fuzz.Mutated(Gen.Const(file.Xml), Fuzz.Fragment("<!ENTITY", "<!DOCTYPE", "%p;", "&x;", "SYSTEM", "\"", ">", "[", "]"))
                .Where(xml => xml.Contains("<!DOCTYPE", StringComparison.Ordinal)).Select(xml => (file.Path, xml)))));
    }

    [Fact]
    public void A_dtd_is_refused_naming_the_file_and_nothing_is_expanded_or_read() =>
        WithDtd().Sample(file =>
        {
            using var folder = MiniUsyncFolder.Create();
            folder.Write(file.Path, file.Xml);

            var (package, problems) = UsyncReader.Read(folder.Root);

            Assert.Null(package);
            var problem = Assert.Single(problems, p => p.File == file.Path);
            Assert.Contains("DTD", problem.Problem, StringComparison.Ordinal);
            Assert.All(problems, p => Assert.DoesNotContain(Secret, p.Problem, StringComparison.Ordinal));
            Assert.True(problem.Problem.Length < 1000, problem.Problem);
            Assert.Equal(0, Volatile.Read(ref _connections));
        }, iter: Fuzz.Iterations(60), threads: 2);

    [Fact]
    public async Task A_billion_laughs_file_is_refused_by_the_import_and_nothing_is_written()
    {
        using var folder = MiniUsyncFolder.Create();
        var laughs = "<!ENTITY a0 \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">"));
        folder.Write("Content/first.config", Xml(MiniUsyncFolder.Content(MiniUsyncFolder.First())).Replace("?>\n", $"?>\n<!DOCTYPE Content [{laughs}]>\n", StringComparison.Ordinal)
            .Replace("First article", "&a9;", StringComparison.Ordinal));
        await using var engine = await TestEngine.StartAsync(TestDatabase.Sqlite, folder.Root, import: false);

        var result = await engine.Importer.ImportAsync(folder.Root, "uSync", TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Content/first.config", problem.File);
        Assert.Contains("DTD", problem.Problem, StringComparison.Ordinal);
        Assert.Equal(new DatabaseCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), await engine.CountRowsAsync());
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        TempFolders.Delete(_secretFolder);
    }
}
