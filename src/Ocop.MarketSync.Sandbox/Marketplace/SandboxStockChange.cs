namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>One item of a batch-update-stock call.</summary>
public sealed record SandboxStockChange(string? RemoteId, int? Stock);
