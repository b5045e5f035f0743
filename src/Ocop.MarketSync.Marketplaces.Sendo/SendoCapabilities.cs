using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Sendo;

/// <summary>Sendo's limits for one channel (MARKETPLACES.md §6.2, §6.4, §6.5).</summary>
internal static class SendoCapabilities
{
    public const string Marketplace = "sendo";

    /// <summary>Search pages hold at most 50 products.</summary>
    public const int SearchPageSize = 50;

    /// <summary>
    /// Products per <c>/product/list</c> call: Sendo documents no maximum [unverified]; 10 keeps one refused call
    /// small and, with a read before each update, a batch within a few seconds at the default pace.
    /// </summary>
    public const int ListBatch = 10;

    /// <summary>Pictures per product and <c>&lt;img&gt;</c> per description: at most 20 each.</summary>
    public const int MaxImages = 20;

    public const int DescriptionMinChars = 100;
    public const int DescriptionMaxChars = 100_000;

    /// <summary>Stock has at most 5 digits [§6.4, unverified].</summary>
    public const int MaxStock = 99_999;

    /// <summary>Price at least 8,000 VND and at most 10 digits [§6.4, unverified].</summary>
    public const long MinPriceVnd = 8_000;
    public const long MaxPriceVnd = 9_999_999_999;

    /// <summary>SKU of 3–45 characters [§6.4, unverified].</summary>
    public const int SkuMinChars = 3;
    public const int SkuMaxChars = 45;

    /// <summary>Product names: Sendo publishes no limit that could be found; 255 characters as the other marketplaces [unverified].</summary>
    public const int TitleMaxChars = 255;

    public static MarketplaceCapabilities For(SendoChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            [MarketplaceOperation.Create] = ListBatch,
            [MarketplaceOperation.UpdateContent] = ListBatch,
            [MarketplaceOperation.UpdatePrice] = ListBatch,
            [MarketplaceOperation.UpdateStock] = ListBatch,
            [MarketplaceOperation.SetStatus] = ListBatch,
            // GET product?sku= takes one SKU.
            [MarketplaceOperation.FindBySellerSku] = 1,
            [MarketplaceOperation.PageItems] = SearchPageSize,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        MinPriceVnd = MinPriceVnd,
        MaxPriceVnd = MaxPriceVnd,
        MaxStock = MaxStock,
        SellerSkuMinChars = SkuMinChars,
        SellerSkuMaxChars = SkuMaxChars,
        DescriptionMinChars = DescriptionMinChars,
        MaxImages = MaxImages,
        TitleMaxChars = TitleMaxChars,
        // Characters, not bytes: the byte limit is the worst case of UTF-8 and never binds.
        TitleMaxBytes = TitleMaxChars * 4,
        DescriptionMaxChars = DescriptionMaxChars,
        DescriptionMaxBytes = DescriptionMaxChars * 4,
        AcceptsHtmlDescription = true,
        SellsServices = false,
    };
}
