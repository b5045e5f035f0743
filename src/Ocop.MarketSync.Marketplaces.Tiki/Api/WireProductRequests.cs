using System.Text.Json.Serialization;

namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

// The product request (POST /integration/v2.1/requests) and content update (POST /integration/v2/requests/updateProductInfo)
// bodies, field names as MARKETPLACES.md §5.2. Nulls are left out.

internal sealed record WireProductRequest(
    long CategoryId,
    string Name,
    string Description,
    long MarketPrice,
    IReadOnlyDictionary<string, string> Attributes,
    string? Image,
    IReadOnlyList<string> Images,
    IReadOnlyList<WireVariant> Variants,
    WireMetaData MetaData);

/// <summary>One variant; its <c>sku</c> becomes the product's <c>original_sku</c> (our seller SKU).</summary>
internal sealed record WireVariant(
    string Sku,
    long Price,
    long MarketPrice,
    string InventoryType,
    string SellerWarehouse,
    IReadOnlyList<WireWarehouseStock> WarehouseStocks,
    string? Image,
    IReadOnlyList<string> Images);

/// <summary>The create body spells these in camelCase, unlike the rest of the API (§5.2).</summary>
internal sealed record WireWarehouseStock(
    [property: JsonPropertyName("warehouseId")] long WarehouseId,
    [property: JsonPropertyName("qtyAvailable")] int QtyAvailable);

/// <summary><c>is_auto_turn_on</c> false: the engine turns the product on after approval, so its active flag stays ours.</summary>
internal sealed record WireMetaData(bool IsAutoTurnOn);

/// <summary>The content update: the product's id and what the listing shows; it goes back through review (#248).</summary>
internal sealed record WireUpdateProductInfo(
    long ProductId,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string> Attributes,
    string? Image,
    IReadOnlyList<string> Images);
