namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>What happens to one request: a delay before it is handled, and at most one fault.</summary>
internal readonly record struct MarketplaceFaultDecision(TimeSpan Delay, MarketplaceFault? Fault, TimeSpan Hold, TimeSpan RetryAfter);
