using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>
/// One Shopee channel composed the way the service composes it (configuration → AddShopeeMarketplace → the factory,
/// authorizer and push reader the host picks by marketplace name), pointed at WireMock or the simulator.
/// </summary>
internal sealed class ShopeeTestChannel : IAsyncDisposable
{
    public const string ChannelId = "shopee-test";
    public const long PartnerId = 2001887;
    public const string PartnerKey = "sim-partner-key";
    public const long ShopId = 322300222;
    public const string CallbackUrl = "https://hooks.example.vn/shopee/push";

    private ShopeeTestChannel(ServiceProvider services, ChannelOptions channel, FakeShopTokenSource tokens)
    {
        Services = services;
        Channel = channel;
        Tokens = tokens;
        Client = services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "shopee").Create(channel);
    }

    public ServiceProvider Services { get; }

    public ChannelOptions Channel { get; }

    public FakeShopTokenSource Tokens { get; }

    public IMarketplaceClient Client { get; }

    public IMarketplaceAuthorizer Authorizer => Services.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "shopee");

    public IMarketplaceWebhookReader WebhookReader => Services.GetServices<IMarketplaceWebhookReader>().Single(r => r.Marketplace == "shopee");

    public static string Key(string relative) => "Channels:" + ChannelId + ":" + relative;

    /// <param name="settings">Extra configuration keys; they win over the defaults here.</param>
    public static ShopeeTestChannel Create(
        Uri baseUrl, string accessToken, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "shopee",
            [Key("BaseUrl")] = baseUrl.ToString(),
            [Key("CredentialsRef")] = "SHOPEE_TEST",
            ["SHOPEE_TEST:PartnerId"] = "2001887",
            ["SHOPEE_TEST:PartnerKey"] = PartnerKey,
            [Key("Shopee:ShopId")] = "322300222",
            [Key("Shopee:LogisticIds:0")] = "50018",
            [Key("Shopee:AttributeIds:origin.province")] = "100037",
            [Key("Shopee:AttributeIds:shelfLifeDays")] = "100095",
            [Key("Shopee:RequiredAttributes:0")] = "origin.province",
            [Key("Shopee:PushCallbackUrl")] = CallbackUrl,
            [Key("Shopee:ReadRetryDelay")] = "00:00:00.050",
            // A channel of another marketplace must be left alone.
            ["Channels:lazada-hn:Marketplace"] = "lazada",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var tokens = new FakeShopTokenSource(FakeShopTokenSource.Tokens(accessToken));
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging();
        services.AddSingleton<IShopTokenSource>(tokens);
        services.AddShopeeMarketplace(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var channel = configuration.GetSection("Channels:" + ChannelId).Get<ChannelOptions>()!;
        channel.Id = ChannelId;
        return new ShopeeTestChannel(provider, channel, tokens);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
