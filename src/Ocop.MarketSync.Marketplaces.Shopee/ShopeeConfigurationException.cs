namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Our side cannot make a Shopee call at all (missing partner keys, no token source): mapped to
/// <see cref="Sync.Marketplaces.MarketplaceError.Misconfigured"/>, since no retry can help.
/// </summary>
public sealed class ShopeeConfigurationException(string message) : InvalidOperationException(message);
