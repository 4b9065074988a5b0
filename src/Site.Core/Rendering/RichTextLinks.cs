using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Core.Rendering;

/// <summary>
/// Links from rich text to pages of this site, stored as Umbraco 15/16 stores them: by the page's key,
/// <c>&lt;a type="document" href="/{localLink:GUID}"&gt;</c>, so they survive renames and moves. The page's current URL is
/// put in only when a page is shown (<see cref="Resolve"/>).
/// </summary>
public static partial class RichTextLinks
{
    private const string Marker = "{localLink:";

    /// <summary>The stored form of a link to a page.</summary>
    public static string Href(Guid key) => "/" + Marker + key.ToString("D") + "}";

    /// <summary>The page a stored href points at: exactly <c>/{localLink:GUID}</c>, nothing before or after it.</summary>
    public static Guid? Key(string? href)
    {
        if (href is null)
        {
            return null;
        }

        var match = LocalLink().Match(href);
        return match.Success && Guid.TryParseExact(match.Groups["key"].Value, "D", out var key) ? key : null;
    }

    /// <summary>Whether the HTML may hold a link to a page (cheap: most values have none, and skip the parse).</summary>
    public static bool HasLocalLinks(string html) => html?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The sanitizer's rule for a link: an href that looks like a link to a page but is not exactly one (a script
    /// address hidden in it, text around it) is dropped; a link to a page has <c>type="document"</c>, no other link a type.
    /// </summary>
    internal static void Check(IElement link)
    {
        var href = link.GetAttribute("href");
        if (href is not null && href.Contains("localLink", StringComparison.OrdinalIgnoreCase))
        {
            if (Key(href) is { } key)
            {
                link.SetAttribute("href", Href(key));
            }
            else
            {
                link.RemoveAttribute("href");
            }
        }

        if (Key(link.GetAttribute("href")) is not null)
        {
            // Umbraco tells a link to a page from one to a media item by its type.
            link.SetAttribute("type", "document");
        }
        else
        {
            link.RemoveAttribute("type");
        }
    }

    /// <summary>
    /// Sanitized HTML with each link to a page pointing at the page's current URL (<paramref name="urlOf"/>: null when
    /// it is not published in the page's culture or does not exist): such a link gives way to its text.
    /// </summary>
    public static string Resolve(string html, Func<Guid, string?> urlOf)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(urlOf);
        if (!HasLocalLinks(html))
        {
            return html;
        }

        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var link in body.QuerySelectorAll("a[href]").ToList())
        {
            if (Key(link.GetAttribute("href")) is not { } key)
            {
                continue;
            }

            link.RemoveAttribute("type");
            if (urlOf(key) is { } url && Content.EditorValues.IsAllowedUrl(url))
            {
                link.SetAttribute("href", url);
            }
            else
            {
                link.Replace([.. link.ChildNodes]);
            }
        }

        return body.InnerHtml;
    }

    [GeneratedRegex(@"^/\{localLink:(?<key>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex LocalLink();
}
