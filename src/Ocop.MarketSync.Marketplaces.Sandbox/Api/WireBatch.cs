namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

/// <summary><c>{"items":[…]}</c>, the body of every batch call.</summary>
internal sealed record WireBatch<T>(IReadOnlyList<T> Items);
