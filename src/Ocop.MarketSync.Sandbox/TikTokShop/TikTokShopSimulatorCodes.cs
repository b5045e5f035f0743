namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// The body codes the simulator answers. The documented ones are TikTok's (MARKETPLACES.md §4.4); those marked
/// [sim] stand for validation failures whose real codes are not published in what we could read.
/// </summary>
public static class TikTokShopSimulatorCodes
{
    public const long InvalidSign = 106001;
    public const long InvalidCredentials = 36009004;
    public const long AccessTokenExpired = 105002;
    public const long ShopCipherMissing = 106013;
    public const long TooManyRequests = 36009002;
    public const long InvalidSkuId = 12019022;
    public const long PriceLocked = 12052038;
    public const long TooManyProductIds = 12019120;

    /// <summary>[sim] A parameter is missing or invalid (title length, price, quantity, unknown image…).</summary>
    public const long InvalidParameter = 12019001;

    /// <summary>[sim] No such product in the shop.</summary>
    public const long ProductNotFound = 12019002;

    /// <summary>[sim] The platform froze or deactivated the product: the seller cannot change it.</summary>
    public const long ProductFrozen = 12019003;

    /// <summary>[sim] The auth code or refresh token is unknown, used or expired.</summary>
    public const long InvalidGrant = 36004004;
}
