using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// An in-process sandbox marketplace serving one channel. The embedded default's demo channels
/// (<c>Sandbox:Marketplaces:Channels</c>) become channels (<c>Channels:{id}</c>), and every channel of marketplace
/// <c>sandbox</c> without a <c>BaseUrl</c> gets one. The demo channels live under <c>Sandbox:</c> so that a
/// deployment with the sandbox off has no channel it did not configure itself. Faults come from
/// <c>Sandbox:Marketplaces:Faults</c> (latency, 5xx, lost responses). Items are held in memory.
/// </summary>
public sealed record EmbeddedMarketplace(string ChannelId, MarketplaceSandbox Sandbox, SandboxServer Server);

internal static class EmbeddedMarketplaces
{
    public static async Task<IReadOnlyList<EmbeddedMarketplace>> StartIfEnabledAsync(
        IHostApplicationBuilder builder, List<SandboxServer> servers, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Sandbox:Marketplaces");
        if (!section.GetValue<bool>("Enabled"))
        {
            return [];
        }

        var prefix = section.GetSection("Channels").Path + ":";
        foreach (var (key, value) in section.GetSection("Channels").AsEnumerable().Where(kv => kv.Value is not null).ToList())
        {
            var channelKey = "Channels:" + key[prefix.Length..];
            builder.Configuration[channelKey] ??= value;
        }

        var faults = section.GetSection("Faults").Get<MarketplaceSandboxFaultOptions>() ?? new MarketplaceSandboxFaultOptions();
        var started = new List<EmbeddedMarketplace>();
        foreach (var channel in builder.Configuration.GetSection("Channels").GetChildren())
        {
            if (!string.Equals(channel["Marketplace"], "sandbox", StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrEmpty(channel["BaseUrl"]))
            {
                continue;
            }

            var sandbox = new MarketplaceSandbox(new MarketplaceSandboxOptions { Faults = faults });
            var server = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), cancellationToken);
            servers.Add(server);
            builder.Configuration[$"Channels:{channel.Key}:BaseUrl"] = server.BaseUrl.ToString();
            started.Add(new EmbeddedMarketplace(channel.Key, sandbox, server));
        }

        return started;
    }
}
