using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>Shopee v2's real limits (MARKETPLACES.md §2.5): one item per create/edit/price/stock call, 50 per unlist.</summary>
internal static class ShopeeCapabilities
{
    public const string Marketplace = "shopee";

    /// <summary>unlist_item takes 1–50 items.</summary>
    public const int UnlistBatch = 50;

    public static MarketplaceCapabilities For(ShopeeChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            [MarketplaceOperation.Create] = 1,
            [MarketplaceOperation.UpdateContent] = 1,
            [MarketplaceOperation.UpdatePrice] = 1,
            [MarketplaceOperation.UpdateStock] = 1,
            [MarketplaceOperation.SetStatus] = UnlistBatch,
            // One search_item per SKU, then get_item_base_info for up to 50 ids.
            [MarketplaceOperation.FindBySellerSku] = ShopeeMarketplaceClient.BaseInfoBatch,
            // get_item_list pages of 50 so that each page's details are one get_item_base_info call.
            [MarketplaceOperation.PageItems] = ShopeeMarketplaceClient.BaseInfoBatch,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        // Vietnam's usual bounds (MARKETPLACES.md §2.8, quoted by third-party tooling, unverified): the real ones are
        // per category (get_item_limit), which this adapter does not read yet. Beyond them Shopee answers
        // error_price_exceed_max_limitt / _min_limitt per call.
        MinPriceVnd = 1_000,
        MaxPriceVnd = 120_000_000,
        MaxStock = 999_999,
        // Shopee counts characters, not bytes: the byte limit is what the character limit can reach (4 bytes each).
        TitleMaxChars = options.TitleMaxChars,
        TitleMaxBytes = options.TitleMaxChars * 4,
        DescriptionMaxChars = options.DescriptionMaxChars,
        DescriptionMaxBytes = options.DescriptionMaxChars * 4,
        AcceptsHtmlDescription = false,
        SellsServices = false,
    };
}
