using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Hosting;

namespace Site.Tests.Hosting;

/// <summary>Which proxies' X-Forwarded-For / X-Forwarded-Proto the site believes (Site:ReverseProxy). ClusterTests runs nginx.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public void Without_settings_only_a_proxy_on_this_machine_is_believed()
    {
        var options = Options(new Dictionary<string, string?>());

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.All(options.KnownProxies, p => Assert.True(IPAddress.IsLoopback(p)));
        Assert.All(options.KnownIPNetworks, n => Assert.True(IPAddress.IsLoopback(n.BaseAddress)));
    }

    [Fact]
    public void Configured_proxies_replace_the_loopback_default()
    {
        var options = Options(new Dictionary<string, string?>
        {
            ["Site:ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            ["Site:ReverseProxy:KnownNetworks:0"] = "192.168.10.0/24",
        });

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        var network = Assert.Single(options.KnownIPNetworks);
        Assert.Equal(System.Net.IPNetwork.Parse("192.168.10.0/24"), network);
    }

    [Theory]
    [InlineData("Site:ReverseProxy:KnownProxies:0", "nginx.local")]
    [InlineData("Site:ReverseProxy:KnownNetworks:0", "10.0.0.0")]
    public void A_setting_that_is_not_an_address_stops_the_start_with_its_name(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(key[..key.LastIndexOf(':')], error.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions Options(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReverseProxy();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }
}
