using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Lazada.Api;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Registration;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Lazada;

/// <summary>
/// Lazada's token endpoints (<c>/auth/token/create</c> with the seller's one-time code, <c>/auth/token/refresh</c>)
/// on the auth host, signed without an access token. Each refresh returns a new refresh token and invalidates the
/// old one: the caller (the token store) must save the pair before using it. Expiries are turned into instants.
/// </summary>
internal sealed class LazadaAuthorizer(
    IHttpClientFactory httpClients,
    IOptionsMonitor<LazadaChannelOptions> channelOptions,
    MarketplaceChannelRegistry<LazadaChannelOptions> registry,
    TimeProvider time) : IMarketplaceAuthorizer
{
    /// <summary>Codes that blame the app key or secret (the signature), not the seller's code or token.</summary>
    private static readonly HashSet<string> AppKeyCodes = new(
        ["IncompleteSignature", "InvalidAppKey", "AppKeyNotExist", "IllegalAccessKey"], StringComparer.Ordinal);

    private static readonly HashSet<string> RefusedCodes = new(
        [LazadaErrorCodes.InvalidCode, LazadaErrorCodes.IllegalRefreshToken, "AUTH_TYPE_UNSUPPORTED"], StringComparer.Ordinal);

    public string Marketplace => LazadaCapabilities.Marketplace;

    /// <summary>The docs suggest refreshing 30 min to 48 h ahead; a day leaves room for a failed night.</summary>
    public TimeSpan RefreshAhead => TimeSpan.FromDays(1);

    public Task<ShopTokens> ExchangeCodeAsync(ChannelOptions channel, string code, CancellationToken cancellationToken) =>
        CallAsync(channel, (api, ct) => api.CreateTokenAsync(new(StringComparer.Ordinal) { ["code"] = code }, ct), cancellationToken);

    public Task<ShopTokens> RefreshAsync(ChannelOptions channel, ShopTokens current, CancellationToken cancellationToken) =>
        CallAsync(channel, (api, ct) => api.RefreshTokenAsync(new(StringComparer.Ordinal) { ["refresh_token"] = current.RefreshToken }, ct), cancellationToken);

    private async Task<ShopTokens> CallAsync(
        ChannelOptions channel, Func<ILazadaAuthApi, CancellationToken, Task<IApiResponse<WireToken>>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!registry.Contains(channel.Id))
        {
            throw new InvalidOperationException($"Channel '{channel.Id}' is not a Lazada channel registered by AddLazadaMarketplace.");
        }

        var options = channelOptions.Get(channel.Id);
        var http = httpClients.CreateClient(LazadaMarketplaceClientFactory.AuthClientName(channel.Id));
        http.BaseAddress = options.AuthBaseUrl;
        var api = RestService.ForGenerated<ILazadaAuthApi>(http, LazadaRefitSettings.Instance);
        IApiResponse<WireToken> response;
        try
        {
            response = await call(api, cancellationToken);
        }
        catch (Exception ex) when (LazadaErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            throw new MarketplaceException(failure);
        }

        using (response)
        {
            var token = response.Content;
            if (token?.Code is not { } code)
            {
                throw new MarketplaceException(LazadaErrorMapper.FromHttp(response, cancellationToken)
                    ?? new MarketplaceError.Transient("Lazada's token answer could not be read."));
            }

            if (AppKeyCodes.Contains(code))
            {
                var secrets = registry.CredentialsRefOf(channel.Id) ?? $"Channels:{channel.Id}:CredentialsRef";
                throw AppCredentialsRefused.Error("Lazada", $"{code}: {token.Message}", token.RequestId, $"{secrets}:AppKey", $"{secrets}:AppSecret");
            }

            if (RefusedCodes.Contains(code))
            {
                throw new MarketplaceAuthException($"Lazada refused the authorisation ({code}): {token.Message}", token.RequestId);
            }

            if (code != LazadaErrorCodes.Success || token.AccessToken is null || token.RefreshToken is null)
            {
                throw new MarketplaceException(LazadaErrorMapper.FromCode(code, token.Type, token.Message ?? "no tokens in the answer",
                    token.RequestId, options.CampaignLockRetryAfter));
            }

            return ToShopTokens(token, options);
        }
    }

    private ShopTokens ToShopTokens(WireToken token, LazadaChannelOptions options)
    {
        var now = time.GetUtcNow();
        var user = token.CountryUserInfo?.FirstOrDefault(u => string.Equals(u.Country, options.Country, StringComparison.OrdinalIgnoreCase))
            ?? token.CountryUserInfo?.FirstOrDefault();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                extra[key] = value;
            }
        }

        Put("country", user?.Country ?? token.Country);
        Put("account", token.Account);
        Put("user_id", user?.UserId);
        Put("short_code", user?.ShortCode);
        return new ShopTokens(
            token.AccessToken!,
            now.AddSeconds(token.ExpiresIn ?? 0),
            token.RefreshToken!,
            token.RefreshExpiresIn is { } refreshIn ? now.AddSeconds(refreshIn) : null,
            user?.SellerId,
            extra);
    }
}
