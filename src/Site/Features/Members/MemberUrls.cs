using Site.Core.Languages;
using Site.Hosting;

namespace Site.Features.Members;

/// <summary>The member pages' addresses: /{prefix}/member/{page}.</summary>
public static class MemberUrls
{
    public const string Segment = "member";

    /// <summary>The URL prefix of a culture: its two-letter language, as the site's routing has it.</summary>
    public static string PrefixOf(string culture) =>
        (culture ?? "zh").Split('-')[0].ToLowerInvariant() is { Length: 2 } prefix ? prefix : "zh";

    public static string Page(string prefix, string page = "") => $"/{prefix}/{Segment}/{page}".TrimEnd('/');

    public static bool IsMemberPath(string? path, string prefix) =>
        path is not null && path.StartsWith($"/{prefix}/{Segment}", StringComparison.OrdinalIgnoreCase);

    /// <summary>A return address that stays on this site, under one of its languages' paths (see <see cref="LocalReturnUrl"/>).</summary>
    public static string? SafeReturnUrl(string? returnUrl, LanguageSet languages) =>
        LocalReturnUrl.Check(returnUrl, (languages ?? LanguageSet.Empty).All.Select(l => l.UrlPrefix));
}
