namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>The lazop error codes the adapter acts on (MARKETPLACES.md §3.4).</summary>
internal static class LazadaErrorCodes
{
    public const string Success = "0";
    public const string IllegalAccessToken = "IllegalAccessToken";
    public const string IllegalRefreshToken = "IllegalRefreshToken";
    public const string InvalidCode = "InvalidCode";
    public const string AlreadyInactive = "E0004";

    /// <summary>SellerSku already used: after a create that timed out but went through, adopt the existing item.</summary>
    public static readonly IReadOnlySet<string> SellerSkuRepeat = new HashSet<string>(["4105", "4126", "4141"], StringComparer.Ordinal);
}
