using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.IntegrationTests.Marketplaces.Shopee;

/// <summary>
/// The engine as the service composes it (IntakeHarness + AddShopeeMarketplace + the token store with Data Protection
/// keys in the database) with one channel <c>shopee-hcm</c> pointed at the Shopee simulator over HTTP on 127.0.0.1.
/// </summary>
internal sealed class ShopeeEngineHarness : IAsyncDisposable
{
    public const string ChannelId = "shopee-hcm";
    public const long ShopId = 322300222;

    private ShopeeEngineHarness(IntakeHarness engine, ShopeeSimulator simulator, SandboxServer server, ShiftedClock clock, CallLog calls)
    {
        Engine = engine;
        Simulator = simulator;
        Server = server;
        Clock = clock;
        Calls = calls;
    }

    public IntakeHarness Engine { get; }

    public ShopeeSimulator Simulator { get; }

    public SandboxServer Server { get; }

    /// <summary>The wall clock shared by the adapter, the token store and the simulator (moved to expire tokens).</summary>
    public ShiftedClock Clock { get; }

    /// <summary>Every request the simulator answered: it has no call counters of its own.</summary>
    public CallLog Calls { get; }

    public static async Task<ShopeeEngineHarness> StartAsync(PostgresServer postgres)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ShiftedClock();
        var calls = new CallLog();
        var simulator = new ShopeeSimulator(new ShopeeSimulatorOptions { ShopIds = [ShopId] }, clock);
        var server = await SandboxServer.StartAsync(0, app =>
        {
            ((IApplicationBuilder)app).Use(async (http, next) =>
            {
                await next(http);
                calls.Add(http.Request.Method, http.Request.Path.Value ?? string.Empty, http.Response.StatusCode);
            });
            app.MapShopeeSimulator(simulator);
            // Stand-in for the image CDN of the sample data (cdn.example.com): the adapter fetches and uploads images.
            app.MapGet("/cdn/{**path}", (string path) => Results.Bytes([0xFF, 0xD8, 0xFF, 0xE0, (byte)path.Length], "image/jpeg"));
        }, ct);

