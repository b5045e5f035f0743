using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary><c>data</c> of <c>/product/create</c>: the new item and its SKUs.</summary>
internal sealed record WireCreated(
    [property: JsonPropertyName("item_id")] long ItemId,
    [property: JsonPropertyName("sku_list")] IReadOnlyList<WireCreatedSku>? SkuList);

internal sealed record WireCreatedSku(
    [property: JsonPropertyName("seller_sku")] string? SellerSku,
    [property: JsonPropertyName("shop_sku")] string? ShopSku,
    [property: JsonPropertyName("sku_id")] long SkuId);

/// <summary><c>data</c> of <c>/image/migrate</c>: the Lazada-hosted copy of one image.</summary>
internal sealed record WireMigratedImage([property: JsonPropertyName("image")] WireImage? Image);

internal sealed record WireImage(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("hash_code")] string? HashCode);
