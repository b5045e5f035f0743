using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Marketplaces.Tiki;

/// <summary>Tiki's limits for one channel (MARKETPLACES.md §5.2, §5.3, §5.6).</summary>
internal static class TikiCapabilities
{
    public const string Marketplace = "tiki";

    /// <summary>The docs state 200 requests/second per seller (§5.3).</summary>
    public const double PublishedRequestsPerSecond = 200;

    /// <summary>updateSkus takes "several SKUs"; no maximum is documented, so a conservative 50 [unverified].</summary>
    public const int SkuBatch = 50;

    /// <summary>List page size: the docs allow 100, integrators use at most 50 (§5.2, §5.6).</summary>
    public const int PageSize = 50;

    /// <summary>Tiki returns at most 10,000 results per list query (#243): a window that reaches it is split.</summary>
    public const int ResultCap = 10_000;

    public static MarketplaceCapabilities For(TikiChannelOptions options) => new()
    {
        Marketplace = Marketplace,
        BatchSize = new Dictionary<MarketplaceOperation, int>
        {
            // A product request carries one product; findBy takes one original_sku.
            [MarketplaceOperation.Create] = 1,
            [MarketplaceOperation.UpdateContent] = 1,
            [MarketplaceOperation.UpdatePrice] = SkuBatch,
            [MarketplaceOperation.UpdateStock] = SkuBatch,
            [MarketplaceOperation.SetStatus] = SkuBatch,
            [MarketplaceOperation.FindBySellerSku] = 1,
            [MarketplaceOperation.PageItems] = PageSize,
        },
        RequestsPerSecond = options.RequestsPerSecond,
        // Prices are whole VND (§5.5); no bounds are documented, so only "above zero" is enforced here.
        MinPriceVnd = 1,
        // Conservative assumptions, not documented limits: Tiki's seller centre caps product names at 255 characters
        // in practice and descriptions are HTML; we stay at the common 255 / 10,000-character marks and count
        // characters (Tiki is a Vietnamese-first platform and does not count bytes as far as is known).
        TitleMaxChars = 255,
        TitleMaxBytes = 255 * 4,
        DescriptionMaxChars = 10_000,
        DescriptionMaxBytes = 10_000 * 4,
        AcceptsHtmlDescription = true,
        SellsServices = false,
    };
}
