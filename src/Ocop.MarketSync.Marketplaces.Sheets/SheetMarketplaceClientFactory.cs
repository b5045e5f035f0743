using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>
/// Builds a <see cref="SheetMarketplaceClient"/> for a channel with <c>Marketplace=sheet</c>: no HTTP client, only the
/// channel's template and the sheet store. Does not use the shared <c>MarketplaceClientFactory</c> base, whose
/// one service is handing out the channel's HTTP client.
/// </summary>
internal sealed class SheetMarketplaceClientFactory(
    IOptionsMonitor<SheetChannelOptions> channelOptions,
    MarketplaceChannelRegistry<SheetChannelOptions> registry,
    ISheetStore store,
    TimeProvider time) : IMarketplaceClientFactory
{
    public string Marketplace => SheetCapabilities.Marketplace;

    public MarketplaceCapabilities Capabilities(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return SheetCapabilities.For(channelOptions.Get(channel.Id));
    }

    /// <exception cref="ArgumentException">The channel is of another marketplace.</exception>
    /// <exception cref="InvalidOperationException">The channel was not configured when the service started.</exception>
    public IMarketplaceClient Create(ChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!string.Equals(channel.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Channel '{channel.Id}' is of marketplace '{channel.Marketplace}', not '{Marketplace}'.", nameof(channel));
        }

        if (!registry.Contains(channel.Id))
        {
            // Its template was never bound or validated: rows would be written with defaults no floor expects.
            throw new InvalidOperationException(
                $"Channel '{channel.Id}' was not under Channels with Marketplace={Marketplace} when AddSheetChannels ran, so it has no template.");
        }

        return new SheetMarketplaceClient(channel.Id, store, channelOptions.Get(channel.Id), time);
    }
}
