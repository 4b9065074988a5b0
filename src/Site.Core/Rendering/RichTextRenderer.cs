using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Site.Core.Content;
using Site.Core.Media;

namespace Site.Core.Rendering;

/// <summary>
/// The markup of a rich text value (Umbraco.RichText) as HTML that is safe to put on any page: an allow-list of
/// elements and attributes, links to safe addresses only, images from this site's media library only.
/// </summary>
public interface IRichTextRenderer
{
    /// <summary>
    /// The markup sanitized, with every <c>&lt;img data-udi="umb://media/…"&gt;</c> pointing at the media item's current
    /// URL (an unknown item's image is dropped); alt text missing from the markup comes from the item in the culture.
    /// </summary>
    string ToSafeHtml(string markup, string culture);

    /// <summary>
    /// As <see cref="ToSafeHtml(string, string)"/>, keeping each block the value holds (<paramref name="blockKeys"/>) in place
    /// as <c>&lt;umb-rte-block data-content-key="…"&gt;&lt;/umb-rte-block&gt;</c> (or <c>umb-rte-block-inline</c>) for the
    /// page or the API to put the block there; any other block element is dropped.
    /// </summary>
    string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys);

    /// <summary>
    /// As <see cref="ToSafeHtml(string, string, IReadOnlySet{Guid})"/>, with what the data type turns off reduced to text
    /// and headings moved to its allowed levels (<see cref="RichTextConfiguration"/>).
    /// </summary>
    string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration);

    /// <summary>The text without tags: for summaries and the search index.</summary>
    string ToPlainText(string markup);

    /// <summary>Changes whenever the same markup may render differently (the media library was reloaded).</summary>
    long Version { get; }
}

/// <remarks>
/// Two layers, as for Markdown: saving stores the markup sanitized (<see cref="Sanitize"/>), and rendering sanitizes it
/// again, so markup written around the engine (an import, an old version) is no more dangerous than an editor's.
/// Never throws on content.
/// </remarks>
internal sealed class RichTextRenderer(IMediaLibrary? media) : IRichTextRenderer
{
    public const string MediaUdiPrefix = "umb://media/";

    private const string MediaPath = "/media/";

