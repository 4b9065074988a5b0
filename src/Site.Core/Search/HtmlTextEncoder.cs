using System.Text;
using Lucene.Net.Search.Highlight;

namespace Site.Core.Search;

/// <summary>
/// Escapes the text around highlights for HTML (&amp; &lt; &gt; " '), and nothing else: Chinese stays readable
/// (Lucene's SimpleHTMLEncoder would write every non-ASCII character as a numeric reference).
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public static HtmlTextEncoder Instance { get; } = new();

    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
