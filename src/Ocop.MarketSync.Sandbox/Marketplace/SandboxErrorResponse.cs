namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The body of a refused call (4xx, 5xx).</summary>
public sealed record SandboxErrorResponse(string Code, string Message, string RequestId);
