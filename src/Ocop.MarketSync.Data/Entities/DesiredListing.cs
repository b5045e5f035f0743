namespace Ocop.MarketSync.Data.Entities;

/// <summary>What the listing should look like on its channel, as the planner computed it from the product.</summary>
public sealed record DesiredListing
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? CategoryId { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];
    public string? Gtin { get; init; }
    public int? WeightGrams { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public long PriceVnd { get; init; }
    public int Stock { get; init; }

    /// <summary>On sale (true) or delisted (false).</summary>
    public bool Active { get; init; }

    /// <summary>Why the listing is delisted or held, for staff and producers (empty when all is well).</summary>
    public IReadOnlyList<ProductIssue> Reasons { get; init; } = [];

    /// <summary>A price change held for staff approval (the guard), with the price that was asked for.</summary>
    public long? HeldPriceVnd { get; init; }
}
