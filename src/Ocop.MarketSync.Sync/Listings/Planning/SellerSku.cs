namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>
/// The seller SKU of a product on every channel: derived from the registry id alone, so the same product always
/// has the same SKU and a create whose response was lost is found again by lookup.
/// </summary>
public static class SellerSku
{
    /// <summary>Every SKU we create starts with this; reconciliation treats other SKUs as not ours.</summary>
    public const string Prefix = "OCOP-";

    public static string For(string registryId) => Prefix + registryId;
}
