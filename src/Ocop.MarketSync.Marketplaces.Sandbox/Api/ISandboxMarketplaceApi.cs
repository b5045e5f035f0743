using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>
/// The sandbox marketplace's HTTP contract. Every method answers <see cref="IApiResponse{T}"/>: 4xx and 5xx are
/// ordinary outcomes here, mapped into the error taxonomy by <see cref="SandboxErrorMapper"/>, not exceptions.
/// Bodies are buffered so they carry a Content-Length (and can be signed, as real marketplaces require).
/// </summary>
internal interface ISandboxMarketplaceApi
{
    [Post("/api/v1/items/batch-create")]
    Task<IApiResponse<WireBatchResult>> CreateAsync([Body(buffered: true)] WireBatch<WireCreateItem> batch, CancellationToken cancellationToken);

    [Post("/api/v1/items/batch-update-content")]
    Task<IApiResponse<WireBatchResult>> UpdateContentAsync([Body(buffered: true)] WireBatch<WireContentItem> batch, CancellationToken cancellationToken);

    [Post("/api/v1/items/batch-update-price")]
    Task<IApiResponse<WireBatchResult>> UpdatePriceAsync([Body(buffered: true)] WireBatch<WirePriceItem> batch, CancellationToken cancellationToken);

    [Post("/api/v1/items/batch-update-stock")]
    Task<IApiResponse<WireBatchResult>> UpdateStockAsync([Body(buffered: true)] WireBatch<WireStockItem> batch, CancellationToken cancellationToken);

    [Post("/api/v1/items/batch-set-status")]
    Task<IApiResponse<WireBatchResult>> SetStatusAsync([Body(buffered: true)] WireBatch<WireStatusItem> batch, CancellationToken cancellationToken);

    /// <summary>One picture, by URL: the marketplace fetches it and answers the id to send in place of the URL.</summary>
    [Post("/api/v1/media/upload-image")]
    Task<IApiResponse<WireImage>> UploadImageAsync([Body(buffered: true)] WireImageUpload image, CancellationToken cancellationToken);

    [Get("/api/v1/items/by-sku")]
    Task<IApiResponse<WireItemList>> FindBySkuAsync(
        [Query(CollectionFormat.Multi)][AliasAs("sku")] IEnumerable<string> sellerSkus, CancellationToken cancellationToken);

    [Get("/api/v1/items")]
    Task<IApiResponse<WireItemList>> PageAsync(
        [AliasAs("skuPrefix")] string skuPrefix,
        [AliasAs("pageToken")] string? pageToken,
        [AliasAs("pageSize")] int pageSize,
        CancellationToken cancellationToken);
}
