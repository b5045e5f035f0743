using Microsoft.AspNetCore.DataProtection;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Sendo;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Sendo;

/// <summary>
/// The engine (intake, planner, pusher, reconciler, token store) on PostgreSQL with one real Sendo channel, composed
/// through <c>AddSendoMarketplace</c> and pointed at the Sendo simulator over HTTP on 127.0.0.1.
/// </summary>
/// <remarks>
/// The simulator runs on its own fake clock (<see cref="SimulatorClock"/>), starting at the real now: the token store
/// judges token expiry on the real clock, so Sendo's 8-hour tokens must be issued against real time, and the tests
/// move Sendo's review and token expiry forward by that clock without touching the engine's. Its login window does
/// not slide unless a test advances it, so any burst of more than five logins is refused: stricter than Sendo.
/// </remarks>
internal sealed class SendoEngineHarness : IAsyncDisposable
{
    public const string ChannelId = "sendo-e2e";
    public const string ShopKey = "e2e-shop-key";
    private const string SecretKey = "e2e-secret-key";

    public const string Login = "POST /login";
    public const string Save = "POST /api/partner/product";
    public const string SaveMany = "POST /api/partner/product/list";
    public const string Get = "GET /api/partner/product";
    public const string Search = "POST /api/partner/product/search";

    /// <summary>The writes the adapter can make; a quiet push must reach none of them.</summary>
    public static readonly string[] WriteRoutes = [Save, SaveMany];

    private readonly SandboxServer _server;

    private SendoEngineHarness(IntakeHarness engine, SandboxServer server, SendoSimulator simulator, FakeTimeProvider simulatorClock)
    {
        Engine = engine;
        _server = server;
        Simulator = simulator;
        SimulatorClock = simulatorClock;
    }

    public IntakeHarness Engine { get; }

    public SendoSimulator Simulator { get; }

    /// <summary>Sendo's clock: review decisions (<see cref="SendoSimulatorOptions.ReviewDelay"/>) and token expiry.</summary>
    public FakeTimeProvider SimulatorClock { get; }

    public static async Task<SendoEngineHarness> CreateAsync(PostgresServer postgres)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var simulator = new SendoSimulator(new SendoSimulatorOptions { ShopKey = ShopKey, SecretKey = SecretKey }, clock);
        var server = await SandboxServer.StartAsync(0, app => app.MapSendoSimulator(simulator), TestContext.Current.CancellationToken);
        string Key(string relative) => $"Channels:{ChannelId}:{relative}";
        var settings = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "sendo",
            [Key("BaseUrl")] = server.BaseUrl.ToString(),
            [Key("CredentialsRef")] = "SENDO_E2E",
            // Sendo's most; the default of 2 per second would make the 60 samples a minute of real waiting.
            [Key("Sendo:RequestsPerSecond")] = "10",
            [Key("Sendo:ReadRetryDelay")] = "00:00:00.050",
            ["SENDO_E2E:ShopKey"] = ShopKey,
            ["SENDO_E2E:SecretKey"] = SecretKey,
        };
        for (var set = 1; set <= 26; set++)
        {
            settings[Key($"Categories:{set}")] = (2000 + (7 * set)).ToString(CultureInfo.InvariantCulture);
        }

        var engine = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0, configureWith: (services, configuration) =>
        {
            services.AddSendoMarketplace(configuration);
            services.AddDataProtection().SetApplicationName("sendo-e2e");
        });
        return new SendoEngineHarness(engine, server, simulator, clock);
    }

    /// <summary>What <c>channel authorize</c> does for Sendo: no consent step, the code is ignored ('-'), the adapter logs in.</summary>
    public Task<ShopTokens> AuthorizeAsync() => Engine.WithServicesAsync(async sp =>
    {
        var channel = sp.GetRequiredService<ChannelCatalog>().Get(ChannelId);
        var authorizer = sp.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == "sendo");
        var tokens = await authorizer.ExchangeCodeAsync(channel, "-", TestContext.Current.CancellationToken);
        await sp.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(ChannelId, tokens, TestContext.Current.CancellationToken);
        return tokens;
    });

    /// <summary>Authorise, pull the samples, push until settled, and let Sendo's review pass.</summary>
    public async Task ConvergeAsync()
    {
        await AuthorizeAsync();
        await Engine.PullAsync();
        await PushUntilSettledAsync();
        ApproveReviews();
    }

    /// <summary>Moves Sendo's clock past its review delay: every product pending review is decided (selling).</summary>
    public void ApproveReviews() => SimulatorClock.Advance(Simulator.Options.ReviewDelay + TimeSpan.FromSeconds(1));

    public Task<PushSummary> PushAsync() => Engine.PushAsync(ChannelId);

    /// <summary>Pushes this channel until settled, moving the engine's clock past every backoff in between.</summary>
    public Task<int> PushUntilSettledAsync(int maxRounds = 40) => Engine.PushUntilSettledAsync(maxRounds, ChannelId);

    public Task<List<Listing>> ListingsAsync() => Engine.ListingsAsync(ChannelId);

    public int Calls(string route) => Simulator.Calls.Count(c => c == route);

    public int WriteCalls() => WriteRoutes.Sum(Calls);

    /// <summary>The one live (not deleted) product of a registry id's SKU: none or two fail the test.</summary>
    public SendoSimulatorProduct Item(string registryId) => Assert.Single(Simulator.Products, p => p.Sku == "OCOP-" + registryId && !p.Deleted);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await _server.DisposeAsync();
    }
}
