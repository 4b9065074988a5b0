using Site.Core.Rendering;

namespace Site.Core.Tests.Rendering;

/// <summary>
/// Links from rich text to pages, stored by key as Umbraco 15/16 stores them (<c>&lt;a type="document"
/// href="/{localLink:GUID}"&gt;</c>): kept exactly in that form by the sanitizer, resolved to the page's URL when shown.
/// </summary>
public sealed class RichTextLinksTests
{
    private static readonly Guid Target = Guid.Parse("eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f");

    [Fact]
    public void The_sanitizer_keeps_a_link_to_a_page_as_umbraco_stores_it()
    {
        const string markup = "<p><a type=\"document\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\" title=\"Session\">the session</a></p>";

        Assert.Equal(markup, RichTextRenderer.Sanitize(markup));
    }

    [Fact]
    public void An_upper_case_key_is_kept_in_the_stored_form()
    {
        var clean = RichTextRenderer.Sanitize("<a type=\"document\" href=\"/{localLink:EED5FC6B-96FD-45A5-A0F1-B1ADFB483C2F}\">x</a><a href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\">y</a>");

        Assert.Equal("<a type=\"document\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\">x</a><a href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\" type=\"document\">y</a>", clean);
    }

    [Theory]
    [InlineData("/{localLink:javascript:alert(1)}")]
    [InlineData("/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}javascript:alert(1)")]
    [InlineData("javascript:/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}")]
    [InlineData("/{localLink:umb://document/eed5fc6b96fd45a5a0f1b1adfb483c2f}")]
    [InlineData("//evil.example/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}")]
    [InlineData("/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\"onmouseover=\"alert(1)")]
    [InlineData("/%7BlocalLink:javascript:alert(1)%7D")]
    [InlineData("/{ localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}")]
    public void A_href_that_only_looks_like_a_link_to_a_page_is_dropped(string href)
    {
        var clean = RichTextRenderer.Sanitize($"<a type=\"document\" href=\"{System.Net.WebUtility.HtmlEncode(href)}\" onclick=\"alert(1)\">text</a>");

        Assert.DoesNotContain("href", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("type=", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", clean, StringComparison.Ordinal);
        Assert.Contains("text", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_pages_are_of_type_document_and_no_other_link_has_a_type()
    {
        var clean = RichTextRenderer.Sanitize("<a type=\"document\" href=\"https://example.org/\">a</a><a type=\"text/html\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\">b</a><p type=\"x\">c</p>");

        Assert.Equal("<a href=\"https://example.org/\">a</a><a type=\"document\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\">b</a><p>c</p>", clean);
    }

    [Fact]
    public void Showing_a_page_puts_in_the_target_s_current_url()
    {
        var html = RichTextLinks.Resolve(
            "<p>See <a type=\"document\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\" title=\"t\"><strong>the session</strong></a>.</p>",
            key => key == Target ? "/en/sessions/tampere" : null);

        Assert.Equal("<p>See <a href=\"/en/sessions/tampere\" title=\"t\"><strong>the session</strong></a>.</p>", html);
    }

    [Fact]
    public void A_link_to_a_page_that_is_not_live_gives_way_to_its_text()
    {
        var html = RichTextLinks.Resolve(
            "<p>See <a type=\"document\" href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\"><em>the</em> session</a> and <a href=\"/en/\">home</a>.</p>",
            _ => null);

        Assert.Equal("<p>See <em>the</em> session and <a href=\"/en/\">home</a>.</p>", html);
    }

    [Fact]
    public void A_resolved_url_that_is_not_a_safe_address_is_not_linked()
    {
        var html = RichTextLinks.Resolve("<a href=\"/{localLink:eed5fc6b-96fd-45a5-a0f1-b1adfb483c2f}\">x</a>", _ => "javascript:alert(1)");

        Assert.Equal("x", html);
    }

    [Fact]
    public void Html_without_links_to_pages_is_returned_as_it_is()
    {
        const string html = "<p><a href=\"/en/\">home</a></p>";

        Assert.Same(html, RichTextLinks.Resolve(html, _ => throw new InvalidOperationException("not asked")));
    }
}
