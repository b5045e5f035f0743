namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>One item of the simulated shop, as <c>get_item_base_info</c> reports it.</summary>
public sealed record ShopeeSimulatorItem
{
    public required long ItemId { get; init; }
    public required long ShopId { get; init; }
    public required string ItemSku { get; init; }
    public required string ItemName { get; init; }
    public required string Description { get; init; }
    public required long CategoryId { get; init; }
    public required long OriginalPrice { get; init; }
    public required int SellerStock { get; init; }

    /// <summary>Stock held by open orders and promotions: seller stock may not go below it.</summary>
    public int ReservedStock { get; init; }

    /// <summary>NORMAL, UNLIST, BANNED, REVIEWING, SELLER_DELETE, SHOPEE_DELETE.</summary>
    public required string ItemStatus { get; init; }

    public IReadOnlyList<string> ImageIds { get; init; } = [];
    public decimal Weight { get; init; }
    public IReadOnlyDictionary<long, string> Attributes { get; init; } = new Dictionary<long, string>();

    /// <summary>A running promotion locks the price: update_price is refused.</summary>
    public bool PriceLocked { get; init; }

    public required DateTimeOffset UpdateTime { get; init; }
}
