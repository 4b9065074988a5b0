using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Site.Hosting;

/// <summary>The reverse proxies in front of the site, bound from "Site:ReverseProxy".</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "Site:ReverseProxy";

    /// <summary>Addresses of proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; empty: this machine's loopback only.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of such proxies in CIDR notation (10.0.0.0/24).</summary>
    public IList<string> KnownNetworks { get; } = [];
}

public static class ReverseProxyExtensions
{
    /// <summary>
    /// Behind nginx the connection comes from the proxy: the client's address (rate limits, logs) and scheme (Secure
    /// cookies, HTTPS links) are taken from X-Forwarded-For / X-Forwarded-Proto, but only when the request came from a
    /// known proxy, so that a client talking to the site directly cannot claim another address.
    /// </summary>
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ReverseProxyOptions.SectionName);
        var settings = new ReverseProxyOptions();
        section.Bind(settings);
        var proxies = new List<IPAddress>();
        foreach (var text in settings.KnownProxies)
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{ReverseProxyOptions.SectionName}:KnownProxies: '{text}' is not an IP address."));
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in settings.KnownNetworks)
        {
            networks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{ReverseProxyOptions.SectionName}:KnownNetworks: '{text}' is not a network in CIDR notation (10.0.0.0/24)."));
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count > 0 || networks.Count > 0)
            {
                // Configured proxies replace the default (loopback) rather than add to it.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
        return builder;
    }
}
