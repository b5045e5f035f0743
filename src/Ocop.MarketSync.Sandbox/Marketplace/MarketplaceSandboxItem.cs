namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>An item as the sandbox marketplace stores it; serialised as is (camelCase) in its API answers.</summary>
public sealed record MarketplaceSandboxItem
{
    /// <summary>The marketplace's id, e.g. <c>itm-000123</c>.</summary>
    public required string RemoteId { get; init; }

    /// <summary>The seller's SKU. Not unique: the marketplace accepts a second item with the same SKU.</summary>
    public required string SellerSku { get; init; }

    public required string Url { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string CategoryId { get; init; }
    public required IReadOnlyList<string> Images { get; init; }
    public string? Gtin { get; init; }
    public int? WeightGrams { get; init; }
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>Whole đồng.</summary>
    public long PriceVnd { get; init; }

    public int Stock { get; init; }
    public bool Active { get; init; }

    /// <summary>Banned by the marketplace: it refuses every change to the item.</summary>
    public bool Banned { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Creation order: the listing's cursor pages by it, so updates never move an item between pages.</summary>
    internal long Sequence { get; init; }
}
