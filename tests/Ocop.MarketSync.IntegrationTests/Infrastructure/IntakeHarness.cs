using Ocop.MarketSync.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// Registry intake composed from the same Add* modules the service uses, on a fresh PostgreSQL database, reading
/// the registry sandbox over real HTTP on 127.0.0.1. Tests talk to it in intents (pull, full pull, products).
/// </summary>
public sealed class IntakeHarness : IAsyncDisposable
{
    /// <summary>10:00 in Vietnam on the sample data's reference day.</summary>
    public static readonly DateTimeOffset ReferenceNow = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly SandboxServer _server;
    private readonly Dictionary<string, (MarketplaceSandbox Sandbox, SandboxServer Server)> _marketplaces;

    private IntakeHarness(
        ServiceProvider services, SandboxServer server, RegistrySandbox sandbox, FakeTimeProvider clock, string connectionString,
        Dictionary<string, (MarketplaceSandbox Sandbox, SandboxServer Server)> marketplaces)
    {
        _services = services;
        _server = server;
        Registry = sandbox;
        Clock = clock;
        ConnectionString = connectionString;
        _marketplaces = marketplaces;
    }

    /// <summary>Channel ids of the sandbox marketplaces, "ch-0", "ch-1", …</summary>
    public IReadOnlyList<string> Channels => [.. _marketplaces.Keys.Order(StringComparer.Ordinal)];

    public MarketplaceSandbox Marketplace(string channelId) => _marketplaces[channelId].Sandbox;

    public RegistrySandbox Registry { get; }
    public FakeTimeProvider Clock { get; }
    public string ConnectionString { get; }

    public static async Task<IntakeHarness> CreateAsync(
        PostgresServer postgres, int pageSize = 200, IDictionary<string, string?>? settings = null, bool sqlite = false,
        int channels = 0, MarketplaceSandboxOptions? marketplace = null, Action<IServiceCollection>? configure = null,
        Action<IServiceCollection, IConfiguration>? configureWith = null, RegistrySandbox? registry = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), "ocop-test-" + Guid.NewGuid().ToString("N")[..8] + ".db")};Pooling=false"
            : await postgres.CreateDatabaseAsync(ct);
        var sandbox = registry ?? RegistrySandbox.FromSampleData();
        var server = await SandboxServer.StartAsync(0, app => app.MapRegistrySandbox(sandbox), ct);

        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = sqlite ? "Sqlite" : "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Registry:BaseUrl"] = server.BaseUrl.ToString(),
            ["Registry:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Short HTTP-level retries so fault tests are quick; the policy itself is the production one.
            ["Registry:Resilience:Retry:MaxRetryAttempts"] = "1",
            ["Registry:Resilience:Retry:Delay"] = "00:00:00.050",
            ["Registry:Resilience:AttemptTimeout:Timeout"] = "00:00:02",
            ["Registry:Resilience:TotalRequestTimeout:Timeout"] = "00:00:10",
        };
        var marketplaces = new Dictionary<string, (MarketplaceSandbox, SandboxServer)>(StringComparer.Ordinal);
        for (var i = 0; i < channels; i++)
        {
            var id = $"ch-{i}";
            var market = new MarketplaceSandbox(marketplace);
            var marketServer = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(market), ct);
            marketplaces[id] = (market, marketServer);
            values[$"Channels:{id}:Marketplace"] = "sandbox";
            values[$"Channels:{id}:BaseUrl"] = marketServer.BaseUrl.ToString();
            for (var set = 1; set <= 25; set++)
            {
                values[$"Channels:{id}:Categories:{set}"] = $"cat-{set:00}";
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(ReferenceNow);
        var services = new ServiceCollection();
        // Only intake's calendar is fake: the HTTP pipeline's timeouts and retry delays must run on real time.
        services.AddSingleton(sp => new IntakeClock(clock, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>()));
        services.AddLogging();
        services.AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSyncOperations(configuration)
            .AddSandboxMarketplace(configuration)
            .AddIsolatedHangfire();
        configure?.Invoke(services);
        // Marketplace adapters register one HTTP client per channel found in the configuration built here.
        configureWith?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().Database.MigrateAsync(ct);
        }

        return new IntakeHarness(provider, server, sandbox, clock, connectionString, marketplaces);
    }

    public Task<IntakeRun> PullAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<RegistryIntake>().PullIncrementalAsync(TestContext.Current.CancellationToken));

    public Task<IntakeRun> PullFullAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<RegistryIntake>().PullFullAsync(TestContext.Current.CancellationToken));

    /// <summary>What the push job does: plan what changed, then push the dirty listings.</summary>
    public Task<PushSummary> PushAsync(string channelId) => WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<ListingPlanner>().PlanChangedAsync(channelId, TestContext.Current.CancellationToken);
        return await sp.GetRequiredService<ListingPusher>().PushAsync(channelId, TestContext.Current.CancellationToken);
    });

    /// <summary>
    /// Pushes channels (by default the harness's sandbox channels; a real adapter's channel by id) until nothing is
    /// left to claim, moving the clock past every backoff in between.
    /// </summary>
    public async Task<int> PushUntilSettledAsync(int maxRounds = 40, params string[] channelIds)
    {
        IReadOnlyList<string> channels = channelIds.Length > 0 ? channelIds : Channels;
        for (var round = 1; round <= maxRounds; round++)
        {
            var claimed = 0;
            foreach (var channel in channels)
            {
                claimed += (await PushAsync(channel)).Claimed;
            }

            var dirty = await QueryAsync(db => db.Listings.CountAsync(
                l => channels.Contains(l.ChannelId) && l.Dirty && l.NextAttemptAt != RetryPolicy.Parked, TestContext.Current.CancellationToken));
            if (claimed == 0 && dirty == 0)
            {
                return round;
            }

            Clock.Advance(RetryPolicy.Cap + TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException($"Listings of {string.Join(", ", channels)} did not settle within {maxRounds} push rounds.");
    }

    public Task<List<Listing>> ListingsAsync(string channelId) =>
        QueryAsync(db => db.Listings.AsNoTracking().Where(l => l.ChannelId == channelId).OrderBy(l => l.RegistryId).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Runs a use case of the engine in its own scope (what an API call or a job does).</summary>
    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work) => WithScopeAsync(work);

    public Task<T> QueryAsync<T>(Func<MarketSyncDbContext, Task<T>> query) =>
        WithScopeAsync(sp => query(sp.GetRequiredService<MarketSyncDbContext>()));

    public Task<List<Product>> ProductsAsync() =>
        QueryAsync(db => db.Products.AsNoTracking().OrderBy(p => p.RegistryId).ToListAsync(TestContext.Current.CancellationToken));

    public Task<Product> ProductAsync(string registryId) =>
        QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.RegistryId == registryId, TestContext.Current.CancellationToken));

    public Task<string?> CursorAsync() =>
        QueryAsync(db => db.IntakeCursors.AsNoTracking().Select(c => c.Cursor).SingleOrDefaultAsync(TestContext.Current.CancellationToken));

    /// <summary>
    /// PostgreSQL's row version (xmin) of every product: any UPDATE, even one that writes the same values,
    /// gives a row a new xmin, so equal maps prove that nothing was written.
    /// </summary>
    public async Task<Dictionary<string, string>> RowVersionsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select registry_id, xmin::text from marketsync.products", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetString(1);
        }

        return versions;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        foreach (var (_, server) in _marketplaces.Values)
        {
            await server.DisposeAsync();
        }
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
