using CsCheck;
using Site.Core.Rendering;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Rendering;

/// <summary>Property-based: whatever Markdown an editor or an import writes, the renderer answers, and its HTML is inert.</summary>
public sealed class MarkdownRendererFuzzTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Any_markdown_renders_to_inert_html_and_plain_text_without_throwing() =>
        HtmlFuzz.Markdown.Sample(markdown =>
        {
            HtmlFuzz.AssertInert(_renderer.ToSafeHtml(markdown));
            _ = _renderer.ToPlainText(markdown);
            _ = MarkdownRenderer.CanParse(markdown);
        }, iter: Fuzz.Iterations(400));

    [Fact]
    public void Rendered_html_is_a_fixed_point_of_rendering_it_again_as_rich_text() =>
        HtmlFuzz.Markdown.Sample(markdown =>
        {
            // The migration to rich text stores the Markdown's HTML sanitized by the rich text rules: that must be stable too.
            var once = RichTextRenderer.Sanitize(_renderer.ToSafeHtml(markdown));
            Assert.Equal(once, RichTextRenderer.Sanitize(once));
            HtmlFuzz.AssertInert(once);
        }, iter: Fuzz.Iterations(200));
}
