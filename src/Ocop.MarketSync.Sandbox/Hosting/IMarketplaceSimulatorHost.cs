using Microsoft.Extensions.Configuration;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// Starts one marketplace's simulator for one channel of the embedded default and points the channel at it. One
/// implementation per simulated marketplace, next to its simulator; <c>AddEmbeddedSandboxes</c> finds it by
/// <see cref="Marketplace"/>.
/// </summary>
public interface IMarketplaceSimulatorHost
{
    /// <summary>The channel's <c>Marketplace</c> value this host serves, e.g. <c>shopee</c>.</summary>
    string Marketplace { get; }

    /// <summary>
    /// Starts the simulator on <paramref name="port"/> (0: any free port) for the shop <paramref name="channel"/>
    /// names, and writes into <paramref name="configuration"/> what the adapter reads: its base URLs and, under the
    /// channel's <c>CredentialsRef</c>, the simulator's app credentials (unless a secret is already configured there:
    /// then the simulator takes that one).
    /// </summary>
    /// <exception cref="InvalidOperationException">The channel lacks a key its simulator needs (the message names it).</exception>
    Task<EmbeddedSimulator> StartAsync(IConfiguration configuration, IConfigurationSection channel, int port, CancellationToken cancellationToken);
}

/// <summary>A marketplace simulator serving one channel in process.</summary>
/// <param name="IssueCode">
/// The seller consenting in the simulator's stand-in for seller centre: a one-time authorisation code, exchanged at
/// start as <c>channel authorize --code</c> would. Null where the marketplace has no consent step (keys configured
/// per shop): the channel is then authorised without a code, as <c>channel authorize --code -</c> does.
/// </param>
public sealed record EmbeddedSimulator(string ChannelId, string Marketplace, SandboxServer Server, Func<string>? IssueCode)
{
    /// <summary>The seller-centre stand-in: list items, change a price or stock (see the Sandbox's SellerCentreEndpoints).</summary>
    public Uri SellerCentre => new(Server.BaseUrl, $"sandbox/{Marketplace}/items");
}
