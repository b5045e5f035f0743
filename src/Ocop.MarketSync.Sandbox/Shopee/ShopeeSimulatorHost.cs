using System.Globalization;
using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>The Shopee simulator for one channel: its shop id from the channel, the partner id and key its own.</summary>
public sealed class ShopeeSimulatorHost : IMarketplaceSimulatorHost
{
    public string Marketplace => "shopee";

    public async Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var shopId = long.TryParse(SimulatorChannel.Required(channel, "Shopee:ShopId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new InvalidOperationException($"{channel.Path}:Shopee:ShopId must be a number for its simulator.");
        var secrets = SimulatorChannel.Required(channel, "CredentialsRef");
        var simulator = new ShopeeSimulator(new ShopeeSimulatorOptions
        {
            ShopIds = [shopId],
            PartnerKey = SimulatorChannel.Configured(configuration, secrets, "PartnerKey") ?? new ShopeeSimulatorOptions().PartnerKey,
        });
        var server = await SandboxServer.StartAsync(port, app => app.MapShopeeSimulator(simulator), cancellationToken);
        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{secrets}:PartnerId"] = simulator.Options.PartnerId.ToString(CultureInfo.InvariantCulture);
        configuration[$"{secrets}:PartnerKey"] = simulator.Options.PartnerKey;
        return new EmbeddedSimulator(channel.Key, Marketplace, server, () => simulator.IssueCode(shopId));
    }
}
