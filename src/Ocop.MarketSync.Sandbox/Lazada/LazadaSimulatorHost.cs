using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>The Lazada simulator for one channel: its seller and country from the channel, the app key and secret its own.</summary>
public sealed class LazadaSimulatorHost : IMarketplaceSimulatorHost
{
    public string Marketplace => "lazada";

    public async Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        var secrets = SimulatorChannel.Required(channel, "CredentialsRef");
        var options = new LazadaSimulatorOptions { SellerId = SimulatorChannel.Required(channel, "Lazada:SellerId") };
        options.AppSecret = SimulatorChannel.Configured(configuration, secrets, "AppSecret") ?? options.AppSecret;
        if (channel["Lazada:Country"] is { Length: > 0 } country)
        {
            options.Country = country;
        }

        var simulator = new LazadaSimulator(options, TimeProvider.System);
        var server = await SandboxServer.StartAsync(port, app => app.MapLazadaSimulator(simulator), cancellationToken);

        // The gateway and the token endpoints are one host in the simulator, both under /rest.
        var gateway = new Uri(server.BaseUrl, "rest").ToString();
        configuration[$"{channel.Path}:BaseUrl"] = gateway;
        configuration[$"{channel.Path}:Lazada:AuthBaseUrl"] = gateway;
        configuration[$"{secrets}:AppKey"] = simulator.Options.AppKey;
        configuration[$"{secrets}:AppSecret"] = simulator.Options.AppSecret;
        return new EmbeddedSimulator(channel.Key, Marketplace, server, simulator.IssueCode);
    }
}
