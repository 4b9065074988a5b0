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

internal sealed class MarkdownRenderer : IMarkdownRenderer
{
    // Raw HTML is turned off in the pipeline and the output is sanitized again: two independent layers.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private readonly MarkdownPipeline _plainTextPipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
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
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        // HTML is parsed here (not kept as text) so that it can be dropped: tags never reach summaries or the index.
        var document = Markdown.Parse(markdown, _plainTextPipeline);
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
        _plainTextPipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return string.Join(' ', writer.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

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
