using AngleSharp.Html.Parser;
using CsCheck;

namespace Site.Core.Tests.TestSupport;

/// <summary>Hostile HTML and Markdown for the sanitizer properties, and the check that sanitized HTML is inert.</summary>
public static class HtmlFuzz
{
    private static readonly string[] TagNames =
    [
        "p", "a", "img", "h1", "h2", "h6", "ul", "li", "table", "tr", "td", "pre", "code", "blockquote", "figure", "br", "hr",
        "script", "SCRIPT", "style", "iframe", "frame", "svg", "math", "mtext", "mglyph", "malignmark", "annotation-xml",
        "foreignObject", "desc", "noscript", "noembed", "template", "textarea", "title", "xmp", "plaintext", "form",
        "input", "button", "select", "option", "object", "embed", "base", "meta", "link", "div", "span", "font", "body",
        "html", "head", "umb-rte-block", "umb-rte-block-inline", "x-y", "image", "isindex", "listing", "keygen",
    ];

    private static readonly string[] AttributeNames =
    [
        "href", "HREF", "src", "style", "STYLE", "onerror", "onclick", "ONLOAD", "onmouseover", "onfocus", "title", "alt",
        "data-udi", "type", "target", "width", "height", "colspan", "xlink:href", "formaction", "action", "srcset",
        "background", "id", "class", "data-content-key", "rel", "srcdoc", "lowsrc", "poster", "on", "o\u0000nerror",
    ];

