using CsCheck;

namespace Site.Core.Tests.TestSupport;

/// <summary>Hostile search queries: the site's own words in both languages with Lucene's syntax, mutated, huge and deep.</summary>
public static class SearchFuzz
{
    private static readonly string[] Words =
    [
        "Tampere", "Finland", "芬兰", "坦佩雷", "江苏", "校长", "论坛", "principals", "forum", "2017", "Jiangsu", "南京", "school",
        "教育", "the", "AND", "OR", "NOT", "to", "Victoria", "维多利亚州", "ＴＡＭＰＥＲＥ", "café", "Ünïcödé", "Москва", "שלום",
    ];

    private static readonly string[] Syntax =
    [
        "\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "^", "^100", ":", "title:", "nodeName_en-us:", "__key:", "+", "-",
        "!", "&&", "||", "\\", "/", "/.*/", "[1 TO 9]", "{a TO z}", "\u201c", "\u201d", "\uff02", "\0", "\u0001", "\u200b", "\u202e",
        "\ud800", "\udc00", "😀", "\u3000", " ", "%00", "%", "'", "<script>alert(1)</script>", "&lt;", "' OR 1=1 --",
    ];

    private static readonly Gen<string> Token = Gen.Frequency((3, (IGen<string>)Gen.OneOf(Words)), (2, Gen.OneOf(Syntax)));

    /// <summary>A query a visitor might type, with syntax in it, mutated; or random text; or something huge or deeply nested.</summary>
    public static readonly Gen<string> Query = Gen.Frequency(
        (5, (IGen<string>)Fuzz.Mutated(Token.Array[1, 10].Select(tokens => string.Join(' ', tokens)), Fuzz.Fragment(Syntax))),
        (2, Token.Array[1, 10].Select(string.Concat)),
        (2, Fuzz.Text(80)),
        (1, Gen.Select(Token, Gen.Int[100, 20_000], (token, times) => string.Concat(Enumerable.Repeat(token, times)))));
}
