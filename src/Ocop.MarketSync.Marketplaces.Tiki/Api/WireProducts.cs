namespace Ocop.MarketSync.Marketplaces.Tiki.Api;

/// <summary><c>GET /integration/v2.1/products</c>: a page and its paging (<c>total</c> counts the whole query).</summary>
internal sealed record WireProductPage(IReadOnlyList<WireProduct>? Data, WirePaging? Paging) : WireAnswer;

internal sealed record WirePaging(int Total, int PerPage, int CurrentPage, int LastPage);

/// <summary>A product: <c>active</c> 1/0, prices whole VND, times <c>yyyy-MM-dd HH:mm:ss</c>, stock with <c>include=inventory</c>.</summary>
internal sealed record WireProduct(
    long ProductId,
    string? Sku,
    string? OriginalSku,
    string? Name,
    long Price,
    long? MarketPrice,
    int Active,
    string? CreatedAt,
    string? UpdatedAt,
    WireInventory? Inventory) : WireAnswer;

/// <summary>
/// <c>quantity</c> is what the seller entered (it includes units held by open orders); Tiki derives
/// <c>quantity_sellable</c> from it (#231, #272). The channel sets and compares <c>quantity</c>.
/// </summary>
internal sealed record WireInventory(int? Quantity, int? QuantityAvailable, int? QuantityReserved, int? QuantitySellable);

/// <summary><c>PUT /integration/v2.1/products/updateSkus</c> takes <c>{"data": [...]}</c>; <c>status</c> 1 on, 2 off.</summary>
internal sealed record WireSkuUpdates(IReadOnlyList<WireSkuUpdate> Data);

internal sealed record WireSkuUpdate(
    long ProductId,
    long? Price = null,
    int? Status = null,
    string? SellerWarehouse = null,
    IReadOnlyList<WireWarehouseQuantity>? WarehouseQuantities = null);

internal sealed record WireWarehouseQuantity(long WarehouseId, int QtyAvailable);

/// <summary><c>GET /integration/v2/sellers/me</c>: <c>can_update_product</c> 1/0 decides whether the app may write.</summary>
internal sealed record WireSeller(long Id, string? Name, int CanUpdateProduct, string? RegistrationStatus) : WireAnswer;
