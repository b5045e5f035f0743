using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary>
/// The lazop product API on the country gateway (e.g. <c>https://api.lazada.vn/rest</c>). Writes are POSTs whose
/// business parameters (<c>payload</c>, or <c>apiRequestBody</c> for deactivate) go in a form body; the signing
/// handler adds the system parameters and the signature. Every method answers <see cref="IApiResponse{T}"/>:
/// Lazada reports failures in the body's <c>code</c>, and non-200 statuses are ordinary outcomes to map too.
/// </summary>
internal interface ILazadaApi
{
    [Post("/image/migrate")]
    Task<IApiResponse<LazadaResponse<WireMigratedImage>>> MigrateImageAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/product/create")]
    Task<IApiResponse<LazadaResponse<WireCreated>>> CreateProductAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/product/update")]
    Task<IApiResponse<LazadaResponse<object>>> UpdateProductAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/product/price_quantity/update")]
    Task<IApiResponse<LazadaResponse<object>>> UpdatePriceQuantityAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/product/stock/sellable/update")]
    Task<IApiResponse<LazadaResponse<object>>> UpdateSellableStockAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/product/deactivate")]
    Task<IApiResponse<LazadaResponse<object>>> DeactivateProductAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    /// <param name="skuSellerList">A JSON array of seller SKUs (whole-word match, at most 100).</param>
    /// <param name="updateAfter">ISO-8601 with offset; Lazada caps <paramref name="offset"/> at 10,000, so deep walks go by update windows.</param>
    [Get("/products/get")]
    Task<IApiResponse<LazadaResponse<WireProducts>>> GetProductsAsync(
        [AliasAs("filter")] string filter,
        [AliasAs("limit")] int limit,
        [AliasAs("offset")] int? offset,
        [AliasAs("update_after")] string? updateAfter,
        [AliasAs("update_before")] string? updateBefore,
        [AliasAs("sku_seller_list")] string? skuSellerList,
        CancellationToken cancellationToken);
}
