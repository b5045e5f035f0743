using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary><c>data</c> of <c>GET /products/get</c>.</summary>
internal sealed record WireProducts(
    [property: JsonPropertyName("total_products")] int TotalProducts,
    [property: JsonPropertyName("products")] IReadOnlyList<WireProduct>? Products);

/// <summary>Times are epoch milliseconds, sent as strings.</summary>
internal sealed record WireProduct(
    [property: JsonPropertyName("item_id")] long ItemId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("created_time")] long? CreatedTime,
    [property: JsonPropertyName("updated_time")] long? UpdatedTime,
    [property: JsonPropertyName("attributes")] WireProductAttributes? Attributes,
    [property: JsonPropertyName("skus")] IReadOnlyList<WireSku>? Skus);

internal sealed record WireProductAttributes([property: JsonPropertyName("name")] string? Name);

/// <summary>Lazada mixes PascalCase and snake_case within one SKU object.</summary>
internal sealed record WireSku(
    [property: JsonPropertyName("SkuId")] long SkuId,
    [property: JsonPropertyName("SellerSku")] string? SellerSku,
    [property: JsonPropertyName("ShopSku")] string? ShopSku,
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("special_price")] decimal? SpecialPrice,
    [property: JsonPropertyName("quantity")] int? Quantity,
    [property: JsonPropertyName("Status")] string? Status,
    [property: JsonPropertyName("Url")] string? Url);
