using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>Lazada's limits (MARKETPLACES.md §3.5, §3.8), narrowed by the channel's options.</summary>
internal static class LazadaCapabilities
{
    public const string Marketplace = "lazada";

    /// <summary>Price, stock and removal calls take at most 50 SKUs (20 recommended).</summary>
    public const int MaxSkusPerCall = 50;

    /// <summary><c>/products/get</c> answers at most 50 products per page.</summary>
    public const int MaxPageSize = 50;

    /// <summary><c>/products/get</c> refuses offsets above 10,000: deeper walks go by update-time windows.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>Error 4160 counts the title in UTF-8 bytes.</summary>
    public const int TitleMaxBytes = 255;

    public static MarketplaceCapabilities For(LazadaChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            // One product per create and update call; the adapter loops.
            [MarketplaceOperation.Create] = 1,
            [MarketplaceOperation.UpdateContent] = 1,
            [MarketplaceOperation.UpdatePrice] = options.UpdateBatchSize,
            [MarketplaceOperation.UpdateStock] = options.UpdateBatchSize,
            [MarketplaceOperation.SetStatus] = 1,
            // The lookup accepts 100 SKUs but a page holds 50 products: 50 keeps one lookup one call.
            [MarketplaceOperation.FindBySellerSku] = options.PageSize,
            [MarketplaceOperation.PageItems] = options.PageSize,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        // Price cannot be 0 (MARKETPLACES.md §3.8); the 10,000 VND minimum quoted by third-party tooling is unverified,
        // so Lazada's own answer decides below it, and no maximum is documented: the channel's sanity ceiling
        // (Price:HoldAboveVnd) is the guard there.
        MinPriceVnd = 1,
        TitleMaxChars = TitleMaxBytes,
        TitleMaxBytes = TitleMaxBytes,
        // REVIEW: Lazada documents no description limit we could confirm; these are conservative.
        DescriptionMaxChars = 25_000,
        DescriptionMaxBytes = 60_000,
        AcceptsHtmlDescription = true,
        SellsServices = false,
    };
}
