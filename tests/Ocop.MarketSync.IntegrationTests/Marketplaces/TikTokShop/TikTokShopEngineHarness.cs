using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.TikTokShop;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.TikTokShop;

/// <summary>
/// The engine (intake, planner, pusher, reconciler, token store) on PostgreSQL with one real TikTok Shop channel,
/// composed through <c>AddTikTokShopMarketplace</c> and pointed at the TikTok simulator over HTTP on 127.0.0.1.
/// </summary>
internal sealed class TikTokShopEngineHarness : IAsyncDisposable
{
    public const string ChannelId = "tiktokshop-e2e";
    private const string AppKey = "e2e-app-key";
    private const string AppSecret = "e2e-app-secret";

    /// <summary>The writes the adapter can make; a quiet push must reach none of them.</summary>
    public static readonly string[] WriteRoutes =
    [
        "POST /product/202309/images/upload",
        "POST /product/202309/products",
        "POST /product/202309/products/activate",
        "POST /product/202309/products/deactivate",
        "POST /product/202309/products/{product_id}/partial_edit",
        "POST /product/202309/products/{product_id}/prices/update",
        "POST /product/202309/products/{product_id}/inventory/update",
    ];

    private readonly SandboxServer _server;

    private TikTokShopEngineHarness(IntakeHarness engine, SandboxServer server, TikTokShopSimulator simulator)
    {
        Engine = engine;
        _server = server;
        Simulator = simulator;
    }

    public IntakeHarness Engine { get; }

    public TikTokShopSimulator Simulator { get; }

    public static async Task<TikTokShopEngineHarness> CreateAsync(PostgresServer postgres)
    {
        var simulator = new TikTokShopSimulator(new TikTokShopSimulatorOptions { AppKey = AppKey, AppSecret = AppSecret });
        var server = await SandboxServer.StartAsync(0, app => app.MapTikTokShopSimulator(simulator), TestContext.Current.CancellationToken);
        string Key(string relative) => $"Channels:{ChannelId}:{relative}";
        var settings = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "tiktokshop",
            [Key("BaseUrl")] = server.BaseUrl.ToString(),
            [Key("CredentialsRef")] = "TTS_E2E",
            [Key("TikTokShop:ShopId")] = simulator.Options.ShopId,
            [Key("TikTokShop:WarehouseId")] = simulator.Options.WarehouseId,
            [Key("TikTokShop:AuthBaseUrl")] = server.BaseUrl.ToString(),
            [Key("TikTokShop:AttributeIds:origin.province")] = "100392",
            [Key("TikTokShop:AttributeIds:shelfLifeDays")] = "100107",
            [Key("TikTokShop:ReadRetryDelay")] = "00:00:00.050",
            ["TTS_E2E:AppKey"] = AppKey,
            ["TTS_E2E:AppSecret"] = AppSecret,
        };
        for (var set = 1; set <= 26; set++)
        {
            settings[Key($"Categories:{set}")] = (600900 + set).ToString(CultureInfo.InvariantCulture);
        }

        var engine = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0, configureWith: (services, configuration) =>
        {
            services.AddTikTokShopMarketplace(configuration);
            // The sample images live on cdn.example.com; the adapter fetches each before uploading it. Nothing may
            // leave the machine, so that CDN is a handler that answers every URL with a small JPEG.
            services.AddHttpClient("tiktokshop:images").ConfigurePrimaryHttpMessageHandler(() => new ImageCdn());
            services.AddDataProtection().SetApplicationName("tiktokshop-e2e");
        });
        return new TikTokShopEngineHarness(engine, server, simulator);
    }

    /// <summary>What <c>channel authorize</c> does: a code from the consent page, exchanged by the adapter, stored.</summary>
    public Task<ShopTokens> AuthorizeAsync() => Engine.WithServicesAsync(async sp =>
    {
        var channel = sp.GetRequiredService<ChannelCatalog>().Get(ChannelId);
        var authorizer = sp.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "tiktokshop");
        var tokens = await authorizer.ExchangeCodeAsync(channel, Simulator.IssueAuthCode(), TestContext.Current.CancellationToken);
        await sp.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(ChannelId, tokens, TestContext.Current.CancellationToken);
        return tokens;
    });

    public Task<PushSummary> PushAsync() => Engine.PushAsync(ChannelId);

    /// <summary>Pushes this channel until settled, moving the engine's clock past every backoff in between.</summary>
    public Task<int> PushUntilSettledAsync(int maxRounds = 40) => Engine.PushUntilSettledAsync(maxRounds, ChannelId);

    public Task<List<Listing>> ListingsAsync() => Engine.ListingsAsync(ChannelId);

    public int WriteCalls() => WriteRoutes.Sum(Simulator.Calls);

    /// <summary>The one live (not deleted) product of a registry id's SKU: none or two fail the test.</summary>
    public TikTokShopSimulatorProduct Item(string registryId) => Assert.Single(Simulator.FindBySku("OCOP-" + registryId));

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    private sealed class ImageCdn : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 74, 70, 73, 70]);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
