using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

/// <summary>
/// The TikTok Shop product APIs (version 202309) the sync uses. Common parameters (app_key, timestamp, shop_cipher,
/// sign) and the access token header are added by <see cref="TikTokShopSigningHandler"/>. Every method answers
/// <see cref="IApiResponse{T}"/>: 4xx/5xx are outcomes, mapped by <see cref="TikTokShopErrorMapper"/>.
/// </summary>
internal interface ITikTokShopApi
{
    [Multipart]
    [Post("/product/202309/images/upload")]
    Task<IApiResponse<WireEnvelope<WireUploadedImage>>> UploadImageAsync(
        [AliasAs("data")] ByteArrayPart data, [AliasAs("use_case")] string useCase, CancellationToken cancellationToken);

    [Post("/product/202309/products")]
    Task<IApiResponse<WireEnvelope<WireProductCreated>>> CreateAsync([Body(buffered: true)] WireCreateProduct product, CancellationToken cancellationToken);

    [Post("/product/202309/products/{productId}/partial_edit")]
    Task<IApiResponse<WireEnvelope<WireProductCreated>>> PartialEditAsync(
        string productId, [Body(buffered: true)] WirePartialEdit edit, CancellationToken cancellationToken);

    [Post("/product/202309/products/{productId}/prices/update")]
    Task<IApiResponse<WireEnvelope<WireEmpty>>> UpdatePriceAsync(
        string productId, [Body(buffered: true)] WirePriceUpdate update, CancellationToken cancellationToken);

    [Post("/product/202309/products/{productId}/inventory/update")]
    Task<IApiResponse<WireEnvelope<WireEmpty>>> UpdateInventoryAsync(
        string productId, [Body(buffered: true)] WireInventoryUpdate update, CancellationToken cancellationToken);

    [Post("/product/202309/products/activate")]
    Task<IApiResponse<WireEnvelope<WireMutationResult>>> ActivateAsync([Body(buffered: true)] WireProductIds ids, CancellationToken cancellationToken);

    [Post("/product/202309/products/deactivate")]
    Task<IApiResponse<WireEnvelope<WireMutationResult>>> DeactivateAsync([Body(buffered: true)] WireProductIds ids, CancellationToken cancellationToken);

    [Get("/product/202309/products/{productId}")]
    Task<IApiResponse<WireEnvelope<WireProduct>>> GetAsync(string productId, CancellationToken cancellationToken);

    [Post("/product/202309/products/search")]
    Task<IApiResponse<WireEnvelope<WireSearchResult>>> SearchAsync(
        [AliasAs("page_size")] int pageSize,
        [AliasAs("page_token")] string? pageToken,
        [Body(buffered: true)] WireSearchFilter filter,
        CancellationToken cancellationToken);
}
