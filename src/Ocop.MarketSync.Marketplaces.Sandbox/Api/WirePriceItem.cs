namespace Ocop.MarketSync.Marketplaces.Sandbox.Api;

internal sealed record WirePriceItem(string RemoteId, long PriceVnd);
