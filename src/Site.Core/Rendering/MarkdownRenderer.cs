using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Core.Rendering;

/// <summary>Markdown to HTML that is safe to put on any page, whatever an editor (or an import) wrote.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);

    /// <summary>The text without markup: for summaries, meta descriptions and the search index.</summary>
    string ToPlainText(string markdown);
}

/// <remarks>
/// Never throws on content: a document Markdig refuses (nesting deeper than it allows) is shown as its text, encoded,
/// in paragraphs, so one bad value cannot take down a page, an API answer or the search index. Saving refuses such a
/// document (<see cref="CanParse"/>), so only content written around the engine reaches the fallback.
/// </remarks>
internal sealed partial class MarkdownRenderer : IMarkdownRenderer
{
    // Raw HTML is turned off in the pipeline and the output is sanitized again: two independent layers.
    // Pipelines are immutable once built and safe to share between threads.
    private static readonly MarkdownPipeline HtmlPipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>
    /// Whether Markdig reads the document as pages render it: what saving a Markdown value requires. One parse is
    /// enough; the plain-text pipeline nests the same blocks and inlines.
    /// </summary>
    internal static bool CanParse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            Markdown.Parse(markdown, HtmlPipeline);
            return true;
        }
#pragma warning disable CA1031 // Whatever Markdig refuses, the answer is the same: the value cannot be shown.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public string ToSafeHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            return RenderHtml(markdown);
        }
#pragma warning disable CA1031 // A document Markdig cannot read is shown as text rather than failing the page.
        catch (Exception)
#pragma warning restore CA1031
        {
            return TextAsHtml(markdown);
        }
    }

    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            return RenderPlainText(markdown);
        }
#pragma warning disable CA1031 // A document Markdig cannot read still has words for summaries and the index.
        catch (Exception)
#pragma warning restore CA1031
        {
            return CollapseWhitespace(markdown);
        }
    }

    private string RenderHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, HtmlPipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!link.IsImage && IsExternal(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!link.IsEmail && IsExternal(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        HtmlPipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    private static string RenderPlainText(string markdown)
    {
        // HTML is parsed here (not kept as text) so that it can be dropped: tags never reach summaries or the index.
        var document = Markdown.Parse(markdown, PlainTextPipeline);
        foreach (var block in document.Descendants<HtmlBlock>().ToList())
        {
            block.Parent?.Remove(block);
        }

        foreach (var inline in document.Descendants<HtmlInline>().ToList())
        {
            inline.Remove();
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        PlainTextPipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return CollapseWhitespace(writer.ToString());
    }

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text itself, HTML-encoded, one paragraph per block of lines: safe without the sanitizer.</summary>
    private static string TextAsHtml(string markdown)
    {
        var html = new StringBuilder(markdown.Length + 64);
        foreach (var paragraph in ParagraphBreak().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim())).Append("</p>\n");
            }
        }

        return html.ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        return sanitizer;
    }
}
