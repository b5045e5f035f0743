namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The answer of every batch call: one result per item, in request order.</summary>
public sealed record SandboxBatchResponse(IReadOnlyList<SandboxItemOutcome> Results);
