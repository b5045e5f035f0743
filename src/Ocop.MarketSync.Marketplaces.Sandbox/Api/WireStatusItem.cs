namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

internal sealed record WireStatusItem(string RemoteId, bool Active);
