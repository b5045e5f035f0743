namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>One item of a batch-update-content call: replaces all content. The seller SKU cannot be changed.</summary>
public sealed record SandboxContentChange
{
    public string? RemoteId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? CategoryId { get; init; }
    public IReadOnlyList<string>? Images { get; init; }
    public string? Gtin { get; init; }
    public int? WeightGrams { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
