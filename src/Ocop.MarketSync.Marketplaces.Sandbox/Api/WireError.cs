namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary>A per-item error, or the body of a refused call (which also carries the request id).</summary>
internal sealed record WireError(string? Code, string? Message, string? RequestId = null);
