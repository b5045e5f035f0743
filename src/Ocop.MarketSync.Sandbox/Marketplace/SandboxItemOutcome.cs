namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The result of one item of a batch call, in request order: success (no error) or a per-item error.</summary>
public sealed record SandboxItemOutcome(string? SellerSku, string? RemoteId, string? Url, SandboxItemError? Error = null);
