namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>One item of a batch-set-status call: delist (false) or relist (true).</summary>
public sealed record SandboxStatusChange(string? RemoteId, bool? Active);
