namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>A per-item error: <see cref="Code"/> is one of <see cref="SandboxErrorCodes"/>, the message is for people.</summary>
public sealed record SandboxItemError(string Code, string Message);
