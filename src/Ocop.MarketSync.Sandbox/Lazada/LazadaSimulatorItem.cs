namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>One product of the simulated shop, with its single SKU (the sync lists one SKU per product).</summary>
public sealed record LazadaSimulatorItem
{
    public required long ItemId { get; init; }
    public required long SkuId { get; init; }
    public required string SellerSku { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = string.Empty;
    public required string PrimaryCategory { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public required long Price { get; init; }
    public long? SpecialPrice { get; init; }
    public required int Quantity { get; init; }

    /// <summary><c>active</c>, <c>inactive</c> or <c>suspended</c> (banned by Lazada).</summary>
    public string Status { get; init; } = "active";

    /// <summary>A mega campaign holds the stock: it may go up, not down (4170).</summary>
    public bool CampaignLocked { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
