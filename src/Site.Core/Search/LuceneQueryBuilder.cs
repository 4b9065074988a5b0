using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Core.Search;

/// <summary>
/// Builds Lucene queries from parsed words, never from query syntax. Each word is looked for in every searched
/// field of every culture, analyzed as that culture analyzes it (so 芬兰 is one Chinese word and "findings" finds
/// "finding"), and in its cross-language equivalents; a number also matches the year and the session number.
/// </summary>
internal static class LuceneQueryBuilder
{
    private const int MaxTokensPerWord = 16;

    /// <summary>Every word must match somewhere (stop words may), or, relaxed, any one of them.</summary>
    /// <param name="reader">The index searched, for which fields have Chinese terms at all; null: assume all do.</param>
    public static Query? Build(ParsedQuery query, IReadOnlyList<string> cultures, TermBridge bridge, bool relaxed, bool lastWordIsPrefix = false, IndexReader? reader = null)
    {
        var main = new BooleanQuery();
        for (var i = 0; i < query.Words.Count; i++)
        {
            var word = query.Words[i];
            if (GlossarySpan(query.Words, i, bridge) is ( > 1, var term) span)
            {
                main.Add(Span(query.Words, i, span.Length, term, cultures, bridge, reader), relaxed ? Occur.SHOULD : Occur.MUST);
                i += span.Length - 1;
                continue;
            }

            var prefix = lastWordIsPrefix && i == query.Words.Count - 1;
            var clause = Word(word, cultures, bridge, prefix, reader);
            if (clause is not null)
            {
                main.Add(clause, relaxed || word.IsOptional ? Occur.SHOULD : Occur.MUST);
            }
        }

        if (main.Clauses.Count == 0)
        {
            return null;
        }

        if (main.Clauses.All(c => c.Occur == Occur.SHOULD))
        {
            main.MinimumNumberShouldMatch = 1;
        }

        return main;
    }

    /// <summary>How many words of the query must match for a page to be found (those that are not stop words).</summary>
    public static int RequiredWords(ParsedQuery query) => query.Words.Count(w => !w.IsOptional);

    internal static Query? Word(QueryWord word, IReadOnlyList<string> cultures, TermBridge bridge, bool prefix, IndexReader? reader = null)
    {
        // Any field of any culture, their scores added (coord off): a page with the word in its name and its body
        // ranks above one with it in the body only, as a DisjunctionMaxQuery ranked them. Optional clauses alone are
        // scored by Lucene's BooleanScorer, a window of documents at a time when the collector takes them out of
        // order (SearchService.Run does), where a DisjunctionMaxQuery steps every field's postings in document order:
        // half the CPU for a word on 15,000 pages.
        var any = new BooleanQuery(disableCoord: true);
        var fields = prefix ? SearchFields.SearchedFields.Where(f => f.Field is SearchFields.NodeName or SearchFields.Place or SearchFields.Tags) : SearchFields.SearchedFields;
        foreach (var culture in cultures)
        {
            // Every searched field of a culture has the culture's analyzer: the word is analysed once, not per field.
            var analyzer = SearchAnalyzers.ForCulture(culture);
            var tokens = SearchAnalyzers.Tokens(analyzer, SearchFields.For(SearchFields.BodyText, culture), word.Text);
            var han = tokens.Count > 0 && tokens.All(t => t.All(SearchQueryParser.IsHan));
            foreach (var (field, boost) in fields)
            {
                // Chinese characters asked of a field that has none (an English text, usually): nothing to look up.
                var name = SearchFields.For(field, culture);
                if (han && reader is not null && !HanTerms.InField(reader, name))
                {
                    continue;
                }

                if (Field(name, tokens, word.IsPhrase, prefix) is { } query)
                {
                    query.Boost = boost;
                    any.Add(query, Occur.SHOULD);
                }
            }

            // Pairs of characters only for words of two or more Chinese characters, and as a phrase: they find a word
            // the segmenter reads differently in a sentence (维多利亚 alone, 维多利亚州 in the text), and for a word it
            // splits (友好学校 → 友好 学校) they score the parts side by side.
            if (!prefix && SearchFields.UsesBigrams(culture) && word.Text.Count(SearchQueryParser.IsHan) >= 2
                && Field(SearchFields.For(SearchFields.Bigrams, culture), SearchAnalyzers.Bigrams, word.Text, phrase: true, prefix: false) is { } pairs)
            {
                pairs.Boost = SearchFields.BigramBoost;
                any.Add(pairs, Occur.SHOULD);
            }
        }

        if (!prefix)
        {
            AddEquivalents(any, word.Text, bridge);

            if (SearchQueryParser.IsNumber(word.Text))
            {
                var number = word.Text.TrimStart('0');
                any.Add(new TermQuery(new Term(SearchFields.Year, word.Text)) { Boost = 4f }, Occur.SHOULD);
                if (number.Length > 0)
                {
                    any.Add(new TermQuery(new Term(SearchFields.SessionNumber, number)) { Boost = 3f }, Occur.SHOULD);
                }
            }
        }

        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>What names the same thing as <paramref name="text"/> (in another language, or a glossary synonym), as phrases.</summary>
    private static void AddEquivalents(BooleanQuery any, string text, TermBridge bridge)
    {
        foreach (var (culture, equivalent) in bridge.Translate(text))
        {
            var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.ForCulture(culture), SearchFields.For(SearchFields.BodyText, culture), equivalent);
            foreach (var (field, boost) in SearchFields.SearchedFields)
            {
                if (Field(SearchFields.For(field, culture), tokens, phrase: true, prefix: false) is { } query)
                {
                    query.Boost = boost * 0.8f;
                    any.Add(query, Occur.SHOULD);
                }
            }
        }
    }

