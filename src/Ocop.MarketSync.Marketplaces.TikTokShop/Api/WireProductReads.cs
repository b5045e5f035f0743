namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

/// <summary>Body of <c>POST /product/202309/products/search</c> (filters in the body, paging in the query).</summary>
internal sealed record WireSearchFilter(string Status, IReadOnlyList<string>? SellerSkus, long? UpdateTimeGe, long? UpdateTimeLe);

internal sealed record WireSearchResult(IReadOnlyList<WireProduct>? Products, string? NextPageToken, int TotalCount);

/// <summary>A product as search and get-product answer it (the fields the sync reads).</summary>
internal sealed record WireProduct(string? Id, string? Title, string? Status, IReadOnlyList<WireSku>? Skus, long UpdateTime);

internal sealed record WireSku(string? Id, string? SellerSku, WireSkuPriceRead? Price, IReadOnlyList<WireInventory>? Inventory);

/// <summary>Search answers tax_exclusive_price/sale_price; get-product answers amount. VND as decimal text.</summary>
internal sealed record WireSkuPriceRead(string? Amount, string? TaxExclusivePrice, string? SalePrice, string? Currency);
