using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Shopee.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;

namespace Ocop.MarketSync.Marketplaces.Shopee;

/// <summary>
/// Shopee's token endpoints (public calls, signed with partner_id + path + timestamp): <c>auth/token/get</c> exchanges
/// a one-time code (valid 10 minutes), <c>auth/access_token/get</c> refreshes and returns a <b>new</b> refresh token;
/// the old one must be treated as consumed, so the caller saves the new pair before using it.
/// </summary>
internal sealed class ShopeeAuthorizer(
    ShopeeMarketplaceClientFactory clients,
    IOptionsMonitor<ShopeeChannelOptions> channelOptions,
    IConfiguration configuration,
    TimeProvider time) : IMarketplaceAuthorizer
{
    /// <summary>Shopee's refresh tokens live 30 days; the answer does not say so, the docs do.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    private static readonly string[] Refusals =
    [
        "invalid_code", "error_auth", "refresh_token_expired", "error_shop_refresh_token", "shop_access_expired",
        "invalid_refresh_token", "error_permission",
    ];

    public string Marketplace => ShopeeCapabilities.Marketplace;

    /// <summary>Access tokens live 4 hours: refresh at 3.5 hours.</summary>
    public TimeSpan RefreshAhead => TimeSpan.FromMinutes(30);

    public Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken)
    {
        var (api, partnerId, shopId) = Prepare(channel);
        return CallAsync(ct => api.GetTokenAsync(new WireTokenGet(code, partnerId, shopId), ct), channel, shopId, "code", cancellationToken);
    }

    public Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (api, partnerId, shopId) = Prepare(channel);
        return CallAsync(ct => api.RefreshTokenAsync(new WireTokenRefresh(current.RefreshToken, partnerId, shopId), ct), channel, shopId, "refresh token", cancellationToken);
    }

    private (IShopeeApi Api, long PartnerId, long ShopId) Prepare(ChannelOptions channel)
    {
        var api = clients.Api(channel);
        var credentials = ShopeeCredentials.Read(configuration, channel.CredentialsRef);
        return (api, credentials.PartnerId, channelOptions.Get(channel.Id).ShopId);
    }

    private async Task<ShopTokens> CallAsync(
        Func<CancellationToken, Task<Refit.IApiResponse<WireTokenResponse>>> call, ChannelOptions channel, long shopId, string what,
        CancellationToken cancellationToken)
    {
        var (tokens, refusal, failure) = await ShopeeCall.RunTokenAsync(call, cancellationToken);
        if (failure is not null)
        {
            throw new MarketplaceException(failure);
        }

        if (refusal is { Error: { } error })
        {
            // A wrong sign or partner_id is the app's partner key or id, not the seller's code: say which keys to check.
            if (error == "error_sign" || error == "error_param_partner_id"
                || (error == "error_param" && (refusal.Message?.Contains("partner_id", StringComparison.OrdinalIgnoreCase) ?? false)))
            {
                throw AppCredentialsRefused.Error("Shopee", $"{error}: {refusal.Message}", refusal.RequestId,
                    $"{channel.CredentialsRef}:{ShopeeCredentials.PartnerIdKey}", $"{channel.CredentialsRef}:{ShopeeCredentials.PartnerKeyKey}");
            }

            // error_param about the code or refresh token is a refusal too; about the timestamp or sign it is ours.
            var refused = Refusals.Contains(error)
                || (error == "error_param" && (refusal.Message?.Contains(what.Split(' ')[0], StringComparison.OrdinalIgnoreCase) ?? false));
            throw refused
                ? new MarketplaceAuthException($"Shopee refused the {what}: {error}: {refusal.Message}", refusal.RequestId)
                : new MarketplaceException(ShopeeErrorMapper.FromError(error, refusal.Message, refusal.RequestId, TimeSpan.FromMinutes(1)));
        }

        if (tokens is not { AccessToken.Length: > 0, RefreshToken.Length: > 0, ExpireIn: > 0 })
        {
            throw new MarketplaceException(new MarketplaceError.Transient("Shopee's token answer lacks access_token, refresh_token or expire_in.")
            {
                RequestId = tokens?.RequestId,
            });
        }

        var now = time.GetUtcNow();
        return new ShopTokens(
            tokens.AccessToken,
            now.AddSeconds(tokens.ExpireIn),
            tokens.RefreshToken,
            now + RefreshTokenLifetime,
            ShopeeWireMapper.Id(tokens.ShopId is { } answered && answered > 0 ? answered : shopId));
    }
}
