using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Tiki.Tests;

/// <summary>
/// One Tiki channel composed as the service composes it (configuration → AddTikiMarketplace → the factory,
/// authorizer and event queue reader the host resolves), pointed at WireMock or the simulator.
/// </summary>
internal sealed class TikiHarness : IAsyncDisposable
{
    public const string ChannelId = "tiki-test";
    public const string ClientId = "tiki-client-7";
    public const string ClientSecret = "s3cr3t";
    public const string WarehouseId = "41";
    public const string QueueCode = "q-ocop-1";
    public const string RedirectUri = "https://ocop.example.vn/tiki/callback";

    private readonly ServiceProvider _services;
    private IMarketplaceClient? _client;

    private TikiHarness(ServiceProvider services, ChannelOptions channel)
    {
        _services = services;
        Channel = channel;
    }

    public ChannelOptions Channel { get; }

    public IMarketplaceClient Client => _client ??= _services.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "tiki").Create(Channel);

    public IReviewingMarketplaceClient Reviews => (IReviewingMarketplaceClient)Client;

    public IMarketplaceAuthorizer Authorizer => _services.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "tiki");

    public TikiEventQueueReader Events => _services.GetRequiredService<TikiEventQueueReader>();

    public static string Key(string relative) => "Channels:" + ChannelId + ":" + relative;

    /// <param name="settings">Extra keys; they win over the defaults here (null removes a key).</param>
    public static TikiHarness Create(Uri baseUrl, IShopTokenSource tokens, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "tiki",
            [Key("BaseUrl")] = baseUrl.ToString(),
            [Key("CredentialsRef")] = "TIKI_TEST",
            [Key("Tiki:AuthBaseUrl")] = baseUrl.ToString(),
            [Key("Tiki:RedirectUri")] = RedirectUri,
            [Key("Tiki:WarehouseId")] = WarehouseId,
            [Key("Tiki:EventQueueCode")] = QueueCode,
            [Key("Tiki:AttributeCodes:origin.province")] = "origin",
            [Key("Tiki:ReadRetryDelay")] = "00:00:00.050",
            ["TIKI_TEST:ClientId"] = ClientId,
            ["TIKI_TEST:ClientSecret"] = ClientSecret,
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
        services.AddTikiMarketplace(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var channel = configuration.GetSection("Channels:" + ChannelId).Get<ChannelOptions>()!;
        channel.Id = ChannelId;
        return new TikiHarness(provider, channel);
    }

    /// <summary>Runs the start-up validation of the channel's options and keys, as ValidateOnStart does.</summary>
    public void ValidateOptions()
    {
        ValidateChannelOptions();
        ValidateCredentials();
    }

    public void ValidateChannelOptions() => _ = _services.GetRequiredService<IOptionsMonitor<TikiChannelOptions>>().Get(ChannelId);

    public void ValidateCredentials() => _ = _services.GetRequiredService<IOptionsMonitor<TikiCredentials>>().Get(ChannelId);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
