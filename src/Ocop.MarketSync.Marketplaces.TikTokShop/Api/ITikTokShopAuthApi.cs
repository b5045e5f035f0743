using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Api;

/// <summary>
/// The token host (<c>auth.tiktok-shops.com</c>): unsigned GETs with the app secret in the query, so these URLs
/// must never be logged. Success is <c>code == 0</c> in the body, whatever the HTTP status.
/// </summary>
internal interface ITikTokShopAuthApi
{
    [Get("/api/v2/token/get")]
    Task<IApiResponse<WireEnvelope<WireToken>>> GetTokenAsync(
        [AliasAs("app_key")] string appKey,
        [AliasAs("app_secret")] string appSecret,
        [AliasAs("auth_code")] string authCode,
        [AliasAs("grant_type")] string grantType,
        CancellationToken cancellationToken);

    [Get("/api/v2/token/refresh")]
    Task<IApiResponse<WireEnvelope<WireToken>>> RefreshTokenAsync(
        [AliasAs("app_key")] string appKey,
        [AliasAs("app_secret")] string appSecret,
        [AliasAs("refresh_token")] string refreshToken,
        [AliasAs("grant_type")] string grantType,
        CancellationToken cancellationToken);
}
