using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Rendering;

namespace Site.Features.Public;

/// <summary>A block on a page: the block and the page it is on (its culture, words and snapshot).</summary>
public sealed record BlockViewModel(BlockItem Block, LayoutModel Page)
{
    /// <summary>Placed inline in rich text (<c>umb-rte-block-inline</c>): its partial writes phrasing content only.</summary>
    public bool Inline { get; init; }

    public BlockElement Content => Block.Content;

    /// <summary>The block's settings element (Umbraco's settingsData), when its data type gives the block type one.</summary>
    public BlockElement? Settings => Block.Settings;

    public string Culture => Page.Culture;

    /// <summary>
    /// The block's CSS classes: its own, and what its settings (the blockSettings element type) ask for. Settings of
    /// another type, or none, change nothing.
    /// </summary>
    public string CssClass(string own) =>
        Settings is { ContentTypeAlias: "blockSettings" } settings && EditorValues.IsTrue(settings.Value("highlight")) ? own + " block-highlight" : own;
}

/// <summary>Blocks to render in order (a block list, or the blocks rich text places), on a page.</summary>
public sealed record BlockListViewModel(IReadOnlyList<BlockItem> Blocks, LayoutModel Page);

/// <summary>Rich text as sanitized HTML whose block elements are replaced by the blocks' own partials.</summary>
public sealed record RichTextViewModel(string Html, IReadOnlyList<BlockItem> Blocks, LayoutModel Page);

/// <summary>
/// Finds each block's partial (<c>Views/Shared/Blocks/{elementTypeAlias}.cshtml</c>, or <c>Blocks/Inline/…</c> for a
/// block placed inline in rich text). A block whose type is unknown or has no partial is skipped with a log line naming
/// the block, its element type and the page: a page never fails for a block it cannot show. A block of a known type
/// without a partial (content imported from another site) gets the generic block, which shows its values.
/// </summary>
public static partial class BlockViews
{
    /// <summary>The partial for a block whose element type has none of its own: its text values.</summary>
    public const string GenericBlock = "Blocks/_GenericBlock";

    /// <summary>A block element exactly as the rich text renderer writes it (sanitized: only the key, one spelling).</summary>
    [GeneratedRegex("<(umb-rte-block(?:-inline)?) data-content-key=\"([0-9a-f-]{36})\"></\\1>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockElement();

    /// <summary>The partial's name for a block, or null (logged) when there is none.</summary>
    public static string? PartialFor(BlockItem block, ViewContext context, ICompositeViewEngine views, ILogger logger, bool inline = false)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(logger);
        var page = context.HttpContext.Request.Path.Value ?? string.Empty;
        var alias = block.Content.ContentTypeAlias;
        if (alias.Length == 0)
        {
            Log.UnknownType(logger, block.Content.Key, block.Content.ContentTypeKey, page);
            return null;
        }

        var name = (inline ? "Blocks/Inline/" : "Blocks/") + alias;
        if (!views.FindView(context, name, isMainPage: false).Success)
        {
            // A block of a type from another site (an import) is shown by its values; inline, in a sentence, it is left out.
            if (inline)
            {
                Log.NoPartial(logger, block.Content.Key, alias, page, name);
                return null;
            }

            Log.GenericPartial(logger, block.Content.Key, alias, page);
            return GenericBlock;
        }

        return name;
    }

    /// <summary>
    /// The rich text's HTML cut at its block elements: each part is HTML, or the block to render there (and whether it
    /// stands inline, in a paragraph).
    /// </summary>
    public static IEnumerable<(string? Html, BlockItem? Block, bool Inline)> Split(RichTextViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var byKey = model.Blocks.ToDictionary(b => b.Content.Key);
        var last = 0;
        foreach (Match match in BlockElement().Matches(model.Html))
        {
            yield return (model.Html[last..match.Index], null, false);
            last = match.Index + match.Length;
            if (Guid.TryParse(match.Groups[2].Value, out var key) && byKey.TryGetValue(key, out var block))
            {
                yield return (null, block, match.Groups[1].Value == RichTextRenderer.InlineBlockElement);
            }
        }

        yield return (model.Html[last..], null, false);
    }

    /// <summary>Each picked image of a media picker value as its own responsive image (a gallery); gone or non-image items are left out.</summary>
    public static IReadOnlyList<ResponsiveImage> Images(string? pickerValue, IMediaLibrary media, IMediaRenditions renditions, string culture)
    {
        ArgumentNullException.ThrowIfNull(media);
        return [.. EditorValues.MediaKeys(pickerValue).Select(key => ResponsiveImage.For(media.Find(key), renditions, culture)).OfType<ResponsiveImage>()];
    }

    /// <summary>Rich text inside a block, as safe HTML in the page's culture (its own blocks are not nested on pages).</summary>
    public static string? RichHtml(BlockElement element, string alias, IRichTextRenderer renderer, string culture, ContentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(renderer);
        var configuration = EditorValues.RichTextConfigurationOf(schema, element.ContentType?.FindProperty(alias));
        return element.RichTextMarkup(alias) is { } markup && renderer.ToSafeHtml(markup, culture, new HashSet<Guid>(), configuration) is { Length: > 0 } html ? html : null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Block {Key} skipped on {Page}: its element type {TypeKey} is not in the schema.")]
        public static partial void UnknownType(ILogger logger, Guid key, Guid typeKey, string page);

        [LoggerMessage(2, LogLevel.Warning, "Block {Key} skipped on {Page}: there is no partial view for the element type {Alias} (Views/Shared/{Partial}.cshtml).")]
        public static partial void NoPartial(ILogger logger, Guid key, string alias, string page, string partial);

        [LoggerMessage(3, LogLevel.Debug, "Block {Key} on {Page} shown with the generic block: the element type {Alias} has no partial view of its own.")]
        public static partial void GenericPartial(ILogger logger, Guid key, string alias, string page);
    }
}
