namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>One item of a batch-update-price call.</summary>
public sealed record SandboxPriceChange(string? RemoteId, long? PriceVnd);
