using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Site.Core.Delivery;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;

namespace Site.Features.Delivery;

/// <summary>
/// What one API request asks for, from its headers: the snapshot (published or preview), culture, member...
/// <see cref="Language"/> is null when the client asked for a culture the site does not have (<see cref="Culture"/>
/// says which): then only the opted-in fallback serves anything.
/// </summary>
internal sealed record DeliveryRequest(
    PublishedSnapshot Snapshot,
    Language? Language,
    string Culture,
    Language? Fallback,
    bool Preview,
    MemberIdentity? Member,
    PublishedContent? StartItem,
    bool MarkdownSource)
{
    public bool CanSee(PublishedContent content) => PublicAccess.Check(content, Member) == AccessOutcome.Allowed;

    /// <summary>The culture the item is served in: the requested one, else (when the client opted in) the default; null: not served.</summary>
    public Served? Serve(PublishedContent? content) =>
        content is not null && CanSee(content) ? Locate(content) : null;

    /// <summary>Where the item is published for this request, whoever asks: the caller checks access.</summary>
    public Served? Locate(PublishedContent content)
    {
        if (!InStartItem(content))
        {
            return null;
        }

        if (Language is { } language && content.IsPublished(language.IsoCode))
        {
            return new Served(content, language.IsoCode, false);
        }

        return Fallback is { } fallback && content.IsPublished(fallback.IsoCode) ? new Served(content, fallback.IsoCode, true) : null;
    }

    /// <summary>
    /// An item by path, whoever asks (the caller checks access): a site URL with its culture prefix
    /// ("/en/sessions/13th-forum-2017") is looked up as it is; a path without one ("/sessions/13th-forum-2017", "/" for
    /// the start item) in the requested culture, then the fallback.
    /// </summary>
    public Served? LocateByPath(string? path)
    {
        // With or without the trailing slash that route.path may carry.
        var normalized = "/" + (path ?? string.Empty).Trim().Trim('/');
        var first = normalized.TrimStart('/').Split('/', 2)[0];
        if (Snapshot.Languages.FindByPrefix(first) is { } prefixed)
        {
            var node = Snapshot.GetByRoute(normalized);
            return node is not null && node.IsPublished(prefixed.IsoCode) && InStartItem(node) ? new Served(node, prefixed.IsoCode, false) : null;
        }

        foreach (var language in new[] { Language, Fallback }.OfType<Language>())
        {
            var node = Snapshot.GetByRoute("/" + language.UrlPrefix + normalized);
            if (node is not null && node.IsPublished(language.IsoCode) && InStartItem(node))
            {
                return new Served(node, language.IsoCode, language != Language);
            }
        }

        return null;
    }

    public bool InStartItem(PublishedContent content)
    {
        if (StartItem is null)
        {
            return true;
        }

        var root = content;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root == StartItem;
    }
}

/// <summary>An item and the culture it is served in.</summary>
internal readonly record struct Served(PublishedContent Content, string Culture, bool IsFallback);

/// <summary>The request headers of the content endpoints, as the contract names them.</summary>
internal sealed record DeliveryHeaders(
    [FromHeader(Name = "Accept-Language")] string? AcceptLanguage,
    [FromHeader(Name = "Accept-Segment")] string? AcceptSegment,
    [FromHeader(Name = "Preview")] string? Preview,
    [FromHeader(Name = "Start-Item")] string? StartItem,
    [FromHeader(Name = DeliveryHeaderNames.LanguageFallback)] string? LanguageFallback,
    [FromHeader(Name = DeliveryHeaderNames.MarkdownFormat)] string? MarkdownFormat);

internal static class DeliveryHeaderNames
{
    public const string ApiKey = "Api-Key";

    /// <summary>Beyond Umbraco: "default" serves items missing in the requested culture in the default language, marked.</summary>
    public const string LanguageFallback = "Language-Fallback";

    /// <summary>Beyond Umbraco: "markdown" sends Markdown properties as their source instead of sanitized HTML.</summary>
    public const string MarkdownFormat = "Markdown-Format";
}

/// <summary>The members feature resolves a member from a bearer token here; until then every caller is anonymous.</summary>
public interface IDeliveryMemberResolver
{
    ValueTask<MemberIdentity?> ResolveAsync(HttpContext context);
}

internal sealed class AnonymousDeliveryMemberResolver : IDeliveryMemberResolver
{
    public ValueTask<MemberIdentity?> ResolveAsync(HttpContext context) => ValueTask.FromResult<MemberIdentity?>(null);
}

