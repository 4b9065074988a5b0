using System.Globalization;
using System.Text;

namespace Site.Core.Search;

/// <summary>A word (or a quoted phrase) of a visitor's query.</summary>
/// <param name="IsOptional">A stop word ("and", "the", "OR"): it may match, it never has to.</param>
public sealed record QueryWord(string Text, bool IsPhrase, bool IsOptional);

/// <summary>What was searched for, after clean-up: the words, and the text as it will be shown back.</summary>
public sealed record ParsedQuery(string Text, IReadOnlyList<QueryWord> Words)
{
    public bool IsEmpty => Words.Count == 0;

    /// <summary>True when the query ends mid-word (for suggestions as you type: the last word is a prefix).</summary>
    public bool EndsInWord { get; init; }
}

/// <summary>
/// Reads a visitor's query as plain text. There is no query syntax to get wrong: operators (AND, OR, +, -, *),
/// brackets and stray quotes are words or punctuation, never commands. Control characters are dropped, the text is
/// cut to a maximum length and a maximum number of words, and full-width letters are folded (ＴＡＭＰＥＲＥ → TAMPERE).
/// Balanced double quotes mark a phrase.
/// </summary>
public static class SearchQueryParser
{
    public static ParsedQuery Parse(string? text, int maxLength = 200, int maxWords = 12)
    {
        var clean = Clean(text, maxLength);
        var words = new List<QueryWord>();
        var quoteCount = clean.Count(c => c == '"');
        var phrases = quoteCount >= 2 && quoteCount % 2 == 0;
        var parts = phrases ? clean.Split('"') : [clean.Replace("\"", " ", StringComparison.Ordinal)];
        for (var i = 0; i < parts.Length && words.Count < maxWords; i++)
        {
            var inPhrase = phrases && i % 2 == 1;
            if (inPhrase)
            {
                var phrase = string.Join(' ', SplitWords(parts[i]));
                if (phrase.Length > 0)
                {
                    words.Add(new QueryWord(phrase, IsPhrase: true, IsOptional: false));
                }

                continue;
            }

            foreach (var word in SplitWords(parts[i]))
            {
                if (words.Count >= maxWords)
                {
                    break;
                }

                words.Add(new QueryWord(word, IsPhrase: false, IsOptional: SearchAnalyzers.IsEnglishStopWord(word)));
            }
        }

        // A query of stop words only ("the", "AND OR") still searches for them.
        if (words.Count > 0 && words.All(w => w.IsOptional))
        {
            words = [.. words.Select(w => w with { IsOptional = false })];
        }

        var endsInWord = clean.Length > 0 && !char.IsWhiteSpace(clean[^1]) && clean[^1] != '"' && words.Count > 0 && !words[^1].IsPhrase;
        return new ParsedQuery(clean, words) { EndsInWord = endsInWord };
    }

    /// <summary>Without control characters, with full-width forms folded and runs of spaces made one, at most <paramref name="maxLength"/> characters.</summary>
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Bound the work before anything else: a megabyte of input is cut, not normalized.
        if (text.Length > maxLength * 4)
        {
            text = text[..(maxLength * 4)];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                ? ' '
                : c is '“' or '”' or '„' or '＂' ? '"' : c);
        }

        string folded;
        try
        {
            folded = builder.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            folded = builder.ToString();
        }

        var collapsed = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > maxLength)
        {
            collapsed = collapsed[..maxLength];
            if (char.IsHighSurrogate(collapsed[^1]))
            {
                collapsed = collapsed[..^1];
            }
        }

        // Keep a trailing space: it tells the suggester that the last word is complete.
        var trailingSpace = folded.Length > 0 && char.IsWhiteSpace(folded[^1]) && collapsed.Length < maxLength && collapsed.Length > 0;
        return trailingSpace ? collapsed + " " : collapsed;
    }

    /// <summary>
    /// Words are separated by spaces and punctuation, and where Chinese characters meet Latin letters or digits
    /// ("Tampere芬兰" is two words); a word without a letter or digit ("*", "&amp;&amp;", "-") is no word.
    /// </summary>
    internal static IEnumerable<string> SplitWords(string text)
    {
        var current = new StringBuilder();
        bool? currentIsHan = null;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c is not '\'' and not '’' and not '.' and not '-')
            {
                foreach (var word in Flush(current))
                {
                    yield return word;
                }

                currentIsHan = null;
                continue;
            }

            var isHan = IsHan(c);
            if (currentIsHan is { } previous && previous != isHan && char.IsLetterOrDigit(c))
            {
                foreach (var word in Flush(current))
                {
                    yield return word;
                }
            }

            current.Append(c);
            if (char.IsLetterOrDigit(c))
            {
                currentIsHan = isHan;
            }
        }

        foreach (var word in Flush(current))
        {
            yield return word;
        }
    }

    private static IEnumerable<string> Flush(StringBuilder current)
    {
        var word = current.ToString().Trim('\'', '’', '.', '-');
        current.Clear();
        if (word.Any(char.IsLetterOrDigit))
        {
            yield return word;
        }
    }

    internal static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF';

    /// <summary>The words as the visitor would write them again, for "did you mean" links.</summary>
    public static string Format(IEnumerable<QueryWord> words) =>
        string.Join(' ', words.Select(w => w.IsPhrase ? "\"" + w.Text + "\"" : w.Text));

    internal static bool IsLatinWord(string word) => word.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');

    internal static bool IsNumber(string word) => word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit);

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
