using Refit;

namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary>
/// The Tiki seller API paths the sync uses (host <c>https://api.tiki.vn</c>). The bearer token is added by
/// <see cref="TikiBearerHandler"/>. Every method answers <see cref="IApiResponse{T}"/>: 4xx/5xx are outcomes, mapped
/// by <see cref="TikiErrorMapper"/>. Bodies are JSON (form posts are refused, #209).
/// </summary>
internal interface ITikiApi
{
    [Post("/integration/v2.1/requests")]
    Task<IApiResponse<WireTicket>> CreateRequestAsync([Body(buffered: true)] WireProductRequest request, CancellationToken cancellationToken);

    [Post("/integration/v2/requests/updateProductInfo")]
    Task<IApiResponse<WireTicket>> UpdateProductInfoAsync([Body(buffered: true)] WireUpdateProductInfo update, CancellationToken cancellationToken);

    [Get("/integration/v2.1/tracking/{trackId}")]
    Task<IApiResponse<WireTracking>> TrackAsync(string trackId, CancellationToken cancellationToken);

    [Put("/integration/v2.1/products/updateSkus")]
    Task<IApiResponse<WireUpdateAnswer>> UpdateSkusAsync([Body(buffered: true)] WireSkuUpdates updates, CancellationToken cancellationToken);

    [Get("/integration/v2.1/products/{productId}")]
    Task<IApiResponse<WireProduct>> GetProductAsync(long productId, [AliasAs("include")] string include, CancellationToken cancellationToken);

    [Get("/integration/v2/products/findBy")]
    Task<IApiResponse<WireProduct>> FindByAsync([AliasAs("original_sku")] string originalSku, CancellationToken cancellationToken);

    [Get("/integration/v2.1/products")]
    Task<IApiResponse<WireProductPage>> ListAsync(
        [AliasAs("include")] string include,
        [AliasAs("page")] int page,
        [AliasAs("limit")] int limit,
        [AliasAs("updated_from_date")] string updatedFrom,
        [AliasAs("updated_to_date")] string updatedTo,
        CancellationToken cancellationToken);

    [Get("/integration/v2/sellers/me")]
    Task<IApiResponse<WireSeller>> SellerAsync(CancellationToken cancellationToken);

    [Post("/integration/v1/queues/{queueCode}/events/pull")]
    Task<IApiResponse<WireEventBatch>> PullEventsAsync(string queueCode, [Body(buffered: true)] WirePull pull, CancellationToken cancellationToken);
}
