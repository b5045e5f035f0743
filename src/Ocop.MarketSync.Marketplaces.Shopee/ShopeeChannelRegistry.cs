namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// The Shopee channels AddShopeeMarketplace configured: each has an HTTP client, and the push reader routes a
/// message to the channel whose shop_id it carries.
/// </summary>
internal sealed class ShopeeChannelRegistry
{
    private readonly Dictionary<string, ShopeeChannelEntry> _channels = new(StringComparer.Ordinal);

    public IEnumerable<ShopeeChannelEntry> Channels => _channels.Values;

    public bool Add(ShopeeChannelEntry entry) => _channels.TryAdd(entry.ChannelId, entry);

    public bool TryGet(string channelId, out ShopeeChannelEntry entry) => _channels.TryGetValue(channelId, out entry!);

    public static string HttpClientName(string channelId) => "marketplace:" + channelId;

    /// <summary>Image downloads (listing images are uploaded to Shopee, not linked): no signing, no Shopee pipeline.</summary>
    public const string ImageClientName = "shopee-images";
}

/// <param name="Enabled">A disabled channel calls nothing, so its secrets need not exist at start.</param>
internal sealed record ShopeeChannelEntry(string ChannelId, string? CredentialsRef, bool Enabled = true);
