namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

internal sealed record WireCreateItem(
    string SellerSku,
    string Title,
    string Description,
    string CategoryId,
    IReadOnlyList<string> Images,
    string? Gtin,
    int? WeightGrams,
    IReadOnlyDictionary<string, string> Attributes,
    long PriceVnd,
    int Stock,
    bool Active);
