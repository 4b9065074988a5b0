using Site.Core.Rendering;

namespace Site.Core.Tests.Rendering;

/// <summary>MarkdownRenderer: Markdown to safe HTML whatever an editor (or an import) wrote, and plain text.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private string Html(string markdown) => _renderer.ToSafeHtml(markdown);

    /// <summary>
    /// Checks the elements of the HTML (text is escaped and harmless): no dangerous element, no event handler, no style,
    /// and no link or source with a script scheme.
    /// </summary>
    private static void AssertNoActiveContent(string html)
    {
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<[a-zA-Z][^>]*>").Select(m => m.Value).ToList();
        foreach (var tag in tags)
        {
            Assert.DoesNotMatch(@"^<(script|iframe|object|embed|style|form|input|svg|math|link|meta|base|div)\b", tag.ToLowerInvariant());
            Assert.DoesNotMatch(@"(?i)\son[a-z]+\s*=", tag);
            Assert.DoesNotMatch(@"(?i)\sstyle\s*=", tag);
            Assert.DoesNotMatch(@"(?i)(href|src|action|formaction)\s*=\s*[""']?\s*(javascript|vbscript|data):", tag);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_becomes_HTML()
    {
        var html = Html("# Title\n\nSome **bold** and *italic* text with `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n");

        Assert.Contains("<h1 id=\"title\">Title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipe_tables_and_Chinese_text_are_rendered()
    {
        var html = Html("| 届次 | 年份 |\n| --- | --- |\n| 第十三届 | 2017 |\n");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>届次</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>第十三届</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_tags_are_not_rendered_as_elements()
    {
        var html = Html("Hello <script>alert('x')</script> world\n\n<script src=\"https://evil.example/x.js\"></script>\n");

        AssertNoActiveContent(html);
        Assert.Contains("Hello", html, StringComparison.Ordinal);
        Assert.Contains("world", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_handler_attributes_are_removed()
    {
        var html = Html("<img src=\"x.png\" onerror=\"alert(1)\">\n\nText <b onmouseover=\"alert(2)\">bold</b>\n\n![pic](https://example.org/a.png \"t\")\n");

        AssertNoActiveContent(html);
        Assert.Contains("<img src=\"https://example.org/a.png\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1)  )")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click][x]\n\n[x]: javascript:alert(1)")]
    [InlineData("![img](javascript:alert(1))")]
    public void Script_links_are_neutralised(string markdown)
    {
        var html = Html(markdown);

        AssertNoActiveContent(html);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_HTML_blocks_and_iframes_are_not_rendered_as_elements()
    {
        var html = Html("<div style=\"position:fixed\" onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>\n\n<form action=\"https://evil.example\"><input name=\"p\"></form>\n\n<style>body{display:none}</style>\n");

        AssertNoActiveContent(html);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<input", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void External_links_get_rel_noopener()
    {
        var html = Html("See [the source](https://www.sumino.fi/jiangsuprincipalforum2017) and [another](HTTP://example.org/a).");

        Assert.Contains("<a href=\"https://www.sumino.fi/jiangsuprincipalforum2017\" rel=\"noopener\">the source</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"HTTP://example.org/a\" rel=\"noopener\">another</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bare link https://example.org/page here.")]
    [InlineData("Angle link <https://example.org/page> here.")]
    [InlineData("Reference [link][r].\n\n[r]: https://example.org/page")]
    public void External_links_of_every_Markdown_form_get_rel_noopener(string markdown)
    {
        var html = Html(markdown);

        Assert.Contains("href=\"https://example.org/page\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_links_and_mail_links_are_kept_without_rel()
    {
        var html = Html("[Sessions](/en/sessions) or [mail](mailto:office@example.org)");

        Assert.Contains("<a href=\"/en/sessions\">Sessions</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:office@example.org\">mail</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_looks_like_HTML_is_escaped()
    {
        var html = Html("5 < 6 & 7 > 3, and \"quotes\"");

        Assert.Contains("5 &lt; 6 &amp; 7 &gt; 3", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_markdown_gives_empty_HTML() =>
        Assert.Equal(string.Empty, Html(string.Empty).Trim());

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => _renderer.ToSafeHtml(null!));
        Assert.Throws<ArgumentNullException>(() => _renderer.ToPlainText(null!));
    }

    [Fact]
    public void ToPlainText_strips_Markdown_and_collapses_whitespace()
    {
        var text = _renderer.ToPlainText("# Title\n\nSome **bold** and *italic*   text with a [link](https://example.org).\n\n- one\n- two\n");

        Assert.Equal("Title Some bold and italic text with a link. one two", text);
    }

    [Fact]
    public void ToPlainText_keeps_Chinese_text()
    {
        var text = _renderer.ToPlainText("第十三届论坛于2017年9月25日至26日在**芬兰坦佩雷**会议厅举行。\n\n现有资料未载明参会人数。");

        Assert.Equal("第十三届论坛于2017年9月25日至26日在芬兰坦佩雷会议厅举行。 现有资料未载明参会人数。", text);
    }

    [Fact]
    public void ToPlainText_decodes_entities()
    {
        var text = _renderer.ToPlainText("AT&amp;T &copy; 2017");

        Assert.Equal("AT&T © 2017", text);
    }

    [Fact]
    public void ToPlainText_leaves_no_HTML_tags()
    {
        var text = _renderer.ToPlainText("Hello <b>world</b> <script>alert(1)</script>\n\n<div>block</div>");

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("Hello", text, StringComparison.Ordinal);
        Assert.Contains("world", text, StringComparison.Ordinal);
    }

    private static string Nested(string marker, int depth, string text) => string.Concat(Enumerable.Repeat(marker, depth)) + text;

    public static TheoryData<string> TooDeep => new()
    {
        Nested("> ", 130, "Deep quote <script>alert(1)</script> & more"),
        Nested("- ", 200, "Deep list <img src=x onerror=alert(1)>"),
        Nested("> ", 130, "Deep first paragraph") + "\n\nsecond paragraph with [a link](javascript:alert(1))",
    };

    /// <summary>Markdig refuses nesting deeper than it allows (it throws); the page shows the text instead of failing.</summary>
    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_document_nested_too_deeply_for_markdig_is_shown_as_encoded_text_never_an_exception(string markdown)
    {
        Assert.False(MarkdownRenderer.CanParse(markdown));

        var html = Html(markdown);
        var text = _renderer.ToPlainText(markdown);

        AssertNoActiveContent(html);
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        Assert.Contains("Deep", html + text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_split_into_paragraphs_keeps_them_when_shown_as_text()
    {
        var html = Html(Nested("> ", 130, "first & <b>one</b>") + "\n\n \nsecond");

        Assert.EndsWith("first &amp; &lt;b&gt;one&lt;/b&gt;</p>\n<p>second</p>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_markdig_reads_is_rendered_as_markdown()
    {
        var markdown = Nested("> ", 20, "quoted");

        Assert.True(MarkdownRenderer.CanParse(markdown));
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(Html(markdown), "<blockquote>"));
    }
}
