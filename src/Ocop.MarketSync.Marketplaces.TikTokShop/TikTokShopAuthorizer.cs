using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// TikTok's token endpoints (<c>{AuthBaseUrl}/api/v2/token/get</c> and <c>/refresh</c>, unsigned GETs with the app
/// secret in the query), then <c>GET /authorization/202309/shops</c> on the API host to find the configured shop's
/// <c>cipher</c>, stored with the tokens (<c>Extra["shop_cipher"]</c>) because every shop API needs it.
/// </summary>
internal sealed class TikTokShopAuthorizer(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopChannelOptions> channelOptions,
    IOptionsMonitor<TikTokShopCredentials> credentials,
    TimeProvider time) : IMarketplaceAuthorizer
{
    public string Marketplace => TikTokShopCapabilities.Marketplace;

    /// <summary>Access tokens live about 7 days: refresh a day ahead, so a failing refresh has time to be noticed.</summary>
    public TimeSpan RefreshAhead => TimeSpan.FromDays(1);

    public async Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var keys = credentials.Get(channel.Id);
        var token = await TokenAsync(channel, keys, api => api.GetTokenAsync(keys.AppKey, keys.AppSecret, code, "authorized_code", cancellationToken), cancellationToken);
        var shopId = channelOptions.Get(channel.Id).ShopId;
        var cipher = await ShopCipherAsync(channel, keys, token.AccessToken, shopId, cancellationToken);
        return token with { ShopId = shopId, Extra = new Dictionary<string, string> { [TikTokShopSigningHandler.ShopCipherKey] = cipher } };
    }

    public async Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(current);
        var keys = credentials.Get(channel.Id);
        var token = await TokenAsync(channel, keys, api => api.RefreshTokenAsync(keys.AppKey, keys.AppSecret, current.RefreshToken, "refresh_token", cancellationToken), cancellationToken);
        // The shop and its cipher do not change with a refresh.
        return token with { ShopId = current.ShopId, Extra = current.Extra };
    }

    private async Task<ShopTokens> TokenAsync(
        ChannelOptions channel, TikTokShopCredentials keys, Func<ITikTokShopAuthApi, Task<IApiResponse<WireEnvelope<WireToken>>>> call,
        CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(TikTokShopMarketplaceClientFactory.AuthHttpClientName);
        http.BaseAddress = channelOptions.Get(channel.Id).AuthBaseUrl;
        var api = RestService.ForGenerated<ITikTokShopAuthApi>(http, TikTokShopJson.Refit);
        IApiResponse<WireEnvelope<WireToken>> response;
        try
        {
            response = await call(api);
        }
        catch (Exception ex) when (TikTokShopErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            var envelope = response.Content ?? Envelope(response);
            if (envelope is { Code: 0, Data: { AccessToken.Length: > 0, RefreshToken.Length: > 0 } data })
            {
                return new ShopTokens(
                    data.AccessToken, DateTimeOffset.FromUnixTimeSeconds(data.AccessTokenExpireIn),
                    data.RefreshToken, data.RefreshTokenExpireIn > 0 ? DateTimeOffset.FromUnixTimeSeconds(data.RefreshTokenExpireIn) : null,
                    null);
            }

            var status = (int)(response.StatusCode ?? 0);
            var message = $"TikTok token endpoint answered HTTP {status}, code {envelope?.Code}: {envelope?.Message ?? "no readable body"}";
            // 429, 5xx and unreadable answers may pass; a body code on any other answer is a refusal of the code or token.
            if (status == 429 || status >= 500 || envelope is null || envelope.Code == TikTokShopErrorCodes.TooManyRequests)
            {
                throw new MarketplaceException(status == 429 || envelope?.Code == TikTokShopErrorCodes.TooManyRequests
                    ? new MarketplaceError.RateLimited(TikTokShopErrorMapper.DefaultRetryAfter, message) { RequestId = envelope?.RequestId }
                    : new MarketplaceError.Transient(message) { RequestId = envelope?.RequestId });
            }

            // Bad app key or secret: the app's configuration, not the seller's code or token.
            if (envelope.Code is TikTokShopErrorCodes.InvalidCredentials or TikTokShopErrorCodes.InvalidSign)
            {
                throw AppCredentialsRefused.Error("TikTok Shop", message, envelope.RequestId, $"{keys.Section}:AppKey", $"{keys.Section}:AppSecret");
            }

            throw new MarketplaceAuthException(message, envelope.RequestId);
        }
    }

    /// <exception cref="MarketplaceAuthException">The seller who authorised has no shop with the configured id.</exception>
    private async Task<string> ShopCipherAsync(
        ChannelOptions channel, TikTokShopCredentials keys, string accessToken, string shopId, CancellationToken cancellationToken)
    {
        var baseUrl = channel.BaseUrl ?? throw new InvalidOperationException($"Channels:{channel.Id}:BaseUrl is required: the TikTok API host.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "authorization/202309/shops"));
        TikTokShopRequestSigning.Sign(request, [], keys.AppKey, keys.AppSecret, accessToken, null, time.GetUtcNow());
        var http = httpClients.CreateClient(TikTokShopMarketplaceClientFactory.AuthHttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (TikTokShopErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            WireEnvelope<WireShops>? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize<WireEnvelope<WireShops>>(body, TikTokShopJson.Options);
            }
            catch (JsonException)
            {
                // Unreadable: reported below as a transient failure.
            }

            if (envelope is not { Code: 0 })
            {
                var error = new TikTokShopErrorMapper(channelOptions.Get(channel.Id).PromotionLockRetryAfter).FromCode(
                    envelope?.Code ?? -1, envelope?.Message ?? $"HTTP {(int)response.StatusCode}", envelope?.RequestId, response.StatusCode);
                throw response.StatusCode >= HttpStatusCode.InternalServerError || envelope is null
                    ? new MarketplaceException(new MarketplaceError.Transient(error.Message) { RequestId = error.RequestId })
                    : new MarketplaceException(error);
            }

            return envelope.Data?.Shops?.FirstOrDefault(s => s.Id == shopId)?.Cipher is { Length: > 0 } cipher ? cipher
                : throw new MarketplaceAuthException(
                    $"The authorised seller has no shop {shopId} (Channels:{channel.Id}:TikTokShop:ShopId): authorise with that shop's account.",
                    envelope.RequestId);
        }
    }

    private static WireEnvelope<WireToken>? Envelope(IApiResponse response)
    {
        if (!response.HasResponseError(out var error) || string.IsNullOrWhiteSpace(error.Content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WireEnvelope<WireToken>>(error.Content, TikTokShopJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
