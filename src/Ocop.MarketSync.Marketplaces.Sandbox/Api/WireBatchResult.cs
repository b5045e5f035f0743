namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>One result per item of the batch, in request order.</summary>
internal sealed record WireBatchResult(IReadOnlyList<WireItemResult>? Results);
