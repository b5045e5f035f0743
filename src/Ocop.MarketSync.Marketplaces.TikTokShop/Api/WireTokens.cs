namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

/// <summary>Data of <c>/api/v2/token/get</c> and <c>/refresh</c>; the <c>*_expire_in</c> are absolute Unix seconds.</summary>
internal sealed record WireToken(
    string? AccessToken, long AccessTokenExpireIn, string? RefreshToken, long RefreshTokenExpireIn, string? OpenId, string? SellerName);

/// <summary>Data of <c>GET /authorization/202309/shops</c>.</summary>
internal sealed record WireShops(IReadOnlyList<WireShop>? Shops);

internal sealed record WireShop(string? Id, string? Name, string? Region, string? Cipher, string? Code);
