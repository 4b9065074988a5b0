using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Site.Core.Localization;

/// <summary>
/// The site's own words (not content) in every language that has a translation file: the one localisation mechanism
/// of the engine, the public site, the member pages and the back office. Code names each text by its English source
/// (gettext's way: readable call sites, and English where no translation exists); a translation is a JSON file
/// "{catalog}.{culture}.json" of source → translation, embedded in the assembly. A language the content adds (say
/// fr-FR) needs no code: its texts are English until someone adds "Site.fr-FR.json".
/// </summary>
/// <remarks>
/// Chosen over IStringLocalizer with .resx files because every read here names its culture (nothing depends on the
/// thread's current culture), and JSON files are easy for a translator to review beside the English.
/// </remarks>
public sealed class TextCatalog
{
    private const string ResourcePrefix = "texts/";

    /// <summary>
    /// The language the source texts are written in, declared beside the translations (Localization/source.json,
    /// embedded as "texts/source.json"): data, not code, so that no code names a culture.
    /// </summary>
    public static string SourceCulture { get; } = ReadSourceCulture();

    private static readonly FrozenDictionary<string, string> NoTranslations = FrozenDictionary<string, string>.Empty;

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    // Which file (if any) serves a culture that has none of its own, worked out once per culture.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrozenDictionary<string, string>> _resolved = new(StringComparer.OrdinalIgnoreCase);

    private TextCatalog(string name, FrozenDictionary<string, FrozenDictionary<string, string>> byCulture)
    {
        Name = name;
        _byCulture = byCulture;
    }

    public string Name { get; }

    /// <summary>The cultures with a translation file, besides the source language.</summary>
    public IReadOnlyCollection<string> TranslatedCultures => _byCulture.Keys;

    private static string ReadSourceCulture()
    {
        using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + "source.json")
            ?? throw new InvalidOperationException("Site.Core must embed Localization/source.json, which names the source texts' language.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.GetProperty("sourceCulture").GetString()
            ?? throw new InvalidOperationException("Localization/source.json must name the source texts' language (sourceCulture).");
    }

    /// <summary>Reads the catalog's files ("texts/{name}.{culture}.json" resources) from an assembly.</summary>
    public static TextCatalog Load(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var prefix = $"{ResourcePrefix}{name}.";
        var cultures = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var culture = resource[prefix.Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The translation file {resource} is empty.");
            cultures[culture] = texts.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new TextCatalog(name, cultures.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The text in the culture: its translation, else one for the same script (zh-SG reads zh-CN's), else the source.</summary>
    public string Get(string culture, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Translations(culture) is { } texts && texts.TryGetValue(source, out var text) ? text : source;
    }

    /// <summary>Whether the culture has a translation file of its own (or one of the same script).</summary>
    public bool Translates(string culture) => Translations(culture) is not null;

    private FrozenDictionary<string, string>? Translations(string? culture)
    {
        if (string.IsNullOrEmpty(culture))
        {
            return null;
        }

        if (_byCulture.TryGetValue(culture, out var exact))
        {
            return exact;
        }

        var resolved = _resolved.GetOrAdd(culture, c =>
        {
            var parent = ParentOf(c);
            return (parent is null ? null : _byCulture.FirstOrDefault(t => ParentOf(t.Key) == parent).Value) ?? NoTranslations;
        });
        return resolved == NoTranslations ? null : resolved;
    }

    private static string? ParentOf(string culture)
    {
        try
        {
            var parent = CultureInfo.GetCultureInfo(culture).Parent;
            return parent == CultureInfo.InvariantCulture ? null : parent.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
