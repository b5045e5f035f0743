using System.Globalization;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Our remote id of a Lazada listing: <c>{item_id}:{sku_id}</c>. Lazada keys edits by SkuId (SellerSku is not
/// unique enough and no longer accepted by deactivate), so both travel together.
/// </summary>
internal readonly record struct LazadaRemoteId(long ItemId, long SkuId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ItemId}:{SkuId}");

    public static bool TryParse(string? remoteId, out LazadaRemoteId id)
    {
        id = default;
        var parts = (remoteId ?? string.Empty).Split(':');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var item)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sku))
        {
            id = new LazadaRemoteId(item, sku);
            return true;
        }

        return false;
    }
}
