using Refit;

namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary>
/// The Shopee v2 endpoints this adapter calls. The common parameters (partner_id, timestamp, sign, access_token,
/// shop_id) are added to the query by <see cref="ShopeeSigningHandler"/>, not here. Every method answers
/// <see cref="IApiResponse{T}"/>: Shopee reports failures in the body, sometimes under HTTP 200, sometimes not.
/// </summary>
internal interface IShopeeApi
{
    [Multipart]
    [Post("/api/v2/media_space/upload_image")]
    Task<IApiResponse<ShopeeEnvelope<WireUploadImageResponse>>> UploadImageAsync(
        [AliasAs("image")] ByteArrayPart image, CancellationToken cancellationToken);

    [Post("/api/v2/product/add_item")]
    Task<IApiResponse<ShopeeEnvelope<WireItemIdResponse>>> AddItemAsync([Body(buffered: true)] WireItemWrite item, CancellationToken cancellationToken);

    [Post("/api/v2/product/update_item")]
    Task<IApiResponse<ShopeeEnvelope<WireItemIdResponse>>> UpdateItemAsync([Body(buffered: true)] WireItemWrite item, CancellationToken cancellationToken);

    [Post("/api/v2/product/update_price")]
    Task<IApiResponse<ShopeeEnvelope<WireBatchOutcome>>> UpdatePriceAsync([Body(buffered: true)] WireUpdatePrice body, CancellationToken cancellationToken);

    [Post("/api/v2/product/update_stock")]
    Task<IApiResponse<ShopeeEnvelope<WireBatchOutcome>>> UpdateStockAsync([Body(buffered: true)] WireUpdateStock body, CancellationToken cancellationToken);

    [Post("/api/v2/product/unlist_item")]
    Task<IApiResponse<ShopeeEnvelope<WireBatchOutcome>>> UnlistItemAsync([Body(buffered: true)] WireUnlist body, CancellationToken cancellationToken);

    [Get("/api/v2/product/search_item")]
    Task<IApiResponse<ShopeeEnvelope<WireSearchResult>>> SearchItemAsync(
        [AliasAs("item_sku")] string itemSku,
        [AliasAs("offset")] string offset,
        [AliasAs("page_size")] int pageSize,
        CancellationToken cancellationToken);

    [Get("/api/v2/product/get_item_base_info")]
    Task<IApiResponse<ShopeeEnvelope<WireItemBaseInfoList>>> GetItemBaseInfoAsync(
        [AliasAs("item_id_list")] string itemIdList, CancellationToken cancellationToken);

    [Get("/api/v2/product/get_item_list")]
    Task<IApiResponse<ShopeeEnvelope<WireItemList>>> GetItemListAsync(
        [AliasAs("offset")] int offset,
        [AliasAs("page_size")] int pageSize,
        [Query(CollectionFormat.Multi)][AliasAs("item_status")] IEnumerable<string> itemStatus,
        [AliasAs("update_time_from")] long updateTimeFrom,
        [AliasAs("update_time_to")] long updateTimeTo,
        CancellationToken cancellationToken);

    [Post("/api/v2/auth/token/get")]
    Task<IApiResponse<WireTokenResponse>> GetTokenAsync([Body(buffered: true)] WireTokenGet body, CancellationToken cancellationToken);

    [Post("/api/v2/auth/access_token/get")]
    Task<IApiResponse<WireTokenResponse>> RefreshTokenAsync([Body(buffered: true)] WireTokenRefresh body, CancellationToken cancellationToken);
}
