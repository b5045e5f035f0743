using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Registry;
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

    private IntakeHarness(ServiceProvider services, SandboxServer server, RegistrySandbox sandbox, FakeTimeProvider clock, string connectionString)
    {
        _services = services;
        _server = server;
        Registry = sandbox;
        Clock = clock;
        ConnectionString = connectionString;
    }

    public RegistrySandbox Registry { get; }
    public FakeTimeProvider Clock { get; }
    public string ConnectionString { get; }

    public static async Task<IntakeHarness> CreateAsync(
        PostgresServer postgres, int pageSize = 200, IDictionary<string, string?>? settings = null, bool sqlite = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), "ocop-test-" + Guid.NewGuid().ToString("N")[..8] + ".db")};Pooling=false"
            : await postgres.CreateDatabaseAsync(ct);
        var sandbox = RegistrySandbox.FromSampleData();
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
            .AddHangfire(c => c.UseInMemoryStorage(new InMemoryStorageOptions()));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().Database.MigrateAsync(ct);
        }

        return new IntakeHarness(provider, server, sandbox, clock, connectionString);
    }

    public Task<IntakeRun> PullAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<RegistryIntake>().PullIncrementalAsync(TestContext.Current.CancellationToken));

    public Task<IntakeRun> PullFullAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<RegistryIntake>().PullFullAsync(TestContext.Current.CancellationToken));

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
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
