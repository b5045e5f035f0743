using System.Globalization;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sandbox.TikTokShop;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Starts the simulator of one channel's marketplace and points the channel at it. The simulator hosts the shop the
/// channel names (its shop or seller id, its warehouse), so those stay in configuration; the app credentials are
/// the simulator's own, written into the channel's <c>CredentialsRef</c> section for the adapter to sign with, unless
/// that section already holds a secret (partner key, app secret): then the simulator takes that one, so a test can run
/// the service with secrets it knows and look for them in the output. What is set here is what each adapter reads
/// (docs/marketplaces): its base URLs and its secret key names.
/// </summary>
internal static class SimulatorStarter
{
    private static readonly string[] Marketplaces = ["shopee", "lazada", "tiktokshop"];

    public static bool Serves(string? marketplace) => Marketplaces.Contains(marketplace, StringComparer.OrdinalIgnoreCase);

    public static Task<EmbeddedSimulator> StartAsync(ConfigurationManager configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var marketplace = channel["Marketplace"];
        return Is(marketplace, "shopee") ? StartShopeeAsync(configuration, channel, port, cancellationToken)
            : Is(marketplace, "lazada") ? StartLazadaAsync(configuration, channel, port, cancellationToken)
            : Is(marketplace, "tiktokshop") ? StartTikTokShopAsync(configuration, channel, port, cancellationToken)
            : throw new InvalidOperationException($"{channel.Path}:Marketplace '{marketplace}' has no simulator.");
    }

    private static async Task<EmbeddedSimulator> StartShopeeAsync(ConfigurationManager configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var shopId = long.TryParse(Required(channel, "Shopee:ShopId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new InvalidOperationException($"{channel.Path}:Shopee:ShopId must be a number for its simulator.");
        var secrets = Required(channel, "CredentialsRef");
        var simulator = new ShopeeSimulator(new ShopeeSimulatorOptions
        {
            ShopIds = [shopId],
            PartnerKey = Configured(configuration, secrets, "PartnerKey") ?? new ShopeeSimulatorOptions().PartnerKey,
        });
        var server = await SandboxServer.StartAsync(port, app => app.MapShopeeSimulator(simulator), cancellationToken);
        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{secrets}:PartnerId"] = simulator.Options.PartnerId.ToString(CultureInfo.InvariantCulture);
        configuration[$"{secrets}:PartnerKey"] = simulator.Options.PartnerKey;
        return new EmbeddedSimulator(channel.Key, "shopee", server, () => simulator.IssueCode(shopId));
    }

    private static async Task<EmbeddedSimulator> StartLazadaAsync(ConfigurationManager configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var secrets = Required(channel, "CredentialsRef");
        var options = new LazadaSimulatorOptions { SellerId = Required(channel, "Lazada:SellerId") };
        options.AppSecret = Configured(configuration, secrets, "AppSecret") ?? options.AppSecret;
        if (channel["Lazada:Country"] is { Length: > 0 } country)
        {
            options.Country = country;
        }

        var simulator = new LazadaSimulator(options, TimeProvider.System);
        var server = await SandboxServer.StartAsync(port, app => app.MapLazadaSimulator(simulator), cancellationToken);

        // The gateway and the token endpoints are one host in the simulator, both under /rest.
        var gateway = new Uri(server.BaseUrl, "rest").ToString();
        configuration[$"{channel.Path}:BaseUrl"] = gateway;
        configuration[$"{channel.Path}:Lazada:AuthBaseUrl"] = gateway;
        configuration[$"{secrets}:AppKey"] = simulator.Options.AppKey;
        configuration[$"{secrets}:AppSecret"] = simulator.Options.AppSecret;
        return new EmbeddedSimulator(channel.Key, "lazada", server, simulator.IssueCode);
    }

    private static async Task<EmbeddedSimulator> StartTikTokShopAsync(ConfigurationManager configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var secrets = Required(channel, "CredentialsRef");
        var options = new TikTokShopSimulatorOptions
        {
            ShopId = Required(channel, "TikTokShop:ShopId"),
            WarehouseId = Required(channel, "TikTokShop:WarehouseId"),
        };
        options.AppSecret = Configured(configuration, secrets, "AppSecret") ?? options.AppSecret;
        var simulator = new TikTokShopSimulator(options);
        var server = await SandboxServer.StartAsync(port, app => app.MapTikTokShopSimulator(simulator), cancellationToken);

        // The token host is the same simulator (in production it is auth.tiktok-shops.com).
        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{channel.Path}:TikTokShop:AuthBaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{secrets}:AppKey"] = simulator.Options.AppKey;
        configuration[$"{secrets}:AppSecret"] = simulator.Options.AppSecret;
        return new EmbeddedSimulator(channel.Key, "tiktokshop", server, simulator.IssueAuthCode);
    }

    private static string? Configured(ConfigurationManager configuration, string secrets, string key) =>
        configuration[$"{secrets}:{key}"] is { Length: > 0 } value ? value : null;

    private static string Required(IConfigurationSection channel, string key) =>
        channel[key] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{channel.Path}:{key} is required for the channel's simulator.");

    private static bool Is(string? marketplace, string name) => string.Equals(marketplace, name, StringComparison.OrdinalIgnoreCase);
}
