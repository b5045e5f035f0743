using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;

namespace Ocop.MarketSync.Marketplaces.Sendo.Tests;

/// <summary>
/// One Sendo channel composed as the service composes it (configuration → AddSendoMarketplace → the factory,
/// authorizer and webhook reader the host resolves), pointed at WireMock or the simulator.
/// </summary>
internal sealed class SendoHarness : IAsyncDisposable
{
    public const string ChannelId = "sendo-test";
    public const string ShopKey = "5d1c0a7f3e2b4c6d";
    public const string SecretKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    public const string WebhookSecret = "wh-3f9a1c7e5b2d8f4a6c0e9b1d";

    private readonly ServiceProvider _services;
    private IMarketplaceClient? _client;

    private SendoHarness(ServiceProvider services, ChannelOptions channel)
    {
        _services = services;
        Channel = channel;
    }

    public ChannelOptions Channel { get; }

    public IMarketplaceClient Client => _client ??= Factory.Create(Channel);

    public IMarketplaceClientFactory Factory => _services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sendo");

    public IMarketplaceAuthorizer Authorizer => _services.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "sendo");

    public IMarketplaceWebhookReader WebhookReader => _services.GetServices<IMarketplaceWebhookReader>().Single(r => r.Marketplace == "sendo");

    public static string Key(string relative) => "Channels:" + ChannelId + ":" + relative;

    /// <param name="settings">Extra keys; they win over the defaults here (null removes a key).</param>
    public static SendoHarness Create(Uri baseUrl, IShopTokenSource tokens, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "sendo",
            [Key("BaseUrl")] = baseUrl.ToString(),
            [Key("CredentialsRef")] = "SENDO_TEST",
            [Key("Sendo:ReadRetryDelay")] = "00:00:00.050",
            ["SENDO_TEST:ShopKey"] = ShopKey,
            ["SENDO_TEST:SecretKey"] = SecretKey,
            ["SENDO_TEST:WebhookSecret"] = WebhookSecret,
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
        services.AddSendoMarketplace(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var channel = configuration.GetSection("Channels:" + ChannelId).Get<ChannelOptions>()!;
        channel.Id = ChannelId;
        return new SendoHarness(provider, channel);
    }

    /// <summary>Runs the start-up validation of the channel's options and keys, as ValidateOnStart does.</summary>
    public void ValidateOptions()
    {
        _ = _services.GetRequiredService<IOptionsMonitor<SendoChannelOptions>>().Get(ChannelId);
        _ = _services.GetRequiredService<IOptionsMonitor<SendoCredentials>>().Get(ChannelId);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
