using Ocop.MarketSync.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Worker.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    /// <summary>Bytes of OTLP export received (telemetry on), to show the exporter really ran.</summary>
    public static long OtlpBytes => Interlocked.Read(ref _otlpBytes);

    private static long _otlpBytes;

    /// <param name="telemetry">
    /// The service's OpenTelemetry as <c>Telemetry:Enabled=true</c> composes it (traces of every source it listens to,
    /// all sampled; metrics with the Prometheus exporter's aggregation), exporting traces and metrics over OTLP/HTTP
    /// to a receiver in this process. Without it, nothing listens, as with <c>Telemetry:Enabled=false</c>.
    /// </param>
    /// <param name="external">
    /// Marketplaces served by another process (one per channel, in order): none is started here. Null starts
    /// <paramref name="channels"/> unthrottled sandboxes in this process.
    /// </param>
    /// <param name="channelSettings">Keys under each <c>Channels:{id}:</c> (e.g. <c>MaxInFlight</c>, <c>Sandbox:WriteBatchSize</c>).</param>
    public static async Task<BenchmarkHost> StartAsync(
        string connectionString, RegistrySandbox registry, int channels, bool telemetry = false,
        IReadOnlyList<Uri>? external = null, IReadOnlyDictionary<string, string>? channelSettings = null)
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
            Uri baseUrl;
            if (external is null)
            {
                var sandbox = new MarketplaceSandbox(UnthrottledMarketplace());
                var server = await SandboxServer.StartAsync(0, app => app.MapMarketplaceSandbox(sandbox), default);
                servers.Add(server);
                marketplaces[id] = sandbox;
                baseUrl = server.BaseUrl;
            }
            else
            {
                baseUrl = external[i];
            }

            values[$"Channels:{id}:Marketplace"] = "sandbox";
            values[$"Channels:{id}:BaseUrl"] = baseUrl.ToString();
            foreach (var (key, value) in channelSettings ?? new Dictionary<string, string>())
            {
                values[$"Channels:{id}:{key}"] = value;
            }

            for (var set = 1; set <= 25; set++)
            {
                values[$"Channels:{id}:Categories:{set}"] = $"cat-{set:00}";
            }
        }

        values["Telemetry:Enabled"] = telemetry ? "true" : "false";
        if (telemetry)
        {
            var receiver = await SandboxServer.StartAsync(0, app => app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer);
                Interlocked.Add(ref _otlpBytes, buffer.Length);
                http.Response.ContentType = "application/x-protobuf";
            }), default);
            servers.Add(receiver);
            values["Telemetry:Otlp:Endpoint"] = receiver.BaseUrl.ToString();
            values["Telemetry:Otlp:Protocol"] = "HttpProtobuf";
        }

        // Any key can be overridden for one run, e.g. OCOP_BENCH_Telemetry__TraceSampleRatio=0.1.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).AddEnvironmentVariables("OCOP_BENCH_").Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMarketSyncData(configuration)
            .AddOcopRegistry(configuration)
            .AddRegistryIntake(configuration)
            .AddListingSync(configuration)
            .AddSyncOperations(configuration)
            .AddSandboxMarketplace(configuration)
            .AddIsolatedHangfire()
            // The database gauges are left out: they cost nothing until a scrape, and nothing scrapes here.
            .AddMarketSyncTelemetry(configuration, databaseGauges: false);
        var provider = services.BuildServiceProvider();
        if (telemetry)
        {
            // No host starts them here: resolving the providers is what makes them listen.
            _ = provider.GetRequiredService<OpenTelemetry.Trace.TracerProvider>();
            _ = provider.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>();
        }

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