        var settings = ChannelSettings(server.BaseUrl);
        var engine = await IntakeHarness.CreateAsync(postgres, settings: settings, channels: 0,
            configure: services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddDataProtection().PersistKeysToDbContext<MarketSyncDbContext>().SetApplicationName("shopee-e2e");
                // Nothing may leave the machine: any request to a host that is not loopback (the sample images) is
                // answered by the local CDN stand-in, whatever the adapter names its image client.
                services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new LocalCdnHandler(server.BaseUrl)));
            },
            configureWith: (services, configuration) => services.AddShopeeMarketplace(configuration));
        return new ShopeeEngineHarness(engine, simulator, server, clock, calls);
    }

    /// <summary>Channel, secrets and adapter options as an operator would write them (docs/marketplaces/shopee.md).</summary>
    private static Dictionary<string, string?> ChannelSettings(Uri baseUrl)
    {
        static string Key(string relative) => $"Channels:{ChannelId}:{relative}";
        var values = new Dictionary<string, string?>
        {
            [Key("Marketplace")] = "shopee",
            [Key("BaseUrl")] = baseUrl.ToString(),
            [Key("CredentialsRef")] = "SHOPEE_HCM",
            ["SHOPEE_HCM:PartnerId"] = new ShopeeSimulatorOptions().PartnerId.ToString(CultureInfo.InvariantCulture),
            ["SHOPEE_HCM:PartnerKey"] = new ShopeeSimulatorOptions().PartnerKey,
            [Key("Shopee:ShopId")] = ShopId.ToString(CultureInfo.InvariantCulture),
            [Key("Shopee:LogisticIds:0")] = "50018",
            [Key("Shopee:AttributeIds:origin.province")] = "100037",
            [Key("Shopee:AttributeIds:shelfLifeDays")] = "100095",
            // Shopee publishes no rate; 5/s would make 60 items with images take a minute here.
            [Key("Shopee:RequestsPerSecond")] = "500",
            [Key("Shopee:ReadRetryDelay")] = "00:00:00.050",
            // A short walk: the simulator's items are all from today.
            [Key("Shopee:ReconcileSince")] = DateTimeOffset.UtcNow.AddDays(-20).ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (set, category) in Categories)
        {
            values[Key($"Categories:{set}")] = category.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The 26 OCOP sets → the example leaf ids of docs/marketplaces/shopee.md (26, tourism, is a service).</summary>
    public static readonly IReadOnlyDictionary<int, long> Categories = new Dictionary<int, long>
    {
        [1] = 100631, [2] = 100633, [3] = 100640, [4] = 100629, [5] = 100644, [6] = 100641, [7] = 100645,
        [8] = 100646, [9] = 100650, [10] = 100651, [11] = 100655, [12] = 100656, [13] = 100657, [14] = 100660,
        [15] = 100661, [16] = 100662, [17] = 100663, [18] = 100667, [19] = 100670, [20] = 100672, [21] = 100712,
        [22] = 100017, [23] = 100719, [24] = 100720, [25] = 100726, [26] = 100729,
    };

    /// <summary>What <c>channel authorize</c> does: the seller's code → the adapter's exchange → the token store.</summary>
    public Task<ShopTokens> AuthorizeAsync() => Engine.WithServicesAsync(async sp =>
    {
        var ct = TestContext.Current.CancellationToken;
        var channel = sp.GetRequiredService<ChannelCatalog>().Get(ChannelId);
        var authorizer = sp.GetServices<IMarketplaceAuthorizer>().Single(a => a.Marketplace == channel.Marketplace);
        var tokens = await authorizer.ExchangeCodeAsync(channel, Simulator.IssueCode(ShopId), ct);
        await sp.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(ChannelId, tokens, ct);
        return tokens;
    });

    /// <summary>The tokens the engine holds now, read back from the database (decrypted by a fresh store).</summary>
    public Task<ShopTokens> StoredTokensAsync() => Engine.WithServicesAsync(sp =>
        ActivatorUtilities.CreateInstance<ShopTokenStore>(sp).GetAsync(ChannelId, TestContext.Current.CancellationToken).AsTask());

    public Task<ChannelAuthorization> AuthorizationAsync() => Engine.QueryAsync(db =>
        db.ChannelAuthorizations.AsNoTracking().SingleAsync(a => a.ChannelId == ChannelId, TestContext.Current.CancellationToken));

    /// <summary>Pushes this channel until settled, moving the engine's clock past every backoff in between.</summary>
    public Task<int> PushUntilSettledAsync(int maxRounds = 20) => Engine.PushUntilSettledAsync(maxRounds, ChannelId);

    public async Task<Dictionary<string, Listing>> ListingsAsync() =>
        (await Engine.ListingsAsync(ChannelId)).ToDictionary(l => l.RegistryId, StringComparer.Ordinal);

    /// <summary>The shop's items that still exist (Shopee keeps deleted ones, but no call finds them).</summary>
    public IReadOnlyList<ShopeeSimulatorItem> LiveItems(string sellerSku) =>
        [.. Simulator.Items.Where(i => i.ItemSku == sellerSku && i.ItemStatus is not ("SELLER_DELETE" or "SHOPEE_DELETE"))];

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Real time plus an offset: timers and delays stay real (the HTTP pipeline needs them), "now" moves.</summary>
    internal sealed class ShiftedClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }

    internal sealed class CallLog
    {
        private readonly ConcurrentQueue<(string Method, string Path, int Status)> _calls = new();

        public int Count => _calls.Count;

        /// <summary>Calls that change the shop: every POST except the token endpoints.</summary>
        public int Writes => _calls.Count(c => c.Method == "POST" && !c.Path.StartsWith("/api/v2/auth/", StringComparison.Ordinal));

        public int To(string path) => _calls.Count(c => c.Path == path);

        /// <summary>Shop calls the simulator refused for the access token (403 invalid_acceess_token).</summary>
        public int RefusedShopCalls => _calls.Count(c => c.Status == 403 && c.Path.StartsWith("/api/v2/product/", StringComparison.Ordinal));

        public void Add(string method, string path, int status) => _calls.Enqueue((method, path, status));
    }

    /// <summary>Sends requests for other hosts to the local CDN stand-in instead of the network.</summary>
    private sealed class LocalCdnHandler(Uri local) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { IsLoopback: false } uri)
            {
                request.RequestUri = new Uri(local, "cdn/" + uri.Host + uri.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