    /// <summary>The glossary term that the words from <paramref name="start"/> spell ("sister school"), and how many they are; none: 0.</summary>
    private static (int Length, string Term) GlossarySpan(IReadOnlyList<QueryWord> words, int start, TermBridge bridge)
    {
        if (words[start].IsPhrase || !bridge.Phrases.TryGetValue(TermBridge.Normalize(words[start].Text), out var phrases))
        {
            return (0, "");
        }

        // Longest first, so "science technology engineering" wins over "science technology".
        foreach (var (phrase, term) in phrases)
        {
            if (start + phrase.Length <= words.Count
                && phrase.Select((w, k) => !words[start + k].IsPhrase && TermBridge.Normalize(words[start + k].Text) == w).All(same => same))
            {
                return (phrase.Length, term);
            }
        }

        return (0, "");
    }

    /// <summary>A glossary term typed as several words: those words together, or what the term's entry names in its place (友好学校 for "sister school").</summary>
    private static BooleanQuery Span(IReadOnlyList<QueryWord> words, int start, int length, string term, IReadOnlyList<string> cultures, TermBridge bridge, IndexReader? reader)
    {
        var together = new BooleanQuery();
        for (var k = start; k < start + length; k++)
        {
            if (Word(words[k], cultures, bridge, prefix: false, reader) is { } clause)
            {
                together.Add(clause, words[k].IsOptional ? Occur.SHOULD : Occur.MUST);
            }
        }

        var any = new BooleanQuery(disableCoord: true);
        if (together.Clauses.Count > 0)
        {
            any.Add(together, Occur.SHOULD);
        }

        AddEquivalents(any, term, bridge);
        return any;
    }

    internal static Query? Field(string field, Analyzer analyzer, string text, bool phrase, bool prefix) =>
        Field(field, SearchAnalyzers.Tokens(analyzer, field, text), phrase, prefix);

