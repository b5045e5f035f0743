namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary><c>update_price</c>: one item, its models (model_id 0 for an item without variations).</summary>
internal sealed record WireUpdatePrice(long ItemId, IReadOnlyList<WirePrice> PriceList);

internal sealed record WirePrice(long ModelId, long OriginalPrice);

/// <summary><c>update_stock</c>: one item; <c>seller_stock</c> replaced the removed <c>normal_stock</c> in 2022.</summary>
internal sealed record WireUpdateStock(long ItemId, IReadOnlyList<WireStock> StockList);

internal sealed record WireStock(long ModelId, IReadOnlyList<WireSellerStock> SellerStock);

/// <summary><c>unlist_item</c>: 1–50 items.</summary>
internal sealed record WireUnlist(IReadOnlyList<WireUnlistItem> ItemList);

internal sealed record WireUnlistItem(long ItemId, bool Unlist);

/// <summary>What the batch endpoints answer: some entries may fail while the call succeeds.</summary>
internal sealed record WireBatchOutcome(IReadOnlyList<WireOutcomeEntry>? SuccessList, IReadOnlyList<WireOutcomeEntry>? FailureList);

internal sealed record WireOutcomeEntry(long? ItemId, long? ModelId, string? FailedReason);
