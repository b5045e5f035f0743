using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>TikTok Shop's limits for one channel (MARKETPLACES.md §4.5, §4.8; Partner API 202309 field docs).</summary>
internal static class TikTokShopCapabilities
{
    public const string Marketplace = "tiktokshop";

    /// <summary>activate / deactivate / delete take at most 20 product ids (12019120 beyond).</summary>
    public const int StatusBatch = 20;

    /// <summary>products/search pages hold at most 100 products.</summary>
    public const int SearchPageSize = 100;

    /// <summary>Seller SKUs per search filter: no documented maximum, so a page's worth at most [unverified].</summary>
    public const int SkusPerSearch = 20;

    /// <summary>Main images per product: 1–9.</summary>
    public const int MaxImages = 9;

    /// <summary>Inventory set in one call: 0–99,999.</summary>
    public const int MaxQuantity = 99_999;

    /// <summary>TikTok's default limit of each API, counted per app and shop.</summary>
    public const double PerApiRequestsPerSecond = 50;

    public static MarketplaceCapabilities For(TikTokShopChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            // Create, edit, price and stock are one product per call (its SKUs inside).
            [MarketplaceOperation.Create] = 1,
            [MarketplaceOperation.UpdateContent] = 1,
            [MarketplaceOperation.UpdatePrice] = 1,
            [MarketplaceOperation.UpdateStock] = 1,
            [MarketplaceOperation.SetStatus] = StatusBatch,
            [MarketplaceOperation.FindBySellerSku] = SkusPerSearch,
            [MarketplaceOperation.PageItems] = SearchPageSize,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        // 50 QPS per API per app + shop (§4.6): binds only if the shop-wide rate is configured above it.
        OperationRequestsPerSecond = Enum.GetValues<MarketplaceOperation>().ToDictionary(op => op, _ => PerApiRequestsPerSecond),
        DailyCreateQuota = options.DailyCreateQuota,
        // Inventory 0–99,999 per call is documented; no price bounds for Vietnam are, so the channel's sanity
        // ceiling (Price:HoldAboveVnd) is the guard there.
        MinPriceVnd = 1,
        MaxStock = MaxQuantity,
        // Non-US/UK shops: 25–255 characters. TikTok counts characters, not bytes, so the byte limit is only the
        // worst case of 255 characters in UTF-8 (4 bytes each) and never binds.
        TitleMaxChars = 255,
        TitleMaxBytes = 255 * 4,
        // HTML of at most 10,000 characters.
        DescriptionMaxChars = 10_000,
        DescriptionMaxBytes = 10_000 * 4,
        AcceptsHtmlDescription = true,
        SellsServices = false,
    };
}
