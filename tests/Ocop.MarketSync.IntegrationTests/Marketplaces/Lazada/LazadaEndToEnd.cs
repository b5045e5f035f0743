using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Lazada;

/// <summary>
/// The engine (IntakeHarness on PostgreSQL) with one real Lazada channel pointed at the Lazada simulator on 127.0.0.1,
/// registered by <c>AddLazadaMarketplace</c> from the harness's configuration, its tokens in the real token store.
/// </summary>
public sealed class LazadaEndToEnd : IAsyncDisposable
{
    public const string ChannelId = "lazada-vn";
    public const string AppKey = "100777";
    public const string AppSecret = "e2e-lazada-app-secret";
    public const string SellerId = "200000456";

    /// <summary>Every API path that changes the shop: a quiet push must call none of them.</summary>
    public static readonly string[] WritePaths =
    [
        "/image/migrate", "/product/create", "/product/update", "/product/price_quantity/update",
        "/product/stock/sellable/update", "/product/deactivate",
    ];

    /// <summary>The OCOP product sets whose Lazada category requires <c>shelf_life</c> (as in config/examples/lazada-channel.json).</summary>
    public static readonly int[] FoodSets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18];

    private readonly SandboxServer _server;

    private LazadaEndToEnd(IntakeHarness harness, SandboxServer server, LazadaSimulator simulator, FakeTimeProvider simulatorTime)
    {
        Harness = harness;
        _server = server;
        Simulator = simulator;
        SimulatorTime = simulatorTime;
    }

    public IntakeHarness Harness { get; }

    public LazadaSimulator Simulator { get; }

    /// <summary>The simulator's own clock: moving it expires tokens there while the engine keeps real time.</summary>
    public FakeTimeProvider SimulatorTime { get; }

    public static async Task<LazadaEndToEnd> StartAsync(PostgresServer postgres)
    {
        var ct = TestContext.Current.CancellationToken;
        var simulatorTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var simulator = new LazadaSimulator(new LazadaSimulatorOptions
        {
            AppKey = AppKey,
            AppSecret = AppSecret,
            SellerId = SellerId,
            // The simulator's clock is frozen, so its rate bucket never refills: the limit is not under test here.
            RequestsPerSecond = 1_000_000,
            // The adapter signs with real time while the simulator's clock jumps a week to expire the access token.
            TimestampTolerance = TimeSpan.FromDays(8),
        }, simulatorTime);
        var server = await SandboxServer.StartAsync(0, app => app.MapLazadaSimulator(simulator), ct);
        var gateway = new Uri(server.BaseUrl, "rest").ToString();
        var channel = $"Channels:{ChannelId}";
        var settings = new Dictionary<string, string?>
        {
            [$"{channel}:Marketplace"] = "lazada",
            [$"{channel}:BaseUrl"] = gateway,
            [$"{channel}:CredentialsRef"] = "LAZADA_E2E",
            ["LAZADA_E2E:AppKey"] = AppKey,
            ["LAZADA_E2E:AppSecret"] = AppSecret,
            [$"{channel}:Lazada:AuthBaseUrl"] = gateway,
            [$"{channel}:Lazada:Country"] = "vn",
            [$"{channel}:Lazada:SellerId"] = SellerId,
            [$"{channel}:Lazada:ReadRetryDelay"] = "00:00:00",
            [$"{channel}:Lazada:AttemptTimeout"] = "00:00:10",
            // Keyed by the attribute keys the engine produces (DesiredListingBuilder), as in config/examples.
            [$"{channel}:Lazada:AttributeMap:origin.province"] = "country_origin_vn",
            [$"{channel}:Lazada:AttributeMap:shelfLifeDays"] = "shelf_life",
            [$"{channel}:Lazada:RequiredAttributes:0"] = "country_origin_vn",
            [$"{channel}:Lazada:ProductAttributes:warranty_type"] = "No Warranty",
            [$"{channel}:Lazada:SkuAttributes:delivery_option_economy"] = "Yes",
        };
        for (var set = 1; set <= 26; set++)
        {
            settings[$"{channel}:Categories:{set}"] = Category(set);
        }

        // As the example: shelf life is mandatory for the food and drink sets only, so non-food creates go through without it.
        foreach (var set in FoodSets)
        {
            settings[$"{channel}:Lazada:RequiredAttributesByCategory:{Category(set)}:0"] = "shelf_life";
        }

        IntakeHarness harness;
        try
        {
            harness = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0,
                configure: s => s.AddDataProtection().SetApplicationName("lazada-e2e"),
                configureWith: (s, configuration) => s.AddLazadaMarketplace(configuration));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return new LazadaEndToEnd(harness, server, simulator, simulatorTime);
    }

    /// <summary>
    /// What <c>channel authorize</c> does: the seller's consent gives a code, the adapter's authoriser exchanges it,
    /// the token store keeps the pair.
    /// </summary>
    public Task<ShopTokens> AuthorizeAsync() => Harness.WithServicesAsync(async sp =>
    {
        var ct = TestContext.Current.CancellationToken;
        var authorizer = sp.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "lazada");
        var tokens = await authorizer.ExchangeCodeAsync(sp.GetRequiredService<ChannelCatalog>().Get(ChannelId), Simulator.IssueCode(), ct);
        await sp.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(ChannelId, tokens, ct);
        return tokens;
    });

    /// <summary>The token pair the store holds now (decrypted through the store itself).</summary>
    public Task<ShopTokens> StoredTokensAsync() => Harness.WithServicesAsync(sp =>
        sp.GetRequiredService<ShopTokenStore>().GetAsync(ChannelId, TestContext.Current.CancellationToken).AsTask());

    /// <summary>Pushes this channel until settled, moving the engine's clock past every backoff in between.</summary>
    public Task<int> PushUntilSettledAsync(int maxRounds = 40) => Harness.PushUntilSettledAsync(maxRounds, ChannelId);

    public Task<List<Listing>> ListingsAsync() => Harness.ListingsAsync(ChannelId);

    public int WriteCalls() => WritePaths.Sum(Simulator.Calls);

    /// <summary>The channel's Lazada category of an OCOP product set.</summary>
    public static string Category(int set) => (10_000_380 + set).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}
