using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>One Lazada channel built through the real registration (AddLazadaMarketplace), with a fake token source and clock.</summary>
public sealed class LazadaHarness : IAsyncDisposable
{
    public const string ChannelId = "lazada-test";
    public const string AppKey = "100001";
    public const string AppSecret = "simulator-app-secret";
    public const string SellerId = "200000123";

    private readonly ServiceProvider _services;

    private LazadaHarness(ServiceProvider services, ChannelOptions channel, FakeShopTokenSource tokens, FakeTimeProvider time)
    {
        _services = services;
        Channel = channel;
        Tokens = tokens;
        Time = time;
    }

    public ChannelOptions Channel { get; }

    public FakeShopTokenSource Tokens { get; }

    public FakeTimeProvider Time { get; }

    public IMarketplaceClient Client => _services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "lazada").Create(Channel);

    public IMarketplaceAuthorizer Authorizer => _services.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "lazada");

    public IMarketplaceWebhookReader WebhookReader => _services.GetServices<IMarketplaceWebhookReader>().Single(a => a.Marketplace == "lazada");

    /// <param name="gateway">The gateway with its base path, e.g. <c>http://127.0.0.1:1234/rest</c>.</param>
    public static LazadaHarness Create(
        Uri gateway, FakeTimeProvider? time = null, ShopTokens? tokens = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Channels:{ChannelId}:Marketplace"] = "lazada",
            [$"Channels:{ChannelId}:BaseUrl"] = gateway.ToString(),
            [$"Channels:{ChannelId}:CredentialsRef"] = "LAZADA_TEST",
            [$"Channels:{ChannelId}:Lazada:AuthBaseUrl"] = gateway.ToString(),
            [$"Channels:{ChannelId}:Lazada:SellerId"] = SellerId,
            [$"Channels:{ChannelId}:Lazada:ReadRetryDelay"] = "00:00:00",
            [$"Channels:{ChannelId}:Lazada:AttemptTimeout"] = "00:00:10",
            [$"Channels:{ChannelId}:Lazada:AttributeMap:origin.province"] = "country_origin_vn",
            [$"Channels:{ChannelId}:Lazada:AttributeMap:shelfLifeDays"] = "shelf_life",
            [$"Channels:{ChannelId}:Lazada:SkuAttributes:delivery_option_economy"] = "Yes",
            ["LAZADA_TEST:AppKey"] = AppKey,
            ["LAZADA_TEST:AppSecret"] = AppSecret,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = time ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new FakeShopTokenSource(tokens ?? FakeShopTokenSource.Tokens("access-1"));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IShopTokenSource>(source)
            .AddLazadaMarketplace(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var channel = new ChannelOptions { Id = ChannelId, Marketplace = "lazada", BaseUrl = gateway, CredentialsRef = "LAZADA_TEST" };
        return new LazadaHarness(services, channel, source, clock);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