    /// <summary>The query for a word's terms (as its culture's analyzer made them) in one field.</summary>
    internal static Query? Field(string field, IReadOnlyList<string> tokens, bool phrase, bool prefix)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count > MaxTokensPerWord)
        {
            tokens = [.. tokens.Take(MaxTokensPerWord)];
        }

        if (prefix)
        {
            var last = new PrefixQuery(new Term(field, tokens[^1]));
            if (tokens.Count == 1)
            {
                return last;
            }

            var all = new BooleanQuery();
            foreach (var token in tokens.Take(tokens.Count - 1))
            {
                all.Add(new TermQuery(new Term(field, token)), Occur.MUST);
            }

            all.Add(last, Occur.MUST);
            return all;
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0]));
        }

        if (phrase)
        {
            return Sequence(field, tokens, slop: 0);
        }

        // A word the analyzer splits ("e-mail" → e mail, 芬兰坦佩雷 → 芬兰 坦 佩 雷): every part must be there, together
        // scores more. Characters the Chinese segmenter could not join into a word (a name it does not know: 坦 佩 雷)
        // must stand together, in order: each alone is on thousands of pages.
        var parts = new BooleanQuery();
        foreach (var part in Parts(field, tokens))
        {
            parts.Add(part, Occur.MUST);
        }

        if (parts.Clauses.Count == 1)
        {
            return parts.Clauses[0].Query;
        }

        // Chinese words side by side score more through the character pairs (a phrase there); a second phrase here
        // would read the positions of every page with both words (学校 is on most pages) in every field.
        if (!tokens.Any(t => t.Any(SearchQueryParser.IsHan)))
        {
            parts.Add(Sequence(field, tokens, slop: 1), Occur.SHOULD);
        }

        return parts;
    }

    private static PhraseQuery Sequence(string field, IEnumerable<string> tokens, int slop)
    {
        var sequence = new PhraseQuery { Slop = slop };
        foreach (var token in tokens)
        {
            sequence.Add(new Term(field, token));
        }

        return sequence;
    }

    /// <summary>Each token a term, except that a run of two or more single Chinese characters is one phrase.</summary>
    private static IEnumerable<Query> Parts(string field, IReadOnlyList<string> tokens)
    {
        var run = new List<string>();
        foreach (var token in tokens.Append(string.Empty))
        {
            if (token.Length == 1 && SearchQueryParser.IsHan(token[0]))
            {
                run.Add(token);
                continue;
            }

            if (run.Count == 1)
            {
                yield return new TermQuery(new Term(field, run[0]));
            }
            else if (run.Count > 1)
            {
                yield return Sequence(field, run, slop: 0);
            }

            run.Clear();
            if (token.Length > 0)
            {
                yield return new TermQuery(new Term(field, token));
            }
        }
    }
}

/// <summary>
/// Whether a field has any term in Chinese (or Japanese) characters, per segment, read once while the segment lives:
/// most pages' English text has none, so a Chinese word need not be looked up there (each look-up reads the term
/// dictionary of every segment, twice).
/// </summary>
internal static class HanTerms
{
    /// <summary>Terms walked before giving up and answering yes: past the first Han block only other scripts sort.</summary>
    private const int MaxWalk = 10_000;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, bool>> Cache = [];

    public static bool InField(IndexReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (Cache.GetValue(segment.CoreCacheKey, static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))
                .GetOrAdd(field, static (name, r) => Read(r, name), segment))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Read(AtomicReader segment, string field)
    {
        var terms = segment.GetTerms(field);
        if (terms is null)
        {
            return false;
        }

        // Terms sort by code point: seek to the first Han-range character and walk what follows.
        var e = terms.GetEnumerator();
        if (e.SeekCeil(new BytesRef("\u3040")) == TermsEnum.SeekStatus.END)
        {
            return false;
        }

        var walked = 0;
        do
        {
            var text = e.Term.Utf8ToString();
            if (text.Length == 0)
            {
                continue;
            }

            // Beyond the basic plane (rare Han among them) is answered yes rather than walked.
            if (char.IsSurrogate(text[0]))
            {
                return true;
            }

            if (text[0] >= '\uFB00')
            {
                return false;
            }

            if (SearchQueryParser.IsHan(text[0]) || ++walked > MaxWalk)
            {
                return true;
            }
        }
        while (e.MoveNext());

        return false;
    }
}
