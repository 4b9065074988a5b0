using System.Globalization;
using System.Text;
using CsCheck;

namespace Site.Core.Tests.TestSupport;

/// <summary>
/// Generators of hostile input for the property-based (fuzz) tests, and their iteration counts. CsCheck picks a random
/// seed, prints it with the shrunk input on failure, and takes one from the CsCheck_Seed environment variable to
/// repeat a run; SITE_FUZZ_FACTOR multiplies every iteration count for a longer run (e.g. 100 for a night).
/// </summary>
public static class Fuzz
{
    private static readonly long Factor =
        long.TryParse(Environment.GetEnvironmentVariable("SITE_FUZZ_FACTOR"), NumberStyles.None, CultureInfo.InvariantCulture, out var factor) && factor > 0
            ? factor
            : 1;

    /// <summary>The iteration count of a property: its everyday count (sized for the whole set to add under a minute) times SITE_FUZZ_FACTOR.</summary>
    public static long Iterations(long everyday) => everyday * Factor;

    /// <summary>Characters that break parsers: query syntax, quotes, brackets, escapes, percent signs, markup.</summary>
    public const string Syntax = "+-!():^[]\"'{}~*?|&/\\<>=,;:$%#@`.";

    /// <summary>Control characters, invisible ones, bidi overrides, full-width and curly quotes, odd spaces.</summary>
    public const string Odd = "\0\u0001\u0008\t\n\r\u000b\u001b\u007f\u0085\u00a0\u00ad\u200b\u200d\u200e\u202e\u2028\u2066\u3000\ufeff\uff02\uff08\uff09\u201c\u201d\ufffd\uffff";

    /// <summary>One character, weighted towards what breaks things: ASCII letters, syntax, CJK, controls, lone surrogates, anything.</summary>
    public static readonly Gen<char> HostileChar = Gen.Frequency(
        (8, (IGen<char>)Gen.Char['a', 'z']),
        (2, Gen.Char['A', 'Z']),
        (2, Gen.Char["0123456789 "]),
        (4, Gen.Char[Syntax]),
        (3, Gen.Char['\u4e00', '\u9fff']),
        (1, Gen.Char['\u3040', '\u30ff']),
        (1, Gen.Char['\u0400', '\u04ff']),
        (1, Gen.Char['\u0590', '\u06ff']),
        (2, Gen.Char[Odd]),
        (1, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char));

    /// <summary>Text of hostile characters, at most <paramref name="maxLength"/> long.</summary>
    public static Gen<string> Text(int maxLength) => HostileChar.Array[0, maxLength].Select(chars => new string(chars));

    /// <summary>Astral characters (emoji, rare CJK) as surrogate pairs, and halves of them.</summary>
    public static readonly Gen<string> Astral = Gen.OneOf("😀", "𠮷", "\ud83d", "\ude00", "👩‍👩‍👧", "🇫🇮");

    /// <summary>A fragment from <paramref name="tokens"/>, hostile text or an astral character: what a mutation inserts.</summary>
    public static Gen<string> Fragment(params string[] tokens) => Gen.Frequency(
        (5, (IGen<string>)Gen.OneOf(tokens)),
        (3, Text(8)),
        (1, Astral),
        (1, Gen.Select(Gen.OneOf(tokens), Gen.Int[2, 200], (token, times) => string.Concat(Enumerable.Repeat(token, times)))));

    /// <summary>
    /// Grammar-aware mutation: a valid input with one to four edits (insert a fragment, delete a span, duplicate a span,
    /// replace a span with a fragment, cut the end off, repeat the whole), so most inputs are nearly valid and reach
    /// deep into the code that reads them.
    /// </summary>
    public static Gen<string> Mutated(Gen<string> valid, Gen<string> fragment) =>
        Gen.Select(valid, Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1 << 20], Gen.Int[1, 12], fragment).Array[1, 4], Apply);

    private static string Apply(string text, (int Kind, int Position, int Length, string Fragment)[] edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (kind, position, length, fragment) in edits)
        {
            var at = builder.Length == 0 ? 0 : position % (builder.Length + 1);
            var span = Math.Min(length, builder.Length - at);
            switch (kind)
            {
                case 0:
                    builder.Insert(at, fragment);
                    break;
                case 1:
                    builder.Remove(at, span);
                    break;
                case 2:
                    builder.Insert(at, builder.ToString(at, span));
                    break;
                case 3:
                    builder.Remove(at, span).Insert(at, fragment);
                    break;
                case 4:
                    builder.Length = at;
                    break;
                default:
                    if (builder.Length < 4096)
                    {
                        builder.Insert(0, builder.ToString() + fragment);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Valid inputs mostly mutated, sometimes as they are, sometimes replaced by random text.</summary>
    public static Gen<string> Hostile(Gen<string> valid, Gen<string> fragment, int maxRandomLength = 64) => Gen.Frequency(
        (6, Mutated(valid, fragment)),
        (2, valid),
        (2, Text(maxRandomLength)));

    /// <summary>Whether the text has a surrogate without its other half (not valid UTF-16).</summary>
    public static bool HasLoneSurrogate(string text) => Site.Core.Content.EditorValues.HasLoneSurrogate(text);
}
