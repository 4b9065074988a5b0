using System.Text;

namespace Site.Core.Sync;

/// <summary>
/// Umbraco's safe file name of a name, with its default settings (what <c>ToSafeFileName</c> gives and uSync uses to
/// name a content node's file): characters not allowed in a file name break a word (Windows' list, so that the name
/// is a file name everywhere), what follows the last dot is cleaned apart as an extension, and each part is cleaned
/// as Umbraco's "file name" strings are: its URL character replacements first (<see cref="UmbracoSafeAlias"/>), then
/// the words of letters, digits and underscores in any script (Chinese stays Chinese) joined by <c>-</c>, lower case.
/// </summary>
internal static class UmbracoSafeFileName
{
    private static readonly char[] Invalid =
    [
        .. Enumerable.Range(0, 32).Select(i => (char)i), '"', '<', '>', '|', ':', '*', '?', '\\', '/',
    ];

    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var text = new StringBuilder(name);
        foreach (var c in Invalid)
        {
            text.Replace(c, '-');
        }

        var replaced = text.ToString();
        var stem = Path.GetFileNameWithoutExtension(replaced);
        var extension = Path.GetExtension(replaced);
        stem = stem.Length > 0 ? Clean(stem) : stem;
        extension = extension.Length > 0 ? Clean(extension[1..]) : extension;
        return extension.Length > 0 ? stem + "." + extension : stem;
    }

    private static string Clean(string text)
    {
        text = UmbracoSafeAlias.ApplyReplacements(text);
        var output = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (var c in text + "\0")
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                output.Append(output.Length > 0 ? "-" : string.Empty).Append(word);
                word.Clear();
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// uSync's short form of a key (<c>ToShortKeyString(8)</c>), which it appends after <c>_</c> to a file name that
    /// another item already took: the first five of the key's bytes (in .NET's order) as eight characters of the
    /// alphabet a–z, 0–5, five bits each, except that the fourth takes only the lowest bit of the second byte, unshifted,
    /// with the top four of the third (uSync's own arithmetic; real uSync files confirm it).
    /// </summary>
    public static string ShortKey(Guid key)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz012345";
        Span<byte> b = stackalloc byte[16];
        key.TryWriteBytes(b);
        ReadOnlySpan<int> indexes =
        [
            b[0] >> 3,
            ((b[0] & 0b111) << 2) | (b[1] >> 6),
            (b[1] & 0b11_1110) >> 1,
            (b[1] & 0b1) | (b[2] >> 4),
            ((b[2] & 0b1111) << 1) | (b[3] >> 7),
            (b[3] & 0b111_1100) >> 2,
            ((b[3] & 0b11) << 3) | (b[4] >> 5),
            b[4] & 0b1_1111,
        ];
        var chars = new char[indexes.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            chars[i] = Alphabet[indexes[i]];
        }

        return new string(chars);
    }
}
