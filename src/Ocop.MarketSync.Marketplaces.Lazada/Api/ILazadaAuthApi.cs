using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada.Api;

/// <summary>The token endpoints on <c>https://auth.lazada.com/rest</c>: signed like any call, but without <c>access_token</c>.</summary>
internal interface ILazadaAuthApi
{
    [Post("/auth/token/create")]
    Task<IApiResponse<WireToken>> CreateTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    [Post("/auth/token/refresh")]
    Task<IApiResponse<WireToken>> RefreshTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