    /// <summary>Elements dropped with everything inside them: their content is code or chrome, never text.</summary>
    private static readonly FrozenSet<string> DroppedWithContent = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template", "noscript",
        "textarea", "select", "option", "button", "input", "form", "head", "title", "meta", "link", "base", "audio", "video",
        "canvas", "noembed", "noframes", "xmp", "plaintext");

    /// <summary>Where rich text places a block (Umbraco's markup): kept only for a block the value holds.</summary>
    public const string BlockElement = "umb-rte-block";

    public const string InlineBlockElement = "umb-rte-block-inline";

    public const string BlockKeyAttribute = "data-content-key";

    private static readonly IReadOnlySet<Guid> NoBlocks = new HashSet<Guid>();

    private static readonly string[] Tags =
    [
        "h2", "h3", "h4", "h5", "h6", "p", "br", "strong", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "blockquote",
        "a", "img", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "hr", "code", "pre",
        BlockElement, InlineBlockElement,
    ];

    private static readonly string[] Attributes = ["href", "title", "target", "src", "alt", "width", "height", "data-udi", "colspan", "rowspan", "type", BlockKeyAttribute];

    /// <summary>Where text ends a line of its own: the plain text puts a space there, so words of two blocks never merge.</summary>
    private static readonly FrozenSet<string> BlockElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "tr", "figcaption", "pre", "hr", "div", "table", "ul", "ol");

    // Configured once and never changed: HtmlSanitizer is safe to share between threads then.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>A renderer without a media library: images that refer to media by key are dropped.</summary>
    internal static RichTextRenderer WithoutMedia { get; } = new(null);

    public long Version => media?.Version ?? 0;

    /// <summary>The markup as saving stores it: sanitized, media references (data-udi) kept as they are.</summary>
    internal static string Sanitize(string markup) => Sanitize(markup, NoBlocks);

    /// <summary>The markup as saving stores it, keeping the block elements of the blocks the value holds.</summary>
    internal static string Sanitize(string markup, IReadOnlySet<Guid> blockKeys) => Sanitize(markup, blockKeys, RichTextConfiguration.Default);

    /// <summary>The markup as saving stores it for a data type: what its settings turn off reduced to text.</summary>
    internal static string Sanitize(string markup, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(markup);
        using var document = Clean(markup, blockKeys, configuration);
        return document.Body!.InnerHtml;
    }

    public string ToSafeHtml(string markup, string culture) => ToSafeHtml(markup, culture, NoBlocks);

    public string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys) =>
        ToSafeHtml(markup, culture, blockKeys, RichTextConfiguration.Default);

    public string ToSafeHtml(string markup, string culture, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(markup);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(blockKeys);
        ArgumentNullException.ThrowIfNull(configuration);
        using var document = Clean(markup, blockKeys, configuration);
        foreach (var image in document.Body!.QuerySelectorAll("img").ToList())
        {
            ResolveImage(image, culture);
        }

        return document.Body.InnerHtml;
    }

    public string ToPlainText(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        using var document = Clean(markup, NoBlocks, RichTextConfiguration.Default);
        var text = new StringBuilder(markup.Length / 2);
        AppendText(document.Body!, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element)
            {
                var block = BlockElements.Contains(element.LocalName);
                if (block)
                {
                    text.Append(' ');
                }

                AppendText(element, text);
                if (block)
                {
                    text.Append(' ');
                }
            }
        }
    }

    /// <summary>Points an image at its media item's current URL and size, or drops it when the item is not an image we have.</summary>
    private void ResolveImage(IElement image, string culture)
    {
        if (image.GetAttribute("data-udi") is { } udi)
        {
            var item = MediaKey(udi) is { } key ? media?.Find(key) : null;
            if (item is null || item.Kind != MediaKind.Image)
            {
                image.Remove();
                return;
            }

            image.SetAttribute("src", item.Url);
            if (item.Width is { } width && item.Height is { } height)
            {
                image.SetAttribute("width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                image.SetAttribute("height", height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!image.HasAttribute("alt"))
            {
                image.SetAttribute("alt", item.Alt(culture) ?? string.Empty);
            }
        }
        else if (!image.HasAttribute("alt"))
        {
            image.SetAttribute("alt", string.Empty);
        }

        image.SetAttribute("loading", "lazy");
    }

    /// <summary>The key of a media reference as Umbraco writes it in rich text: umb://media/ and 32 hex digits.</summary>
    internal static Guid? MediaKey(string? udi) =>
        udi is not null && udi.StartsWith(MediaUdiPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(udi.AsSpan(MediaUdiPrefix.Length), "N", out var key)
                ? key
                : null;

    /// <remarks>
    /// Unwrapping an element can leave a tree no parser builds (a heading inside a heading, once a span between them is
    /// gone), whose HTML a browser, or the next sanitizing, reads back as another tree. So the HTML of the cleaned tree
    /// is cleaned again until it reads back as itself: what is saved is then what renders.
    /// </remarks>
    private static IHtmlDocument Clean(string markup, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration)
    {
        var document = CleanOnce(markup, blockKeys, configuration);
        for (var pass = 0; pass < 4; pass++)
        {
            var html = document.Body!.InnerHtml;
            var again = CleanOnce(html, blockKeys, configuration);
            document.Dispose();
            document = again;
            if (string.Equals(again.Body!.InnerHtml, html, StringComparison.Ordinal))
            {
                break;
            }
        }

        return document;
    }

    private static IHtmlDocument CleanOnce(string markup, IReadOnlySet<Guid> blockKeys, RichTextConfiguration configuration)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = markup;
        foreach (var element in body.QuerySelectorAll("*").Where(e => DroppedWithContent.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }

        // Before the allow-list, which would reduce an h1 to bare text: a heading keeps its text at an allowed level.
        foreach (var heading in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var level = configuration.HeadingLevel(heading.LocalName[1] - '0');
            var tag = level is { } l ? "h" + (char)('0' + l) : "p";
            if (tag != heading.LocalName)
            {
                Rename(heading, tag);
            }
        }

        Sanitizer.SanitizeDom(document, body);
        Reduce(body, configuration);
        var keys = configuration.Allows(RichTextExtensions.Block) ? blockKeys : NoBlocks;
        foreach (var block in body.QuerySelectorAll($"{BlockElement}, {InlineBlockElement}").ToList())
        {
            KeepBlock(block, keys);
        }

        foreach (var element in body.QuerySelectorAll("a, img, [width], [height], [colspan], [rowspan], [target], [type], [data-content-key]").ToList())
        {
            CheckAttributes(element);
        }

        return document;
    }

    /// <summary>
    /// What each Tiptap extension holds, and how it gives way when the data type turns the extension off: its text stays
    /// (a table's cells and a list's items as paragraphs, marks and links as their text); an image or a rule has none
    /// and goes. The back office's editor does the same (it does not load the extension, and reduces pasted HTML alike).
    /// Cells and items before their table or list, which the order below keeps.
    /// </summary>
    private static readonly (string Extension, string Selector, Reduction How)[] Reductions =
    [
        (RichTextExtensions.Bold, "strong", Reduction.Unwrap),
        (RichTextExtensions.Italic, "em", Reduction.Unwrap),
        (RichTextExtensions.Underline, "u", Reduction.Unwrap),
        (RichTextExtensions.Strike, "s", Reduction.Unwrap),
        (RichTextExtensions.Subscript, "sub", Reduction.Unwrap),
        (RichTextExtensions.Superscript, "sup", Reduction.Unwrap),
        (RichTextExtensions.Link, "a", Reduction.Unwrap),
        (RichTextExtensions.Image, "img", Reduction.Remove),
        (RichTextExtensions.HorizontalRule, "hr", Reduction.Remove),
        (RichTextExtensions.Blockquote, "blockquote", Reduction.Unwrap),
        (RichTextExtensions.CodeBlock, "pre", Reduction.Paragraph),
        (RichTextExtensions.Table, "td, th", Reduction.Paragraph),
        (RichTextExtensions.Table, "table, thead, tbody, tr", Reduction.Unwrap),
        (RichTextExtensions.BulletList, "ul > li", Reduction.Paragraph),
        (RichTextExtensions.BulletList, "ul", Reduction.Unwrap),
        (RichTextExtensions.OrderedList, "ol > li", Reduction.Paragraph),
        (RichTextExtensions.OrderedList, "ol", Reduction.Unwrap),
    ];

    private static readonly FrozenSet<string> FlowElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "figure", "pre", "hr", BlockElement);

    private enum Reduction
    {
        Unwrap,
        Remove,
        Paragraph,
    }

    private static void Reduce(IElement body, RichTextConfiguration configuration)
    {
        if (configuration.Extensions is null)
        {
            return;
        }

        foreach (var (extension, selector, how) in Reductions)
        {
            if (configuration.Allows(extension))
            {
                continue;
            }

            foreach (var element in body.QuerySelectorAll(selector).ToList())
            {
                switch (how)
                {
                    case Reduction.Remove:
                        element.Remove();
                        break;
                    case Reduction.Paragraph when !element.Children.Any(c => FlowElements.Contains(c.LocalName)):
                        Rename(element, "p");
                        break;
                    default:
                        Unwrap(element);
                        break;
                }
            }
        }
    }

    /// <summary>The element replaced by one of another name holding the same children (no attributes: none of these has any to keep).</summary>
    private static void Rename(IElement element, string tag)
    {
        var replacement = element.Owner!.CreateElement(tag);
        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Replace(replacement);
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    /// <summary>A block element stays, empty and with only its key (in one spelling), when the value holds that block.</summary>
    private static void KeepBlock(IElement block, IReadOnlySet<Guid> blockKeys)
    {
        if (block.GetAttribute(BlockKeyAttribute) is { } text && Guid.TryParse(text, out var key) && blockKeys.Contains(key))
        {
            foreach (var attribute in block.Attributes.Select(a => a.Name).ToList())
            {
                block.RemoveAttribute(attribute);
            }

            block.SetAttribute(BlockKeyAttribute, key.ToString("D"));
            block.TextContent = string.Empty;
        }
        else
        {
            block.Remove();
        }
    }

    /// <summary>What the allow-list of HtmlSanitizer cannot say: which addresses, sizes and targets are allowed.</summary>
    private static void CheckAttributes(IElement element)
    {
        foreach (var name in (string[])["width", "height", "colspan", "rowspan"])
        {
            if (element.GetAttribute(name) is { } number && !IsSmallNumber(number))
            {
                element.RemoveAttribute(name);
            }
        }

        if (element.LocalName == "a")
        {
            // A link to a page of this site, by key (Umbraco's form), or no address at all.
            RichTextLinks.Check(element);
            if (element.GetAttribute("href") is { } href && !EditorValues.IsAllowedUrl(href))
            {
                element.RemoveAttribute("href");
            }

            // A new window must not reach back to this page through window.opener.
            if (element.GetAttribute("target") is { } target)
            {
                if (target == "_blank" && element.HasAttribute("href"))
                {
                    element.SetAttribute("rel", "noopener noreferrer");
                }
                else
                {
                    element.RemoveAttribute("target");
                }
            }
        }
        else
        {
            element.RemoveAttribute("target");
            element.RemoveAttribute("type");
        }

        if (element.LocalName == "img")
        {
            if (element.GetAttribute("src") is { } src && !IsMediaPath(src))
            {
                element.RemoveAttribute("src");
            }

            if (element.GetAttribute("data-udi") is { } udi && MediaKey(udi) is null)
            {
                element.RemoveAttribute("data-udi");
            }

            if (!element.HasAttribute("src") && !element.HasAttribute("data-udi"))
            {
                element.Remove();
            }
        }
        else
        {
            element.RemoveAttribute("data-udi");
        }

        if (element.LocalName is not (BlockElement or InlineBlockElement))
        {
            element.RemoveAttribute(BlockKeyAttribute);
        }
    }

    /// <summary>A file of this site's media library: /media/… with nothing that leaves the folder.</summary>
    private static bool IsMediaPath(string src) =>
        src.StartsWith(MediaPath, StringComparison.Ordinal)
        && EditorValues.IsAllowedUrl(src)
        && !src.Contains("/..", StringComparison.Ordinal)
        && !src.Contains('%', StringComparison.Ordinal)
        && !src.Contains("/./", StringComparison.Ordinal);

    private static bool IsSmallNumber(string value) =>
        value.Length is > 0 and <= 4 && !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
        };

        // An element that is not allowed (h1, span, div, font…) gives way to its text; what must go with its
        // content (scripts, frames, forms) was taken out before.
        return new HtmlSanitizer(options) { KeepChildNodes = true, AllowDataAttributes = false };
    }
}
