using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sandbox;

/// <summary>
/// One sandbox channel composed the way the service composes it (configuration → AddSandboxMarketplace → the
/// factory the engine picks by marketplace name), pointed at any base address: WireMock or a real sandbox.
/// </summary>
internal sealed class SandboxChannelHarness : IAsyncDisposable
{
    public const string ChannelId = "sandbox-test";

    private readonly ServiceProvider _services;

    private SandboxChannelHarness(ServiceProvider services, IMarketplaceClient client)
    {
        _services = services;
        Client = client;
    }

    public IMarketplaceClient Client { get; }

    /// <summary>A key of the test channel's section, e.g. <c>Key("Sandbox:PageSize")</c>.</summary>
    public static string Key(string relative) => "Channels:" + ChannelId + ":" + relative;

    /// <param name="settings">Extra configuration keys (see <see cref="Key"/>); they win over the defaults here.</param>
    public static SandboxChannelHarness Create(Uri baseUrl, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "sandbox",
            [Key("BaseUrl")] = baseUrl.ToString(),
            // A short retry delay keeps failure tests quick; the attempt timeout stays the production 10 s, because a
            // first request on a busy 2-core runner can take seconds. Timeout tests set their own.
            [Key("Sandbox:ReadRetryDelay")] = "00:00:00.050",
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
        services.AddSandboxMarketplace(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var channel = configuration.GetSection("Channels:" + ChannelId).Get<ChannelOptions>()!;
        channel.Id = ChannelId;
        var factory = provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sandbox");
        return new SandboxChannelHarness(provider, factory.Create(channel));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
