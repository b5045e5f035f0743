using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Tiki;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Tiki;

/// <summary>
/// The engine (intake, planner, pusher with its review tracker, reconciler, token store) on PostgreSQL with one real
/// Tiki channel, composed through <c>AddTikiMarketplace</c> and pointed at the Tiki simulator over HTTP on 127.0.0.1.
/// </summary>
/// <remarks>
/// Tiki's review runs on the simulator's clock. The simulator and the adapter share <see cref="Time"/>: real time
/// (so rate limits, timeouts and retry delays behave) shifted forward on demand by <see cref="LetReviewsFinish"/>,
/// so reconciliation windows and token expiry agree on both sides. The engine's own schedule is the harness's fake clock.
/// </remarks>
internal sealed class TikiEngineHarness : IAsyncDisposable
{
    public const string ChannelId = "tiki-e2e";
    private const string ClientId = "e2e-tiki-client";
    private const string ClientSecret = "e2e-tiki-secret";

    /// <summary>Every route the simulator serves to the adapter: their sum is the number of calls Tiki saw.</summary>
    public static readonly string[] Routes =
    [
        "POST /sc/oauth2/token",
        "GET /integration/v2/sellers/me",
        "POST /integration/v2.1/requests",
        "POST /integration/v2/requests/updateProductInfo",
        "GET /integration/v2.1/tracking/{track_id}",
        "PUT /integration/v2.1/products/updateSkus",
        "GET /integration/v2.1/products",
        "GET /integration/v2.1/products/{product_id}",
        "GET /integration/v2/products/findBy",
        "POST /integration/v1/queues",
        "POST /integration/v1/queues/{code}/subscriptions",
        "POST /integration/v1/queues/{code}/events/pull",
    ];

    private readonly SandboxServer _server;

    private TikiEngineHarness(IntakeHarness engine, SandboxServer server, TikiSimulator simulator, ShiftedTime time, string queueCode)
    {
        Engine = engine;
        _server = server;
        Simulator = simulator;
        Time = time;
        QueueCode = queueCode;
    }

    public IntakeHarness Engine { get; }

    public TikiSimulator Simulator { get; }

    public ShiftedTime Time { get; }

    /// <summary>The event queue the channel is configured with, subscribed to price and inventory events.</summary>
    public string QueueCode { get; }

    /// <param name="configure">Changes to the simulator's options before it starts (e.g. the seller's update switch).</param>
    public static async Task<TikiEngineHarness> CreateAsync(PostgresServer postgres, Action<TikiSimulatorOptions>? configure = null)
    {
        var time = new ShiftedTime();
        var options = new TikiSimulatorOptions { ClientId = ClientId, ClientSecret = ClientSecret, ReviewStepDelay = TimeSpan.FromMinutes(1) };
        configure?.Invoke(options);
        var simulator = new TikiSimulator(options, time);
        // What the set-up step does once per shop (TikiEventQueueReader's remarks).
        var queue = simulator.CreateQueue("ocop-e2e", "PRODUCT_PRICE_UPDATED", "PRODUCT_MARKET_PRICE_UPDATED", "PRODUCT_INVENTORY_UPDATED");
        var server = await SandboxServer.StartAsync(0, app => app.MapTikiSimulator(simulator), TestContext.Current.CancellationToken);
        string Key(string relative) => $"Channels:{ChannelId}:{relative}";
        var settings = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "tiki",
            [Key("BaseUrl")] = server.BaseUrl.ToString(),
            [Key("CredentialsRef")] = "TIKI_E2E",
            [Key("Tiki:AuthBaseUrl")] = server.BaseUrl.ToString(),
            [Key("Tiki:RedirectUri")] = "https://ocop.example.vn/tiki/callback",
            [Key("Tiki:WarehouseId")] = options.WarehouseId.ToString(CultureInfo.InvariantCulture),
            [Key("Tiki:EventQueueCode")] = queue,
            [Key("Tiki:AttributeCodes:origin.province")] = "origin",
            [Key("Tiki:ReadRetryDelay")] = "00:00:00.050",
            // The simulator allows Tiki's 200/s; the engine's own pacing is not what these tests measure.
            [Key("Tiki:RequestsPerSecond")] = "200",
            ["TIKI_E2E:ClientId"] = ClientId,
            ["TIKI_E2E:ClientSecret"] = ClientSecret,
        };
        for (var set = 1; set <= 25; set++)
        {
            settings[Key($"Categories:{set}")] = (8300 + set).ToString(CultureInfo.InvariantCulture);
        }

