using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>Section <c>ReverseProxy</c>: trust X-Forwarded-* from these proxies, and serve under a path base.</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>CIDR ranges of trusted proxies, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>IP addresses of trusted proxies.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Path the proxy serves the service under, e.g. /marketsync (empty: the root).</summary>
    public string? PathBase { get; set; }
}

internal static class ReverseProxyExtensions
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.AddSingleton(options);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a CIDR range."));
            }

            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
            }
        });
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ReverseProxyOptions>();
        if (!options.Enabled)
        {
            return app;
        }

        app.UseForwardedHeaders();
        if (!string.IsNullOrEmpty(options.PathBase))
        {
            app.UsePathBase(options.PathBase);
        }

        return app;
    }
}
