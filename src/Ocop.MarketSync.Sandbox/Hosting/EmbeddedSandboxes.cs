using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sandbox.Sendo;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sandbox.Tiki;
using Ocop.MarketSync.Sandbox.TikTokShop;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// The embedded default's stand-ins, each in process on its own Kestrel at 127.0.0.1 and each switched on in
/// configuration: the registry (<c>Sandbox:Registry</c>), sandbox marketplaces (<c>Sandbox:Marketplaces</c>) and the
/// marketplace simulators (<c>Sandbox:Marketplaces:Simulators</c>). Every one points the service's configuration at
/// itself, so the rest of the service cannot tell it from the real system. For development, demonstrations and
/// tests, never for a deployment: nothing leaves the machine.
/// </summary>
public static class EmbeddedSandboxesExtensions
{
    /// <summary>The marketplaces with a simulator. A new marketplace adds its host here, next to its simulator.</summary>
    private static readonly IMarketplaceSimulatorHost[] SimulatorHosts =
    [
        new ShopeeSimulatorHost(),
        new LazadaSimulatorHost(),
        new TikTokShopSimulatorHost(),
        new TikiSimulatorHost(),
        new SendoSimulatorHost(),
    ];

    /// <summary>
    /// Starts the stand-ins configuration asks for, before the service's own modules read their configuration, and
    /// registers what was started (<see cref="EmbeddedSandboxes"/>, and its parts on their own) and a hosted service
    /// that stops them with the host.
    /// </summary>
    /// <remarks>
    /// What the service does with them at start (authorise the simulator channels, relist what an earlier run listed)
    /// is the caller's: that needs the engine, and the sandboxes do not know it.
    /// </remarks>
    public static async Task<EmbeddedSandboxes> AddEmbeddedSandboxesAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var servers = new List<SandboxServer>();
        var registry = await EmbeddedRegistry.StartIfEnabledAsync(builder, servers, cancellationToken);
        var marketplaces = await EmbeddedMarketplaces.StartIfEnabledAsync(builder, servers, cancellationToken);
        var simulators = await EmbeddedSimulators.StartIfEnabledAsync(builder, SimulatorHosts, servers, cancellationToken);
        var sandboxes = new EmbeddedSandboxes(registry, marketplaces, simulators);

        builder.Services.AddSingleton(sandboxes);
        builder.Services.AddSingleton(marketplaces);
        builder.Services.AddSingleton(simulators);
        if (registry is not null)
        {
            builder.Services.AddSingleton(registry);
            builder.Services.AddSingleton(registry.Sandbox);
        }

        // Registered before the service's own hosted services, so stopped after them: after the last push.
        builder.Services.AddHostedService(_ => new Lifetime(servers));
        return sandboxes;
    }

    /// <summary>Stops every stand-in with the host.</summary>
    private sealed class Lifetime(List<SandboxServer> servers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}

/// <summary>What <see cref="EmbeddedSandboxesExtensions.AddEmbeddedSandboxesAsync"/> started.</summary>
/// <param name="Registry">The registry sandbox, or null when it is off.</param>
public sealed record EmbeddedSandboxes(
    EmbeddedRegistry? Registry,
    IReadOnlyList<EmbeddedMarketplace> Marketplaces,
    IReadOnlyList<EmbeddedSimulator> Simulators);
