namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>The channels AddTikTokShopMarketplace registered (an HTTP client and options each), in configuration order.</summary>
internal sealed class TikTokShopChannelRegistry
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    public bool Add(string channelId)
    {
        if (_ids.Contains(channelId, StringComparer.Ordinal))
        {
            return false;
        }

        _ids.Add(channelId);
        return true;
    }

    public bool Contains(string channelId) => _ids.Contains(channelId, StringComparer.Ordinal);

    public static string HttpClientName(string channelId) => "marketplace:" + channelId;

    /// <summary>Token host calls and the shop lookup after them: never retried (an auth code works once).</summary>
    public const string AuthHttpClientName = "tiktokshop:auth";

    /// <summary>Fetching our own images before uploading them to TikTok.</summary>
    public const string ImagesHttpClientName = "tiktokshop:images";
}
