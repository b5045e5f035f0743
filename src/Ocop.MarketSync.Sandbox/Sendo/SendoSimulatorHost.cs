using Microsoft.Extensions.Configuration;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>
/// The Sendo simulator for one channel: the channel's BaseUrl points at it, and the shop's keys under the channel's
/// <c>CredentialsRef</c> are the simulator's (or, when already configured there, the simulator takes them). Sendo has
/// no consent step, so there is no code to issue: the channel is authorised by logging in (<c>channel authorize</c>
/// ignores its code for Sendo).
/// </summary>
public sealed class SendoSimulatorHost : IMarketplaceSimulatorHost
{
    public string Marketplace => "sendo";

    public async Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(channel);
        var secrets = SimulatorChannel.Required(channel, "CredentialsRef");
        var options = new SendoSimulatorOptions();
        options.ShopKey = SimulatorChannel.Configured(configuration, secrets, "ShopKey") ?? options.ShopKey;
        options.SecretKey = SimulatorChannel.Configured(configuration, secrets, "SecretKey") ?? options.SecretKey;
        var simulator = new SendoSimulator(options);
        var server = await SandboxServer.StartAsync(port, app => app.MapSendoSimulator(simulator), cancellationToken);

        configuration[$"{channel.Path}:BaseUrl"] = server.BaseUrl.ToString();
        // New products wait ReviewDelay (30 s) in review: a change parked for the production default of an hour
        // would stall the demo, so the channel looks again after a minute unless configured otherwise.
        configuration[$"{channel.Path}:Sendo:PendingReviewRetryAfter"] ??= "00:01:00";
        configuration[$"{secrets}:ShopKey"] = options.ShopKey;
        configuration[$"{secrets}:SecretKey"] = options.SecretKey;
        return new EmbeddedSimulator(channel.Key, Marketplace, server, IssueCode: null);
    }
}
