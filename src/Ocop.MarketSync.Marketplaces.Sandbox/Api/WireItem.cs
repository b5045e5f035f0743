namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>The fields of a remote item the port reports; the content fields of the wire are not read.</summary>
internal sealed record WireItem(
    string? RemoteId,
    string? SellerSku,
    string? Url,
    string? Title,
    long PriceVnd,
    int Stock,
    bool Active,
    bool Banned,
    DateTimeOffset UpdatedAt);
