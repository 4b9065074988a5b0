using System.Net;
using Microsoft.AspNetCore.HostFiltering;

namespace Site.Features.Public;

/// <summary>
/// The site's public origin (Site:Public:BaseUrl). Links that carry a secret (password reset, address confirmation) are
/// built only from it, never from the request's Host header, which anyone can set: outside Development the site does not
/// start without it, and host filtering then answers 400 to requests for any other host.
/// </summary>
public static class PublicOrigin
{
    public const string Setting = "Site:Public:BaseUrl";

    internal const string RequiredMessage =
        Setting + " is required outside Development: it is the origin of the links in mails (password reset, address confirmation) " +
        "and of canonical links, and the host that requests must name. Set it, e.g. Site__Public__BaseUrl=https://forum.example.org.";

    /// <summary>The configured origin, else in Development the request's own when it names this machine; otherwise null (send no link).</summary>
    public static string? ForMail(HttpRequest request, PublicSiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return options.BaseUrl.TrimEnd('/');
        }

        return IsLoopback(request.Host.Host) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;
    }

    /// <summary>With AllowedHosts left at "*", only the public origin's host (and this machine's names, for probes) are served.</summary>
    internal static WebApplicationBuilder AddPublicOrigin(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<PublicSiteOptions>()
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.BaseUrl), RequiredMessage);
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<PublicSiteOptions>>((filter, site) =>
        {
            var configured = filter.AllowedHosts.Where(h => h != "*").ToList();
            if (configured.Count == 0 && Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var origin))
            {
                filter.AllowedHosts = [origin.IdnHost, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        return builder;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
