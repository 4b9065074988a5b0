using System.Globalization;
using System.Text;

namespace Site.Core.Sync;

/// <summary>
/// Umbraco's safe alias of a name, with its default settings (what <c>ToSafeAlias</c> gives and uSync uses for data type
/// file names and content paths): a few characters replaced first (Umbraco's default URL character replacements: a space
/// or <c>|</c> breaks a word, <c>. ' " : ; / \ # % &amp; ? &lt; &gt;</c> vanish without breaking it, <c>+</c> is
/// "plus", <c>*</c> "star", <c>æ ä ø ö å ü ß</c> are spelled out), then every other character made ASCII (accents
/// dropped; a character with no ASCII form, such as Chinese, breaks a word), then the words of letters, digits and
/// underscores joined, each after the first starting upper case. Leading digits are dropped: the alias starts with a letter.
/// </summary>
internal static class UmbracoSafeAlias
{
    private static readonly (string From, string To)[] Replacements =
    [
        (" ", "-"), ("\"", string.Empty), ("'", string.Empty), ("%", string.Empty), (".", string.Empty), (";", string.Empty),
        ("/", string.Empty), ("\\", string.Empty), (":", string.Empty), ("#", string.Empty), ("+", "plus"), ("*", "star"),
        ("&", string.Empty), ("?", string.Empty), ("æ", "ae"), ("ä", "ae"), ("ø", "oe"), ("ö", "oe"), ("å", "aa"),
        ("ü", "ue"), ("ß", "ss"), ("|", "-"), ("<", string.Empty), (">", string.Empty),
    ];

    /// <summary>Latin letters that do not decompose into an ASCII letter and a mark.</summary>
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['Æ'] = "AE", ['Ø'] = "O", ['Œ'] = "OE", ['œ'] = "oe", ['Đ'] = "D", ['đ'] = "d", ['Ð'] = "D", ['ð'] = "d",
        ['Ł'] = "L", ['ł'] = "l", ['Þ'] = "TH", ['þ'] = "th", ['ı'] = "i", ['ẞ'] = "SS",
    };

    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JoinWords(ToAscii(ApplyReplacements(name)));
    }

    /// <summary>Umbraco's default URL character replacements, which its aliases, URL segments and file names all start with.</summary>
    internal static string ApplyReplacements(string name)
    {
        foreach (var (from, to) in Replacements)
        {
            name = name.Replace(from, to, StringComparison.Ordinal);
        }

        return name;
    }

    /// <summary>Each character as ASCII; one that has none (or a surrogate pair) becomes <c>?</c>, which breaks a word.</summary>
    private static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAscii(c))
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append('?');
                i++;
            }
            else if (Letters.TryGetValue(c, out var spelled))
            {
                builder.Append(spelled);
            }
            else
            {
                // Compatibility decomposition: é → e + accent, ｆｕｌｌｗｉｄｔｈ → fullwidth, ① → 1; marks are dropped.
                var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
                var ascii = new StringBuilder(decomposed.Length);
                foreach (var part in decomposed)
                {
                    if (char.IsAscii(part))
                    {
                        ascii.Append(part);
                    }
                    else if (CharUnicodeInfo.GetUnicodeCategory(part) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                    {
                        ascii.Clear();
                        break;
                    }
                }

                builder.Append(ascii.Length > 0 ? ascii.ToString() : "?");
            }
        }

        return builder.ToString();
    }

    private enum State
    {
        Break,
        Upper,
        Word,
        Acronym,
    }

    /// <summary>
    /// Umbraco's word splitting for aliases: a word starts with a letter while nothing has started yet (so leading digits
    /// and underscores are dropped), later with a letter, digit or underscore. A single capital at the very start that
    /// ends at once (<c>"A 1b"</c>) leaves the start open, so digits after it are dropped too, as in Umbraco.
    /// </summary>
    private static string JoinWords(string text)
    {
        var output = new StringBuilder(text.Length);
        var state = State.Break;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var leading = state == State.Break && start == 0;
            var isTerm = leading ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c) || c == '_';
            var isUpper = char.IsAsciiLetterUpper(c);
            switch (state)
            {
                case State.Break when isTerm:
                    start = i;
                    state = isUpper ? State.Upper : State.Word;
                    break;
                case State.Upper:
                    if (isTerm)
                    {
                        state = isUpper ? State.Acronym : State.Word;
                    }
                    else
                    {
                        Append(output, text.AsSpan(start, 1));
                        state = State.Break;
                    }

                    break;
                case State.Word or State.Acronym when !isTerm:
                    Append(output, text.AsSpan(start, i - start));
                    start = i;
                    state = State.Break;
                    break;
                case State.Acronym when !isUpper:
                    state = State.Word;
                    break;
            }
        }

        if (state != State.Break)
        {
            Append(output, text.AsSpan(start));
        }

        return output.ToString();
    }

    /// <summary>The first word as it is, each later one with its first character upper case.</summary>
    private static void Append(StringBuilder output, ReadOnlySpan<char> word)
    {
        output.Append(output.Length == 0 ? word[0] : char.ToUpperInvariant(word[0]));
        output.Append(word[1..]);
    }
}
