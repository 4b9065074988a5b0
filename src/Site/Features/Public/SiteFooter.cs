using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>A filing number (ICP, public security) and the register entry it links to.</summary>
public sealed record FilingLink(string Number, string Url);

/// <summary>
/// What the footer shows, read from the site settings node (a root node of type <c>siteSettings</c>, Umbraco's usual
/// settings node: data, not a page) in the page's culture. Read from the snapshot the page is rendered from on every
/// render and kept nowhere else, so a publish is in the next page on every instance (each follows the change journal).
/// Everything is optional: without a settings node, or with empty fields, the footer shows what there is.
/// </summary>
public sealed record SiteFooter(
    string? Hosts,
    string? CoOrganizers,
    string? Address,
    string? Phone,
    string? Email,
    FilingLink? Icp,
    FilingLink? PublicSecurity,
    string? Copyright,
    string? WeChatName,
    ResponsiveImage? WeChatQr,
    string? WeiboUrl,
    IReadOnlyList<LinkValue> Links,
    ResponsiveImage? ShareImage)
{
    public const string ContentTypeAlias = "siteSettings";

    /// <summary>The registers the filing numbers link to when the settings name no other address.</summary>
    private const string IcpRegister = "https://beian.miit.gov.cn/";

    private const string PublicSecurityRegister = "https://beian.mps.gov.cn/";

    /// <summary>The public security register's search for one record, as that register's own badge links it.</summary>
    private const string PublicSecuritySearch = "https://beian.mps.gov.cn/#/query/webSearch?code=";

    public static SiteFooter Empty { get; } = new(null, null, null, null, null, null, null, null, null, null, null, [], null);

    public bool HasContact => Address is not null || Phone is not null || Email is not null;

    public bool HasSocial => WeChatName is not null || WeChatQr is not null || WeiboUrl is not null || Links.Count > 0;

    /// <summary>The phone number as a tel: address: its digits and a leading +.</summary>
    public string? PhoneHref => Phone is null ? null
        : "tel:" + (Phone.StartsWith('+') ? "+" : string.Empty) + string.Concat(Phone.Where(char.IsAsciiDigit));

    /// <summary>The settings node: the first root of the settings type (roots are few, so no index is needed).</summary>
    public static PublishedContent? Node(PublishedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Roots.FirstOrDefault(r => string.Equals(r.ContentTypeAlias, ContentTypeAlias, StringComparison.Ordinal));
    }

    public static SiteFooter For(PublishedSnapshot snapshot, string culture, IMediaLibrary media, IMediaRenditions renditions)
    {
        if (Node(snapshot) is not { } node)
        {
            return Empty;
        }

        string? Text(string alias) => Trimmed(node.Value(alias, culture));
        string? Address(string alias) => Text(alias) is { } url && EditorValues.IsAllowedUrl(url) && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : null;

        var icp = Text("icpNumber") is { } icpNumber ? new FilingLink(icpNumber, Address("icpLink") ?? IcpRegister) : null;
        var security = Text("publicSecurityNumber") is { } securityNumber
            ? new FilingLink(securityNumber, Address("publicSecurityLink") ?? PublicSecurityEntry(securityNumber))
            : null;
        var email = Text("email") is { } address && EditorValues.IsAllowedUrl("mailto:" + address) ? address : null;
        return new SiteFooter(
            Text("organizers"),
            Text("coOrganizers"),
            Text("address"),
            Text("phone"),
            email,
            icp,
            security,
            Text("copyright"),
            Text("wechatName"),
            ResponsiveImage.From(node.Value("wechatQr", culture), media, renditions, culture),
            Address("weiboUrl"),
            [.. node.LinksValue("socialLinks", culture).Where(l => l.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase))],
            ResponsiveImage.From(node.Value("shareImage", culture), media, renditions, culture));
    }

    private static string PublicSecurityEntry(string number)
    {
        var digits = string.Concat(number.Where(char.IsAsciiDigit));
        return digits.Length == 0 ? PublicSecurityRegister : PublicSecuritySearch + digits;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
