namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>A product of the simulated shop, with its single SKU (the sync lists one SKU per product).</summary>
public sealed record TikTokShopSimulatorProduct
{
    public required string Id { get; init; }
    public required string SkuId { get; init; }
    public required string SellerSku { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string CategoryId { get; init; }
    public string? BrandId { get; init; }
    public required IReadOnlyList<string> ImageUris { get; init; }

    /// <summary>Package weight as sent, in kilograms (decimal text).</summary>
    public required string WeightKg { get; init; }

    /// <summary>Product attribute id → value name.</summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>Whole đồng.</summary>
    public long PriceVnd { get; init; }

    public int Stock { get; init; }

    /// <summary>DRAFT, PENDING, FAILED, ACTIVATE, SELLER_DEACTIVATED, PLATFORM_DEACTIVATED, FREEZE or DELETED.</summary>
    public required string Status { get; init; }

    /// <summary>A running promotion holds the price: price updates answer 12052038.</summary>
    public bool PriceLocked { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Creation order; search pages by it.</summary>
    internal long Sequence { get; init; }
}
