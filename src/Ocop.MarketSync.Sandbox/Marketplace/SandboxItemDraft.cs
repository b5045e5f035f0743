namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>One item of a batch-create call. Fields are nullable because the wire may omit them; the rules say which are required.</summary>
public sealed record SandboxItemDraft
{
    public string? SellerSku { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? CategoryId { get; init; }
    public IReadOnlyList<string>? Images { get; init; }
    public string? Gtin { get; init; }
    public int? WeightGrams { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public long? PriceVnd { get; init; }
    public int? Stock { get; init; }

    /// <summary>Omitted: active.</summary>
    public bool? Active { get; init; }
}
