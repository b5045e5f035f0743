using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Channels;

/// <summary>The configured channels and, per channel, its marketplace client (built once, by the marketplace's factory).</summary>
public sealed class ChannelCatalog(IOptions<ChannelsOptions> options, IEnumerable<IMarketplaceClientFactory> factories)
{
    private readonly ConcurrentDictionary<string, IMarketplaceClient> _clients = new(StringComparer.Ordinal);

    public IReadOnlyList<ChannelOptions> All => [.. options.Value.Items.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public IReadOnlyList<ChannelOptions> Enabled => [.. All.Where(c => c.Enabled)];

    public ChannelOptions? Find(string channelId) => options.Value.Items.GetValueOrDefault(channelId);

    public ChannelOptions Get(string channelId) =>
        Find(channelId) ?? throw new KeyNotFoundException($"No channel '{channelId}' is configured under {ChannelsOptions.SectionName}.");

    public IMarketplaceClient Client(string channelId) => _clients.GetOrAdd(channelId, id =>
    {
        var channel = Get(id);
        var factory = factories.FirstOrDefault(f => string.Equals(f.Marketplace, channel.Marketplace, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No adapter for marketplace '{channel.Marketplace}' of channel '{id}'.");
        // Every caller (pusher, reconciler, webhooks) gets the measured client: one place for call metrics and spans.
        return new InstrumentedMarketplaceClient(factory.Create(channel), channel);
    });
}
