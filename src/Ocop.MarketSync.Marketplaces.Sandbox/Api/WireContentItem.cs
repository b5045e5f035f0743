namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>Replaces all content of an item; the seller SKU is fixed at creation and not sent.</summary>
internal sealed record WireContentItem(
    string RemoteId,
    string Title,
    string Description,
    string CategoryId,
    IReadOnlyList<string> Images,
    string? Gtin,
    int? WeightGrams,
    IReadOnlyDictionary<string, string> Attributes);