/// <summary>Reads and checks the headers of a request: API key, preview, culture, start item and our two extensions.</summary>
internal sealed class DeliveryRequestReader(
    IPublishedSnapshotAccessor snapshots,
    IPreviewSnapshotService previews,
    IDeliveryMemberResolver members,
    IOptions<DeliveryApiOptions> options)
{
    public bool HasValidApiKey(HttpContext http)
    {
        var configured = options.Value.ApiKey;
        var sent = http.Request.Headers[DeliveryHeaderNames.ApiKey].ToString();
        return !string.IsNullOrEmpty(configured)
            && sent.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(sent));
    }

    /// <summary>The API key check alone (the media endpoints have no other headers).</summary>
    public ProblemHttpResult? CheckAccess(HttpContext http) =>
        !options.Value.PublicAccess && !HasValidApiKey(http)
            ? DeliveryProblems.Unauthorized("This API is not public: send the configured key in the Api-Key header.")
            : null;

    public async ValueTask<(DeliveryRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, DeliveryHeaders headers)
    {
        if (CheckAccess(http) is { } denied)
        {
            return (null, denied);
        }

        bool preview;
        if (string.IsNullOrWhiteSpace(headers.Preview))
        {
            preview = false;
        }
        else if (!bool.TryParse(headers.Preview.Trim(), out preview))
        {
            return (null, DeliveryProblems.BadRequest("Preview", $"The Preview header '{headers.Preview}' must be true or false."));
        }

        if (preview && !HasValidApiKey(http))
        {
            return (null, DeliveryProblems.Unauthorized("Preview (draft content) needs the configured key in the Api-Key header."));
        }

        var snapshot = preview ? await previews.GetAsync(http.RequestAborted) : snapshots.Current;
        http.Items[DeliveryApiExtensions.SnapshotItem] = snapshot;
        http.Items[DeliveryApiExtensions.PreviewItem] = preview;
        if (snapshot.Languages.Default is not { } defaultLanguage)
        {
            return (null, DeliveryProblems.NotFound("The site has no languages yet."));
        }

        // As Umbraco: a header of one culture the site does not have asks for that culture (items 404, queries empty);
        // a list that names none of the site's, or no header, asks for the default language.
        var language = Public.VisitorLanguage.MatchAcceptLanguage(snapshot.Languages, http.Request);
        var culture = language?.IsoCode ?? SingleCulture(headers.AcceptLanguage);
        if (culture is null || (language is null && options.Value.UnknownCultureAsDefault))
        {
            language = defaultLanguage;
            culture = language.IsoCode;
        }

        Language? fallback = null;
        switch (headers.LanguageFallback?.Trim())
        {
            case null or "" or "none":
                break;
            case "default":
                fallback = defaultLanguage != language ? defaultLanguage : null;
                break;
            default:
                return (null, DeliveryProblems.BadRequest(DeliveryHeaderNames.LanguageFallback, $"The {DeliveryHeaderNames.LanguageFallback} header '{headers.LanguageFallback}' must be 'default' or 'none'."));
        }

        bool markdownSource;
        switch (headers.MarkdownFormat?.Trim())
        {
            case null or "" or "html":
                markdownSource = false;
                break;
            case "markdown":
                markdownSource = true;
                break;
            default:
                return (null, DeliveryProblems.BadRequest(DeliveryHeaderNames.MarkdownFormat, $"The {DeliveryHeaderNames.MarkdownFormat} header '{headers.MarkdownFormat}' must be 'html' or 'markdown'."));
        }

        PublishedContent? startItem = null;
        if (!string.IsNullOrWhiteSpace(headers.StartItem))
        {
            startItem = FindRoot(snapshot, headers.StartItem.Trim());
            if (startItem is null)
            {
                return (null, DeliveryProblems.StartItemNotFound($"The Start-Item header '{headers.StartItem}' is neither the id nor the URL segment of a root content item."));
            }
        }

        var member = await members.ResolveAsync(http);
        return (new DeliveryRequest(snapshot, language, culture, fallback, preview, member, startItem, markdownSource), null);
    }

    /// <summary>The header's culture when it names exactly one (letters, digits, '-' and '_', as Umbraco reads it); else null.</summary>
    private static string? SingleCulture(string? acceptLanguage)
    {
        var value = acceptLanguage?.Trim();
        return !string.IsNullOrEmpty(value) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : null;
    }

    /// <summary>The start item path of a root in a culture: the URL segment of its name.</summary>
    public static string StartItemPath(PublishedContent root, string culture) =>
        UrlSegments.FromName(root.Name(culture) ?? root.Cultures.Values.FirstOrDefault()?.Name ?? string.Empty);

    private static PublishedContent? FindRoot(PublishedSnapshot snapshot, string value) =>
        Guid.TryParse(value, out var key)
            ? snapshot.Roots.FirstOrDefault(r => r.Key == key)
            : snapshot.Roots.FirstOrDefault(r => r.Cultures.Keys.Any(c => string.Equals(StartItemPath(r, c), value, StringComparison.OrdinalIgnoreCase)));

}
