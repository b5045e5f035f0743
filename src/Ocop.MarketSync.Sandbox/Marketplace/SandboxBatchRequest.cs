namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The body of every batch call: <c>{"items":[…]}</c>.</summary>
public sealed record SandboxBatchRequest<T>(IReadOnlyList<T>? Items);
