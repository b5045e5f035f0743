using Ocop.MarketSync.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>The engine composed from the service's own modules, on PostgreSQL, with in-process sandboxes over HTTP.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly List<SandboxServer> _servers;

    private BenchmarkHost(ServiceProvider services, List<SandboxServer> servers, Dictionary<string, MarketplaceSandbox> marketplaces)
    {
        Services = services;
        _servers = servers;
        Marketplaces = marketplaces;
    }

    public ServiceProvider Services { get; }
    public Dictionary<string, MarketplaceSandbox> Marketplaces { get; }

    /// <summary>Marketplace rate limits far above what one machine can send: the engine is what is measured.</summary>
    public static MarketplaceSandboxOptions UnthrottledMarketplace() => new() { RequestsPerSecond = 1_000_000, Burst = 1_000_000 };

    public static async Task<BenchmarkHost> StartAsync(string connectionString, RegistrySandbox registry, int channels)
    {
        var servers = new List<SandboxServer> { await SandboxServer.StartAsync(0, app => app.MapRegistrySandbox(registry), default) };
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Registry:BaseUrl"] = servers[0].BaseUrl.ToString(),
            ["Registry:PageSize"] = "1000",
        };
        var marketplaces = new Dictionary<string, MarketplaceSandbox>(StringComparer.Ordinal);
        for (var i = 0; i < channels; i++)
        {
            var id = $"bench-{i}";
            var sandbox = new MarketplaceSandbox(UnthrottledMarketplace());
            var server = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), default);
            servers.Add(server);
            marketplaces[id] = sandbox;
            values[$"Channels:{id}:Marketplace"] = "sandbox";
            values[$"Channels:{id}:BaseUrl"] = server.BaseUrl.ToString();
            for (var set = 1; set <= 25; set++)
            {
                values[$"Channels:{id}:Categories:{set}"] = $"cat-{set:00}";
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSyncOperations(configuration)
            .AddSandboxMarketplace(configuration)
            .AddIsolatedHangfire();
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().Database.MigrateAsync();
        }

        return new BenchmarkHost(provider, servers, marketplaces);
    }

    public int TotalCalls() =>
        Marketplaces.Values.Sum(m => Enum.GetValues<MarketplaceSandboxEndpoint>().Sum(m.Calls));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
