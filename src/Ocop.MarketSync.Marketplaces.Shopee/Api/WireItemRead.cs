namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary><c>get_item_list</c>: ids, status and update time of one page.</summary>
internal sealed record WireItemList(IReadOnlyList<WireItemListEntry>? Item, int TotalCount, bool HasNextPage, int NextOffset);

internal sealed record WireItemListEntry(long ItemId, string? ItemStatus, long UpdateTime);

/// <summary><c>search_item</c>: the ids of items matching the SKU (the match may be loose).</summary>
internal sealed record WireSearchResult(IReadOnlyList<long>? ItemIdList, int TotalCount, string? NextOffset);

/// <summary><c>get_item_base_info</c>: ≤ 50 items.</summary>
internal sealed record WireItemBaseInfoList(IReadOnlyList<WireItemBaseInfo>? ItemList);

internal sealed record WireItemBaseInfo
{
    public long ItemId { get; init; }
    public string? ItemName { get; init; }
    public string? ItemSku { get; init; }
    public string? ItemStatus { get; init; }
    public long UpdateTime { get; init; }
    public bool HasModel { get; init; }
    public IReadOnlyList<WirePriceInfo>? PriceInfo { get; init; }
    public WireStockInfoV2? StockInfoV2 { get; init; }
}

internal sealed record WirePriceInfo(decimal OriginalPrice, decimal CurrentPrice);

internal sealed record WireStockInfoV2(IReadOnlyList<WireSellerStock>? SellerStock);
