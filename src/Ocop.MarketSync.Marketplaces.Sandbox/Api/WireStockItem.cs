namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

internal sealed record WireStockItem(string RemoteId, int Stock);
