using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// One TikTok Shop channel composed as the service composes it (configuration → AddTikTokShopMarketplace → the
/// factory, authorizer and webhook reader the host resolves), pointed at WireMock or the simulator.
/// </summary>
internal sealed class TikTokShopHarness : IAsyncDisposable
{
    public const string ChannelId = "tiktokshop-test";
    public const string AppKey = "29a39d";
    public const string AppSecret = "e59af819cc";
    public const string ShopId = "7494000000000000001";
    public const string WarehouseId = "7068517275539719942";

    private readonly ServiceProvider _services;

    private TikTokShopHarness(ServiceProvider services, ChannelOptions channel)
    {
        _services = services;
        Channel = channel;
    }

    public ChannelOptions Channel { get; }

    public IMarketplaceClient Client => _client ??= _services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "tiktokshop").Create(Channel);

    public IMarketplaceAuthorizer Authorizer => _services.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "tiktokshop");

    public IMarketplaceWebhookReader WebhookReader => _services.GetServices<IMarketplaceWebhookReader>().Single(r => r.Marketplace == "tiktokshop");

    private IMarketplaceClient? _client;

    public static string Key(string relative) => "Channels:" + ChannelId + ":" + relative;

    /// <param name="settings">Extra keys; they win over the defaults here (null removes a key).</param>
    public static TikTokShopHarness Create(
        Uri baseUrl, IShopTokenSource tokens, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "tiktokshop",
            [Key("BaseUrl")] = baseUrl.ToString(),
            [Key("CredentialsRef")] = "TTS_TEST",
            [Key("TikTokShop:ShopId")] = ShopId,
            [Key("TikTokShop:WarehouseId")] = WarehouseId,
            [Key("TikTokShop:AuthBaseUrl")] = baseUrl.ToString(),
            [Key("TikTokShop:AttributeIds:origin.province")] = "100392",
            [Key("TikTokShop:AttributeIds:shelfLifeDays")] = "100107",
            [Key("TikTokShop:ReadRetryDelay")] = "00:00:00.050",
            ["TTS_TEST:AppKey"] = AppKey,
            ["TTS_TEST:AppSecret"] = AppSecret,
            // A channel of another marketplace must be left alone.
            ["Channels:shopee-hcm:Marketplace"] = "shopee",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging();
        services.AddSingleton(tokens);
        services.AddTikTokShopMarketplace(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var channel = configuration.GetSection("Channels:" + ChannelId).Get<ChannelOptions>()!;
        channel.Id = ChannelId;
        return new TikTokShopHarness(provider, channel);
    }

    /// <summary>Runs the start-up validation of the channel's options and keys, as ValidateOnStart does.</summary>
    public void ValidateOptions()
    {
        _ = _services.GetRequiredService<IOptionsMonitor<TikTokShopChannelOptions>>().Get(ChannelId);
        _ = _services.GetRequiredService<IOptionsMonitor<TikTokShopCredentials>>().Get(ChannelId);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
