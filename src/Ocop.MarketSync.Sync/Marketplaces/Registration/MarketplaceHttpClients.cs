namespace Ocop.MarketSync.Sync.Marketplaces.Registration;

/// <summary>Names of the HTTP clients AddMarketplace registers.</summary>
public static class MarketplaceHttpClients
{
    /// <summary>The channel's own client (<c>marketplace:{id}</c>): pipeline, pacing and the adapter's handler.</summary>
    public static string ChannelClientName(string channelId) => "marketplace:" + channelId;
}
