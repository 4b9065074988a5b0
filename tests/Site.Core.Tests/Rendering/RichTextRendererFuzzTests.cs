using CsCheck;
using Site.Core.Rendering;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Rendering;

/// <summary>
/// Property-based: the rich text sanitizer never throws, what it keeps is inert, and what it keeps is kept as it is when
/// sanitized again (saving and rendering sanitize the same markup twice).
/// </summary>
public sealed class RichTextRendererFuzzTests
{
    private static readonly Guid Block = Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100");

    [Fact]
    public void Sanitized_markup_is_inert_and_sanitizes_to_itself() =>
        HtmlFuzz.Html.Sample(markup =>
        {
            var once = RichTextRenderer.Sanitize(markup);
            HtmlFuzz.AssertInert(once);
            Assert.Equal(once, RichTextRenderer.Sanitize(once));

            var withBlock = RichTextRenderer.Sanitize(markup, new HashSet<Guid> { Block });
            HtmlFuzz.AssertInert(withBlock);
            Assert.Equal(withBlock, RichTextRenderer.Sanitize(withBlock, new HashSet<Guid> { Block }));
        }, iter: Fuzz.Iterations(800));

    [Fact]
    public void Rendering_any_markup_is_inert_and_never_throws() =>
        HtmlFuzz.Html.Sample(markup =>
        {
            var renderer = RichTextRenderer.WithoutMedia;
            HtmlFuzz.AssertInert(renderer.ToSafeHtml(markup, KnownContent.English));
            HtmlFuzz.AssertInert(renderer.ToSafeHtml(markup, KnownContent.Chinese, new HashSet<Guid> { Block }));
            _ = renderer.ToPlainText(markup);
        }, iter: Fuzz.Iterations(400));
}
