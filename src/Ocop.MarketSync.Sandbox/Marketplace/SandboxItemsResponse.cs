namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The answer of the item lookups; <see cref="NextPageToken"/> is null on the last page (and on by-sku).</summary>
public sealed record SandboxItemsResponse(IReadOnlyList<MarketplaceSandboxItem> Items, string? NextPageToken = null);
