namespace Site.Benchmarks.Search;

/// <summary>A query as a visitor types it, in the language of the page they are on.</summary>
internal sealed record BenchmarkQuery(string Kind, string Text, string Culture);

/// <summary>The fixed query mix: each kind equally often, in one fixed interleaved order.</summary>
internal static class QueryMix
{
    private const string En = CorpusGenerator.English;
    private const string Zh = CorpusGenerator.Chinese;

    public static IReadOnlyList<BenchmarkQuery> All { get; } =
    [
        new("English word", "forum", En),
        new("English word", "curriculum", En),
        new("English word", "Tampere", En),
        new("English word", "scholarship", En),
        new("stem", "partnerships", En),
        new("stem", "educational", En),
        new("stem", "learned", En),
        new("stem", "schools", En),
        new("Chinese word", "校长", Zh),
        new("Chinese word", "人工智能", Zh),
        new("Chinese word", "友好学校", Zh),
        new("Chinese word", "坦佩雷", Zh),
        new("cross-language", "芬兰", En),
        new("cross-language", "Finland", Zh),
        new("cross-language", "苏州 partnership", En),
        new("cross-language", "Melbourne 校长", Zh),
        new("multi-word", "school leadership forum", En),
        new("multi-word", "\"digital literacy\"", En),
        new("multi-word", "人工智能 素养 教育", Zh),
        new("multi-word", "international cooperation Jiangsu 2017", En),
        new("misspelt", "curiculum", En),
        new("misspelt", "Tamepre", En),
        new("misspelt", "partnrship schools", En),
        new("misspelt", "educaton reform", En),
    ];

    public static IReadOnlyList<string> Kinds { get; } = [.. All.Select(q => q.Kind).Distinct()];

    /// <summary>The i-th query of the run: kinds take turns, so any stretch of the run has them all.</summary>
    public static BenchmarkQuery At(long i)
    {
        var perKind = All.Count / Kinds.Count;
        var kind = (int)(i % Kinds.Count);
        var within = (int)(i / Kinds.Count % perKind);
        return All[(kind * perKind) + within];
    }
}
