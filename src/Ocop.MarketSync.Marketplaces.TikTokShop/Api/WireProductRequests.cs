namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

// The create and partial-edit bodies (POST /product/202309/products, …/{id}/partial_edit). Nulls are left out of
// the JSON, which partial_edit needs: an omitted field keeps its value.

internal sealed record WireCreateProduct(
    string SaveMode,
    string Title,
    string Description,
    string CategoryId,
    string? BrandId,
    IReadOnlyList<WireImage> MainImages,
    WireWeight PackageWeight,
    WireDimensions PackageDimensions,
    IReadOnlyList<WireProductAttribute>? ProductAttributes,
    IReadOnlyList<WireCreateSku> Skus,
    IReadOnlyList<string>? DeliveryOptionIds,
    string? ExternalProductId);

internal sealed record WirePartialEdit(
    string Title,
    string Description,
    IReadOnlyList<WireImage> MainImages,
    WireWeight PackageWeight,
    IReadOnlyList<WireProductAttribute>? ProductAttributes);

internal sealed record WireImage(string Uri);

/// <summary>Decimal text: <c>"0.5"</c> KILOGRAM.</summary>
internal sealed record WireWeight(string Value, string Unit);

internal sealed record WireDimensions(string Length, string Width, string Height, string Unit);

internal sealed record WireProductAttribute(string Id, IReadOnlyList<WireAttributeValue> Values);

internal sealed record WireAttributeValue(string Name);

internal sealed record WireCreateSku(
    string SellerSku,
    WirePrice Price,
    IReadOnlyList<WireInventory> Inventory,
    WireIdentifierCode? IdentifierCode,
    IReadOnlyList<WireEmpty> SalesAttributes);

/// <summary>Money is a string amount; VND whole numbers.</summary>
internal sealed record WirePrice(string Amount, string Currency);

internal sealed record WireInventory(string WarehouseId, int Quantity);

internal sealed record WireIdentifierCode(string Code, string Type);
