namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>The documented body codes (MARKETPLACES.md §4.4); 0 is success.</summary>
internal static class TikTokShopErrorCodes
{
    public const long Success = 0;
    public const long InvalidSign = 106001;
    public const long InvalidCredentials = 36009004;
    public const long AccessTokenExpired = 105002;
    public const long ScopeNotGranted = 105005;
    public const long ShopCipherMissing = 106013;
    public const long IpNotAllowed = 36009033;
    public const long TooManyRequests = 36009002;
    public const long RequestTimeout = 36009007;
    public const long InvalidPath = 36009009;
    public const long InvalidMethod = 36009010;
    public const long FileTooLarge = 36009021;
    public const long WrongContentType = 36009022;
    public const long WrongFileType = 36009023;
    public const long InvalidSkuId = 12019022;
    public const long PriceLockedByPromotion = 12052038;
    public const long TooManyProductIds = 12019120;
}