    private static readonly string[] AttributeValues =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
        "\u0001javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "/media/photo.png", "/media/../secret", "/media/%2e%2e/x", "//evil.example/", "https://example.org/", "mailto:a@example.org",
        "/{localLink:umb://document/0f0e0d0c0b0a09080706050403020100}", "/{localLink:0f0e0d0c-0b0a-0908-0706-050403020100}",
        "umb://media/0f0e0d0c0b0a09080706050403020100", "umb://media/not-a-key", "expression(alert(1))", "color:red",
        "x\" onerror=\"alert(1)", "</noscript><img src=x onerror=alert(1)>", "<script>alert(1)</script>", "</style><script>alert(1)</script>",
        "_blank", "_self", "100", "99999999", "-1", "document", "0f0e0d0c-0b0a-0908-0706-050403020100", "",
    ];

    /// <summary>Known ways past sanitizers (mutation XSS, parser differentials, encodings).</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<svg/onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<a href=\"/{localLink:umb://document/0f0e0d0c0b0a09080706050403020100}\" type=\"document\">page</a>",
        "<img data-udi=\"umb://media/0f0e0d0c0b0a09080706050403020100\" alt=\"photo\">",
        "<umb-rte-block data-content-key=\"0f0e0d0c-0b0a-0908-0706-050403020100\"><script>alert(1)</script></umb-rte-block>",
        "<table><td><a href=\"https://example.org/\" target=\"_blank\">x</a></td></table>",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>alert(1)//<</script>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<xmp><script>alert(1)</script></xmp>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    ];

    private static readonly Gen<string> Attribute = Gen.Select(
        Gen.OneOf(AttributeNames),
        Gen.Frequency((6, (IGen<string>)Gen.OneOf(AttributeValues)), (2, Fuzz.Text(12))),
        Gen.Int[0, 3],
        (name, value, quoting) => quoting switch
        {
            0 => $" {name}=\"{value.Replace("\"", "&quot;", StringComparison.Ordinal)}\"",
            1 => $" {name}='{value}'",
            2 => $" {name}={value}",
            _ => $" {name}",
        });

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (5, (IGen<string>)Fuzz.Text(16)),
        (3, Gen.OneOf(Payloads)),
        (1, Gen.OneOf("<!-- comment -->", "<!--", "-->", "<![CDATA[x]]>", "&amp;", "&lt;", "&#0;", "&#x110000;", "&nbsp;", "&", "<", ">", "</", "<!DOCTYPE html>", "<?xml ?>")));

    private static Gen<string> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency((3, (IGen<string>)Leaf), (4, Element(depth)));

    private static Gen<string> Element(int depth) => Gen.Select(
        Gen.OneOf(TagNames),
        Attribute.Array[0, 3],
        Node(depth - 1).Array[0, 3],
        Gen.Int[0, 5],
        (tag, attributes, children, form) =>
        {
            var open = "<" + tag + string.Concat(attributes);
            var inner = string.Concat(children);
            return form switch
            {
                0 or 1 or 2 => $"{open}>{inner}</{tag}>",
                3 => $"{open}>{inner}",
                4 => $"{open}/>{inner}",
                _ => $"</{tag}>{inner}{open}",
            };
        });

    /// <summary>Markup built from elements (allowed and dangerous), attributes, payloads and text, and mutations of it.</summary>
    public static readonly Gen<string> Html = Gen.Frequency(
        (6, (IGen<string>)Node(4).Array[1, 4].Select(string.Concat)),
        (3, Fuzz.Mutated(Gen.OneOf(Payloads), Fuzz.Fragment("<", ">", "\"", "'", "/", "=", "&#", ";", "script", "on", "javascript:", "\0", "<!--", "-->"))),
        (1, Fuzz.Text(200)));

    private static readonly string[] MarkdownLines =
    [
        "# Heading", "## 二级标题", "> quote", "- item", "1. item", "* [ ] task", "```", "```html", "    code", "---", "| a | b |",
        "|---|---|", "| 1 | 2 |", "[link](https://example.org/)", "[js](javascript:alert(1))", "[js](JaVaScRiPt:alert(1))",
        "[js](<javascript:alert(1)>)", "[data](data:text/html;base64,PHNjcmlwdD4=)", "![img](https://example.org/a.png \"title\")",
        "![x](javascript:alert(1))", "<https://example.org>", "<javascript:alert(1)>", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "[ref][r]", "[r]: javascript:alert(1)",
        "[r]: https://example.org/ \"t\"", "**bold** _em_ ~~del~~ `code`", "\\<script\\>", "&lt;script&gt;", "&#106;avascript:",
        "江苏 Jiangsu 芬兰", "", "    ", "<!-- comment -->", "{#id .class onclick=alert(1)}", "www.example.org", "mailto:a@b.org",
    ];

    /// <summary>Markdown from lines of its grammar (links, HTML, tables, fences, references), mutated, and deeply nested.</summary>
    public static readonly Gen<string> Markdown = Gen.Frequency(
        (6, (IGen<string>)Fuzz.Mutated(
            Gen.OneOf(MarkdownLines).Array[1, 12].Select(lines => string.Join('\n', lines)),
            Fuzz.Fragment("[", "]", "(", ")", "<", ">", "*", "_", "`", "#", ">", "|", "\n", "\n\n", "\\", "!", ":", "javascript:"))),
        (1, Gen.Select(Gen.OneOf("> ", "[", "*", "- ", "1. ", "(", "<a>", "**", "~~", "`", "![", "    "), Gen.Int[1, 1200], (token, times) => string.Concat(Enumerable.Repeat(token, times)) + "x")),
        (1, Fuzz.Text(300)),
        (1, Html));

    private static readonly string[] ActiveElements =
    [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template", "form",
        "input", "button", "textarea", "select", "base", "meta", "link", "noscript", "xmp", "plaintext", "noembed",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "srcset", "background", "poster", "data", "xlink:href"];

    /// <summary>
    /// Sanitized HTML is inert: no "&lt;script" anywhere, and once parsed as a browser would, no active element, no event
    /// handler, no style, and no address with a script or data scheme.
    /// </summary>
    public static void AssertInert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"style attribute in {html}");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var address = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                    Assert.False(
                        address.StartsWith("javascript:", StringComparison.Ordinal) || address.StartsWith("vbscript:", StringComparison.Ordinal) || address.StartsWith("data:", StringComparison.Ordinal),
                        $"{attribute.Name}=\"{attribute.Value}\" in {html}");
                }
            }
        }
    }
}
