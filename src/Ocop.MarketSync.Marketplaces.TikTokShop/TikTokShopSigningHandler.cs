using System.Net;
using System.Text.Json;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// Signs every API request of one channel with the shop's current tokens (from <see cref="IShopTokenSource"/>) and
/// the time of sending. Runs inside the resilience pipeline, so each attempt carries a fresh timestamp. When TikTok
/// answers 105002 (access token expired) although the store thought it valid, the tokens are refreshed once and the
/// request is sent once more: the gateway refused it before doing anything, so repeating it cannot duplicate a write.
/// </summary>
internal sealed class TikTokShopSigningHandler(
    string channelId, TikTokShopCredentials credentials, IShopTokenSource tokenSource, TimeProvider time) : DelegatingHandler
{
    public const string ShopCipherKey = "shop_cipher";

    /// <exception cref="ChannelNotAuthorizedException">No usable tokens, or a shop API without a stored shop cipher.</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await tokenSource.GetAsync(channelId, cancellationToken);
        var body = await TikTokShopRequestSigning.FreezeBodyAsync(request, cancellationToken);
        var response = await SendSignedAsync(request, body, tokens, cancellationToken);
        if (!await IsExpiredTokenAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        tokens = await tokenSource.RefreshNowAsync(channelId, tokens, cancellationToken);
        return await SendSignedAsync(request, body, tokens, cancellationToken);
    }

    private Task<HttpResponseMessage> SendSignedAsync(HttpRequestMessage request, byte[] body, ShopTokens tokens, CancellationToken cancellationToken)
    {
        string? cipher = null;
        if (TikTokShopRequestSigning.IsShopScoped(request.RequestUri!.AbsolutePath)
            && (tokens.Extra is null || !tokens.Extra.TryGetValue(ShopCipherKey, out cipher) || string.IsNullOrEmpty(cipher)))
        {
            throw new ChannelNotAuthorizedException(channelId,
                $"Channel '{channelId}' has no TikTok shop_cipher stored with its tokens: authorise the channel again.");
        }

        TikTokShopRequestSigning.Sign(request, body, credentials.AppKey, credentials.AppSecret, tokens.AccessToken, cipher, time.GetUtcNow());
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>A 401 whose body says code 105002. Other 401s (bad sign, bad credentials) are not fixed by a refresh.</summary>
    private static async Task<bool> IsExpiredTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code)
                && code.TryGetInt64(out var value) && value == TikTokShopErrorCodes.AccessTokenExpired;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
