using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Site.Core.Search;

/// <summary>
/// The analyzer of each culture: Chinese is segmented into words by SmartChineseAnalyzer (a dictionary and an HMM),
/// English goes through EnglishAnalyzer (possessives, lower case, stop words, Porter stemming); other languages get
/// the standard analyzer. Per-culture fields pick their culture's analyzer by the suffix of their name.
/// </summary>
public static class SearchAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// The analyzer for text in <paramref name="culture"/>, by its language (ISO 639-1): the languages Lucene has a
    /// dedicated analyzer for here, not a list of the site's cultures (those come from content); any other language
    /// gets the standard analyzer.
    /// </summary>
    public static Analyzer ForCulture(string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return LanguageOf(culture) switch
        {
            ChineseLanguage => Chinese,
            EnglishLanguage => English,
            _ => Standard,
        };
    }

    /// <summary>Whether a culture's text is segmented into Chinese words (and so also indexed as character pairs).</summary>
    public static bool IsChinese(string culture) => LanguageOf(culture) == ChineseLanguage;

    private const string ChineseLanguage = "zh";
    private const string EnglishLanguage = "en";

    private static string LanguageOf(string culture) =>
        culture.Split('-', 2)[0].ToLowerInvariant();

    /// <summary>Analyzers are thread-safe and costly to create (the Chinese dictionaries): one of each per process.</summary>
    internal static Analyzer Chinese => ChineseHolder.Instance;

    internal static Analyzer English { get; } = new EnglishAnalyzer(Version);

    internal static Analyzer Standard { get; } = new StandardAnalyzer(Version);

    /// <summary>Lower-cased English words without stemming, for the spelling dictionary.</summary>
    internal static Analyzer Spelling { get; } = new StandardAnalyzer(Version, CharArraySet.Empty);

    internal static Analyzer Keyword { get; } = new KeywordAnalyzer();

    /// <summary>
    /// Overlapping pairs of Chinese characters (坦佩雷 → 坦佩 佩雷): a low-weight second chance for names the word
    /// segmenter splits differently in a query than in a sentence (维多利亚 alone, 维多利亚州 in the text).
    /// A single character is no pair, so a query for one character still finds only words.
    /// </summary>
    internal static Analyzer Bigrams { get; } = new Lucene.Net.Analysis.Cjk.CJKAnalyzer(Version);

    /// <summary>The analyzer for any field of the index: by the culture suffix of its name, keywords for the rest.</summary>
    internal static Analyzer PerField { get; } = new CultureFieldAnalyzer();

    /// <summary>The terms an analyzer makes of a text, in order: for tests and for building queries.</summary>
    public static IReadOnlyList<string> Tokens(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>Is this an English stop word ("and", "the", "or")? Such words never make a query fail.</summary>
    internal static bool IsEnglishStopWord(string word) =>
        EnglishAnalyzer.DefaultStopSet.Contains(word.ToLower(CultureInfo.InvariantCulture));

    private static class ChineseHolder
    {
        internal static readonly Analyzer Instance = new SmartChineseAnalyzer(Version);
    }

    private sealed class CultureFieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName)
        {
            if (string.Equals(fieldName, SearchFields.Spell, StringComparison.Ordinal))
            {
                return Spelling;
            }

            if (fieldName.StartsWith(SearchFields.Bigrams + "_", StringComparison.Ordinal))
            {
                return Bigrams;
            }

            if (fieldName.StartsWith("__", StringComparison.Ordinal))
            {
                return Keyword;
            }

            return SearchFields.CultureOf(fieldName) is { } culture ? ForCulture(culture) : Standard;
        }
    }
}
