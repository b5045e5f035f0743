using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>The TikTok Shop simulator for one channel: its shop and warehouse from the channel, the app key and secret its own.</summary>
public sealed class TikTokShopSimulatorHost : IMarketplaceSimulatorHost
{
    public string Marketplace => "tiktokshop";

    public async Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var secrets = SimulatorChannel.Required(channel, "CredentialsRef");
        var options = new TikTokShopSimulatorOptions
        {
            ShopId = SimulatorChannel.Required(channel, "TikTokShop:ShopId"),
            WarehouseId = SimulatorChannel.Required(channel, "TikTokShop:WarehouseId"),
        };
        options.AppSecret = SimulatorChannel.Configured(configuration, secrets, "AppSecret") ?? options.AppSecret;
        var simulator = new TikTokShopSimulator(options);
        var server = await SandboxServer.StartAsync(port, app => app.MapTikTokShopSimulator(simulator), cancellationToken);

        // The token host is the same simulator (in production it is auth.tiktok-shops.com).
        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{channel.Path}:TikTokShop:AuthBaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{secrets}:AppKey"] = simulator.Options.AppKey;
        configuration[$"{secrets}:AppSecret"] = simulator.Options.AppSecret;
        return new EmbeddedSimulator(channel.Key, Marketplace, server, simulator.IssueAuthCode);
    }
}
