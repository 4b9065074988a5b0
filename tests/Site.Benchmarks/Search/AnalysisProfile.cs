using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Site.Core.Rendering;
using Site.Core.Search;

namespace Site.Benchmarks.Search;

/// <summary>One step of making a document, timed alone on one thread over a sample of bodies.</summary>
internal sealed record AnalysisStep(string Name, long Characters, TimeSpan Elapsed, long CorpusCharacters)
{
    public double CharactersPerSecond => Characters / Elapsed.TotalSeconds;

    /// <summary>The step over the whole corpus on every core, if it divided perfectly.</summary>
    public TimeSpan CorpusEstimate => TimeSpan.FromSeconds(CorpusCharacters / CharactersPerSecond / Environment.ProcessorCount);
}

/// <summary>
/// Where a rebuild's time goes: the bodies of a sample run through each analysis the index applies to them (the
/// culture's analyzer, the Chinese character pairs, the unstemmed "did you mean" words, which take every culture's
/// text) and through the Markdown-to-text step, each on its own, on one thread.
/// </summary>
internal static class AnalysisProfile
{
    public static IReadOnlyList<AnalysisStep> Measure(IReadOnlyList<SyntheticNode> corpus, IMarkdownRenderer markdown, int sampleSize)
    {
        var bodies = corpus.SelectMany(n => n.Data.Values).Where(v => v.Alias == "bodyText").ToList();
        var chinese = bodies.Where(v => v.Culture == CorpusGenerator.Chinese).Select(v => v.Value).ToList();
        var english = bodies.Where(v => v.Culture == CorpusGenerator.English).Select(v => v.Value).ToList();
        var chineseTotal = chinese.Sum(t => (long)t.Length);
        var englishTotal = english.Sum(t => (long)t.Length);
        var chineseSample = chinese.Take(sampleSize).ToList();
        var englishSample = english.Take(sampleSize).ToList();

        using var bigrams = new CJKAnalyzer(LuceneVersion.LUCENE_48);
        using var spelling = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);
        var smartCn = SearchAnalyzers.ForCulture(CorpusGenerator.Chinese);
        var englishAnalyzer = SearchAnalyzers.ForCulture(CorpusGenerator.English);

        // Once through everything first: JIT and the Chinese dictionaries.
        Run(chineseSample.Take(20), t => Count(smartCn, t));
        Run(englishSample.Take(20), t => Count(englishAnalyzer, t));
        Run(chineseSample.Take(20), t => Count(bigrams, t));
        Run(chineseSample.Take(20), t => Count(spelling, t));
        Run(chineseSample.Take(20), t => markdown.ToPlainText(t).Length);

        return
        [
            Step("Chinese bodies: SmartChineseAnalyzer", chineseSample, chineseTotal, t => Count(smartCn, t)),
            Step("Chinese bodies: character pairs (CJKAnalyzer)", chineseSample, chineseTotal, t => Count(bigrams, t)),
            Step("Chinese bodies: \"did you mean\" words (StandardAnalyzer)", chineseSample, chineseTotal, t => Count(spelling, t)),
            Step("English bodies: EnglishAnalyzer", englishSample, englishTotal, t => Count(englishAnalyzer, t)),
            Step("English bodies: \"did you mean\" words (StandardAnalyzer)", englishSample, englishTotal, t => Count(spelling, t)),
            Step("all bodies: Markdown to text", [.. chineseSample, .. englishSample], chineseTotal + englishTotal, t => markdown.ToPlainText(t).Length),
        ];
    }

    private static AnalysisStep Step(string name, IReadOnlyList<string> sample, long corpusCharacters, Func<string, int> work)
    {
        var started = Stopwatch.GetTimestamp();
        Run(sample, work);
        return new AnalysisStep(name, sample.Sum(t => (long)t.Length), Stopwatch.GetElapsedTime(started), corpusCharacters);
    }

    private static long Run(IEnumerable<string> texts, Func<string, int> work) => texts.Sum(t => (long)work(t));

    private static int Count(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("f", text);
        stream.Reset();
        var count = 0;
        while (stream.IncrementToken())
        {
            count++;
        }

        stream.End();
        return count;
    }
}
