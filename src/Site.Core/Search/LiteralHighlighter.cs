using System.Text;

namespace Site.Core.Search;

/// <summary>
/// Highlights Chinese text by finding the query's words in it as they are written, without analysing the text again.
/// Lucene's highlighter re-analyses every shown hit's stored text, and SmartChineseAnalyzer reads about a million
/// characters a second: for ten Chinese hits that was most of a search's time. A Chinese word is the same characters
/// wherever it stands, and the index has already decided that the page matches.
/// </summary>
internal static class LiteralHighlighter
{
    /// <summary>Enough to choose good passages in any real text; a pathological one is not read further.</summary>
    private const int MaxMatches = 400;

    /// <summary>Up to <paramref name="maxFragments"/> passages of about <paramref name="fragmentSize"/> characters with the most distinct words, in text order, the words marked; null when none occurs.</summary>
    public static string? Highlight(string text, IReadOnlyList<string> words, int fragmentSize, int maxFragments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        var matches = Find(text, words);
        if (matches.Count == 0)
        {
            return null;
        }

        var chosen = new List<(int Start, int End)>();
        for (var n = 0; n < maxFragments; n++)
        {
            if (BestWindow(text, matches, fragmentSize, chosen) is not { } window)
            {
                break;
            }

            chosen.Add(window);
        }

        return string.Join(" … ", chosen.OrderBy(w => w.Start).Select(w => Render(text, w, matches).Trim()).Where(f => f.Length > 0));
    }

    /// <summary>Every occurrence of every word, in text order, none overlapping (the longer word wins at one place).</summary>
    private static List<(int Start, int End, int Word)> Find(string text, IReadOnlyList<string> words)
    {
        var found = new List<(int Start, int End, int Word)>();
        for (var w = 0; w < words.Count && found.Count < MaxMatches; w++)
        {
            var word = words[w];
            if (string.IsNullOrWhiteSpace(word))
            {
                continue;
            }

            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0 && found.Count < MaxMatches;
                 at = at + word.Length < text.Length ? text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase) : -1)
            {
                if (WholeWord(text, at, word.Length))
                {
                    found.Add((at, at + word.Length, w));
                }
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<(int Start, int End, int Word)>(found.Count);
        foreach (var match in found)
        {
            if (kept.Count == 0 || match.Start >= kept[^1].End)
            {
                kept.Add(match);
            }
        }

        return kept;
    }

    /// <summary>Latin letters and digits must not continue the word on either side ("ai" is not marked in "mail"); Chinese needs no spaces.</summary>
    private static bool WholeWord(string text, int start, int length)
    {
        var first = text[start];
        var last = text[start + length - 1];
        var before = start > 0 ? text[start - 1] : ' ';
        var after = start + length < text.Length ? text[start + length] : ' ';
        return !(char.IsAsciiLetterOrDigit(first) && char.IsAsciiLetterOrDigit(before))
            && !(char.IsAsciiLetterOrDigit(last) && char.IsAsciiLetterOrDigit(after));
    }

    /// <summary>The window with the most distinct words (then the most matches, then the earliest), apart from those chosen.</summary>
    private static (int Start, int End)? BestWindow(string text, List<(int Start, int End, int Word)> matches, int size, List<(int Start, int End)> chosen)
    {
        (int Start, int End)? best = null;
        var bestScore = -1;
        var distinct = new HashSet<int>();
        for (var i = 0; i < matches.Count; i++)
        {
            // The first word a little way in, so the passage reads from before it.
            var start = SentenceStart(text, Boundary(text, Math.Max(0, matches[i].Start - Math.Max(0, (size - (matches[i].End - matches[i].Start)) / 4))), matches[i].Start, size);
            var end = Math.Min(text.Length, start + size);
            if (chosen.Any(c => start < c.End && c.Start < end))
            {
                continue;
            }

            distinct.Clear();
            var count = 0;
            var first = i;
            while (first > 0 && matches[first - 1].Start >= start)
            {
                first--;
            }

            var lastEnd = matches[i].End;
            for (var j = first; j < matches.Count && matches[j].End <= end; j++)
            {
                distinct.Add(matches[j].Word);
                count++;
                lastEnd = Math.Max(lastEnd, matches[j].End);
            }

            var score = (distinct.Count * (MaxMatches + 1)) + count;
            if (score > bestScore)
            {
                (best, bestScore) = ((start, WordEnd(text, Boundary(text, Math.Max(end, matches[i].End)), lastEnd)), score);
            }
        }

        return best;
    }

    /// <summary>
    /// A passage reads better from the start of its sentence: back to just after 。！？; a line break or a " · "
    /// between values, or to the start of the text, when that keeps the first word in the passage's first half; then
    /// past the commas and spaces it would otherwise begin with.
    /// </summary>
    private static int SentenceStart(string text, int start, int firstMatch, int size)
    {
        var limit = Math.Max(0, firstMatch - (size / 2));
        var found = false;
        for (var i = firstMatch - 1; i >= limit; i--)
        {
            if (text[i] is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '·')
            {
                (start, found) = (i + 1, true);
                break;
            }
        }

        if (!found && limit == 0)
        {
            start = 0;
        }

        while (start < firstMatch && (char.IsWhiteSpace(text[start]) || text[start] is '，' or '、' or ',' or '：' or ':' or '；' or ';' or '。' or '.' or '·'))
        {
            start++;
        }

        return start;
    }

    /// <summary>Not in the middle of a Latin word: back to the space before it, if that keeps the last mark.</summary>
    private static int WordEnd(string text, int end, int lastMatchEnd)
    {
        if (end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]) || !char.IsAsciiLetterOrDigit(text[end - 1]))
        {
            return end;
        }

        for (var i = end - 1; i > Math.Max(lastMatchEnd, end - 20); i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>Never between the two halves of a surrogate pair.</summary>
    private static int Boundary(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;

    private static string Render(string text, (int Start, int End) window, List<(int Start, int End, int Word)> matches)
    {
        var html = new StringBuilder(window.End - window.Start + 32);
        var at = window.Start;
        foreach (var (start, end, _) in matches)
        {
            if (start < window.Start || end > window.End)
            {
                continue;
            }

            html.Append(HtmlTextEncoder.Encode(text[at..start])).Append("<mark>").Append(HtmlTextEncoder.Encode(text[start..end])).Append("</mark>");
            at = end;
        }

        return html.Append(HtmlTextEncoder.Encode(text[at..window.End])).ToString();
    }
}