        var engine = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0, configureWith: (services, configuration) =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            services.AddTikiMarketplace(configuration);
            services.AddDataProtection().SetApplicationName("tiki-e2e");
        });
        return new TikiEngineHarness(engine, server, simulator, time, queue);
    }

    /// <summary>What <c>channel authorize</c> does: the code from the consent redirect, exchanged by the adapter, stored.</summary>
    public Task<ShopTokens> AuthorizeAsync() => Engine.WithServicesAsync(async sp =>
    {
        var channel = sp.GetRequiredService<ChannelCatalog>().Get(ChannelId);
        var authorizer = sp.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "tiki");
        var tokens = await authorizer.ExchangeCodeAsync(channel, Simulator.IssueCode(), TestContext.Current.CancellationToken);
        await sp.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(ChannelId, tokens, TestContext.Current.CancellationToken);
        return tokens;
    });

    /// <summary>
    /// Moves Tiki's clock past every review step (four states of a minute each), as if the reviewers had worked, and
    /// both clocks by the longest wait between two questions about a ticket (MarketplaceCapabilities.MaxReviewRecheck):
    /// the settling rounds age the tickets by hours, so the engine asks again only every 10 minutes.
    /// </summary>
    public void LetReviewsFinish()
    {
        Time.Shift += TimeSpan.FromMinutes(10);
        Engine.Clock.Advance(TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// A product request made outside the engine (another tool, or the seller in Seller Center) for <paramref name="sellerSku"/>:
    /// while it is reviewed, findBy does not see it, and Tiki rejects any other request for the SKU (420, not unique).
    /// </summary>
    public async Task<string> RequestElsewhereAsync(string sellerSku, string name)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Simulator.IssueTokens().AccessToken);
        var body = new { name, category_id = 8303, variants = new[] { new { sku = sellerSku, price = 100_000 } } };
        using var response = await http.PostAsJsonAsync("integration/v2.1/requests", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        return answer.GetProperty("track_id").GetString()!;
    }

    public Task<PushSummary> PushAsync() => Engine.PushAsync(ChannelId);

    /// <summary>Pushes until settled, moving the engine's clock past every backoff in between (reviews are not waited for).</summary>
    public Task<int> PushUntilSettledAsync(int maxRounds = 40) => Engine.PushUntilSettledAsync(maxRounds, ChannelId);

    /// <summary>Push, let Tiki review, push again (tracks the tickets, turns approved products on), then settle.</summary>
    public async Task ConvergeAsync()
    {
        await PushUntilSettledAsync();
        LetReviewsFinish();
        await PushUntilSettledAsync();
    }

    public Task<List<Listing>> ListingsAsync() => Engine.ListingsAsync(ChannelId);

    /// <summary>Every call the simulator received, refused ones included.</summary>
    public int TotalCalls() => Routes.Sum(Simulator.Calls);

    public int Calls(string route) => Simulator.Calls(route);

    /// <summary>The one product of a registry id's SKU: none or two fail the test.</summary>
    public TikiSimulatorProduct Item(string registryId) => Assert.Single(Simulator.Products, p => p.OriginalSku == "OCOP-" + registryId);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>Real time plus a shift: timers and delays stay real, only "now" jumps.</summary>
    internal sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
