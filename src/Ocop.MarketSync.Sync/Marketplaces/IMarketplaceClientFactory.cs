using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Sync.Marketplaces;

/// <summary>
/// Builds the client of one marketplace kind for a channel. Each adapter project registers one factory for its
/// marketplace name (e.g. "sandbox", "shopee"); the engine picks the factory by <see cref="ChannelOptions.Marketplace"/>.
/// </summary>
public interface IMarketplaceClientFactory
{
    string Marketplace { get; }

    IMarketplaceClient Create(ChannelOptions channel);

    /// <summary>
    /// The channel's limits as a pure function of its options: no HTTP client, no credentials. Adapters override it;
    /// the default builds a client, for factories written before capabilities were published on their own.
    /// </summary>
    MarketplaceCapabilities Capabilities(ChannelOptions channel) => Create(channel).Capabilities;
}
