using System.Globalization;
using Site.Core.Localization;

namespace Site.Core.Content;

/// <summary>
/// A message for refusals and validation errors, read in any culture: the engine's own words through its
/// <see cref="TextCatalog"/>, or words that content defines (a uSync dictionary item) in the cultures it gives.
/// </summary>
public sealed class LocalizedText
{
    private static readonly TextCatalog Engine = TextCatalog.Load(typeof(LocalizedText).Assembly, "Engine");

    private readonly string _source;
    private readonly IReadOnlyDictionary<string, string>? _byCulture;
    private readonly object[] _args;

    private LocalizedText(string source, IReadOnlyDictionary<string, string>? byCulture, object[] args)
    {
        _source = source;
        _byCulture = byCulture;
        _args = args;
    }

    /// <summary>One of the engine's messages, by its English source text (translated in Localization/Engine.{culture}.json).</summary>
    public static LocalizedText Of(string english) => new(english, null, []);

    /// <summary>Words that content defines per culture; <paramref name="fallback"/> for a culture it does not give.</summary>
    public static LocalizedText FromTranslations(IReadOnlyDictionary<string, string> byCulture, string fallback) =>
        new(fallback, new Dictionary<string, string>(byCulture, StringComparer.OrdinalIgnoreCase), []);

    /// <summary>Text that is the same in every culture (a message an editor typed into the schema).</summary>
    public static LocalizedText Verbatim(string text) => new(text, new Dictionary<string, string>(), []);

    /// <summary>The message in the culture asked for: its translation, else the source text.</summary>
    public string Get(string culture)
    {
        var template = _byCulture is null ? Engine.Get(culture, _source)
            : _byCulture.TryGetValue(culture, out var text) ? text
            : _source;
        // A message inside a message (a block's value problem) is read in the same culture.
        return _args.Length == 0 ? template
            : string.Format(FormatCulture(culture), template, [.. _args.Select(a => a is LocalizedText inner ? inner.Get(culture) : a)]);
    }

    public LocalizedText Format(params object[] args) => new(_source, _byCulture, args);

    public override string ToString() => Get(TextCatalog.SourceCulture);

    private static CultureInfo FormatCulture(string culture)
    {
        try
        {
            return CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
