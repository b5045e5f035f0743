using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Channels;

/// <summary>The configured channels, their limits, and a marketplace client per use (built by the marketplace's factory).</summary>
public sealed class ChannelCatalog(IOptions<ChannelsOptions> options, IEnumerable<IMarketplaceClientFactory> factories)
{
    public IReadOnlyList<ChannelOptions> All => [.. options.Value.Items.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public IReadOnlyList<ChannelOptions> Enabled => [.. All.Where(c => c.Enabled)];

    public ChannelOptions? Find(string channelId) => options.Value.Items.GetValueOrDefault(channelId);

    public ChannelOptions Get(string channelId) =>
        Find(channelId) ?? throw new KeyNotFoundException($"No channel '{channelId}' is configured under {ChannelsOptions.SectionName}.");

    /// <summary>The channel's limits, from its options alone: reading them builds no HTTP client.</summary>
    public MarketplaceCapabilities Capabilities(string channelId)
    {
        var channel = Get(channelId);
        return FactoryOf(channel).Capabilities(channel);
    }

    /// <summary>
    /// A new client of the channel, for one job or request: take it once per run and let it go with the run. Its
    /// <see cref="HttpClient"/> comes from <see cref="IHttpClientFactory"/>, whose pooled handlers rotate (DNS changes
    /// are seen); what must outlive a run — the channel's pace, its circuit — lives in the handlers' singletons.
    /// </summary>
    public IMarketplaceClient Client(string channelId)
    {
        var channel = Get(channelId);
        // Every caller (pusher, reconciler, webhooks) gets the measured client: one place for call metrics and spans.
        return InstrumentedMarketplaceClient.Wrap(FactoryOf(channel).Create(channel), channel);
    }

    private IMarketplaceClientFactory FactoryOf(ChannelOptions channel) =>
        factories.FirstOrDefault(f => string.Equals(f.Marketplace, channel.Marketplace, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No adapter for marketplace '{channel.Marketplace}' of channel '{channel.Id}'.");
}
