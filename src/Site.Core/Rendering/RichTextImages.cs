using AngleSharp.Html.Parser;
using Site.Core.Media;

namespace Site.Core.Rendering;

/// <summary>Images in rich text and their alt text: every image a page shows needs a description in the page's language.</summary>
internal static class RichTextImages
{
    /// <summary>
    /// Whether the markup holds an image that would be shown without alt text in the culture: none in the markup and
    /// none on its media item in that culture. An image of an unknown item is not shown (the renderer drops it).
    /// </summary>
    public static bool LacksAltText(string markup, string culture, Func<Guid, MediaItem?> find)
    {
        ArgumentNullException.ThrowIfNull(markup);
        ArgumentNullException.ThrowIfNull(find);
        if (!markup.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = markup;
        foreach (var image in document.Body.QuerySelectorAll("img"))
        {
            if (!string.IsNullOrWhiteSpace(image.GetAttribute("alt")))
            {
                continue;
            }

            if (RichTextRenderer.MediaKey(image.GetAttribute("data-udi")) is { } key)
            {
                var item = find(key);
                if (item is null || item.Kind != MediaKind.Image || !string.IsNullOrWhiteSpace(item.Alt(culture)))
                {
                    continue;
                }
            }

            return true;
        }

        return false;
    }
}
