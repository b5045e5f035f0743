using System.Globalization;
using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// The Tiki simulator for one channel: its warehouse and client authentication from the channel, the OAuth2 client id
/// and secret its own unless a secret is configured under the channel's CredentialsRef (then the simulator takes it).
/// </summary>
public sealed class TikiSimulatorHost : IMarketplaceSimulatorHost
{
    public string Marketplace => "tiki";

    public async Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(channel);
        var secrets = SimulatorChannel.Required(channel, "CredentialsRef");
        var warehouse = SimulatorChannel.Required(channel, "Tiki:WarehouseId");
        var options = new TikiSimulatorOptions
        {
            WarehouseId = long.TryParse(warehouse, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                : throw new InvalidOperationException($"{channel.Path}:Tiki:WarehouseId must be a number for the channel's simulator."),
            ClientAuth = string.Equals(channel["Tiki:ClientAuth"], "Form", StringComparison.OrdinalIgnoreCase)
                ? TikiSimulatorClientAuth.Form : TikiSimulatorClientAuth.Basic,
        };
        options.ClientId = SimulatorChannel.Configured(configuration, secrets, "ClientId") ?? options.ClientId;
        options.ClientSecret = SimulatorChannel.Configured(configuration, secrets, "ClientSecret") ?? options.ClientSecret;
        var simulator = new TikiSimulator(options);
        var server = await SandboxServer.StartAsync(port, app => app.MapTikiSimulator(simulator), cancellationToken);

        // The OAuth2 server is the same simulator (in production both are api.tiki.vn).
        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{channel.Path}:Tiki:AuthBaseUrl"] = server.BaseUrl.ToString();
        configuration[$"{secrets}:ClientId"] = simulator.Options.ClientId;
        configuration[$"{secrets}:ClientSecret"] = simulator.Options.ClientSecret;
        // An in-house app has no consent step, but the adapter ignores the code then, so a code serves both kinds.
        return new EmbeddedSimulator(channel.Key, Marketplace, server, simulator.IssueCode);
    }
}
