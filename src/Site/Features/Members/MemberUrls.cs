using Site.Core.Languages;
using Site.Hosting;

namespace Site.Features.Members;

/// <summary>The member pages' addresses: /{prefix}/member/{page}.</summary>
public static class MemberUrls
{
    public const string Segment = "member";

    /// <summary>The URL prefix of a culture, as the site's languages define it (the default's for a culture it does not have).</summary>
    public static string PrefixOf(string? culture, LanguageSet languages) =>
        (languages ?? LanguageSet.Empty).Find(culture)?.UrlPrefix ?? languages?.Default?.UrlPrefix ?? string.Empty;

    public static string Page(string prefix, string page = "") => $"/{prefix}/{Segment}/{page}".TrimEnd('/');

    public static bool IsMemberPath(string? path, string prefix) =>
        path is not null && path.StartsWith($"/{prefix}/{Segment}", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A return address that stays on this site, under one of its languages' paths or the apps' authorize endpoint
    /// (the sign-in page returns there to finish an app's request; see <see cref="LocalReturnUrl"/>).
    /// </summary>
    public static string? SafeReturnUrl(string? returnUrl, LanguageSet languages) =>
        LocalReturnUrl.Check(returnUrl, (languages ?? LanguageSet.Empty).All.Select(l => l.UrlPrefix).Append(MemberAuthorization.AuthorizePath));
}
