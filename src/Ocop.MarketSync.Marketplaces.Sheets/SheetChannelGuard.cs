using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.Marketplaces.Sheets;

/// <summary>Refuses channel ids that are not sheet channels, so staff operations never run on defaults of an unknown channel.</summary>
public sealed class SheetChannelGuard(MarketplaceChannelRegistry<SheetChannelOptions> registry)
{
    /// <exception cref="KeyNotFoundException">No sheet channel has the id.</exception>
    public void EnsureKnown(string channelId)
    {
        if (!registry.Contains(channelId))
        {
            throw new KeyNotFoundException($"'{channelId}' is not a sheet channel (Channels:{channelId}:Marketplace=sheet).");
        }
    }
}
