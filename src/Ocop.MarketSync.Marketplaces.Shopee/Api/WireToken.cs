namespace Ocop.MarketSync.Marketplaces.Shopee.Api;

/// <summary>Body of <c>auth/token/get</c>.</summary>
internal sealed record WireTokenGet(string Code, long PartnerId, long ShopId);

/// <summary>Body of <c>auth/access_token/get</c>.</summary>
internal sealed record WireTokenRefresh(string RefreshToken, long PartnerId, long ShopId);

/// <summary>Both token endpoints answer at the top level, without a <c>response</c> wrapper.</summary>
internal sealed record WireTokenResponse(
    string? Error, string? Message, string? RequestId, string? AccessToken, string? RefreshToken, long ExpireIn, long? ShopId);
