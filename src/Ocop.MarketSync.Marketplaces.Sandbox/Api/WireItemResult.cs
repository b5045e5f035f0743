namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

internal sealed record WireItemResult(string? SellerSku, string? RemoteId, string? Url, WireError? Error);
