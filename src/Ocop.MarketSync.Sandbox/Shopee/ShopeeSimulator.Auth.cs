using System.Security.Cryptography;

namespace Ocop.MarketSync.Sandbox.Shopee;

/// <summary>
/// Codes and tokens: a code works once within its lifetime; a refresh issues a new access token and a new refresh
/// token and consumes the old refresh token, as Shopee does, so a lost or parallel refresh loses the shop.
/// </summary>
public sealed partial class ShopeeSimulator
{
    private readonly Dictionary<string, (long ShopId, DateTimeOffset ExpiresAt)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long ShopId, DateTimeOffset ExpiresAt)> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>The seller authorises the app in the browser: the code Shopee would redirect with.</summary>
    public string IssueCode(long shopId)
    {
        lock (_gate)
        {
            var code = RandomHex(16);
            _codes[code] = (shopId, time.GetUtcNow() + options.CodeLifetime);
            return code;
        }
    }

    /// <summary>Tokens for a shop as if it had authorised: for tests that start past the code exchange.</summary>
    public (string AccessToken, string RefreshToken) IssueTokens(long shopId)
    {
        lock (_gate)
        {
            return IssueLocked(shopId);
        }
    }

    /// <summary>Expires an access token now, as after 4 hours.</summary>
    public void ExpireAccessToken(string accessToken)
    {
        lock (_gate)
        {
            if (_accessTokens.TryGetValue(accessToken, out var token))
            {
                _accessTokens[accessToken] = (token.ShopId, time.GetUtcNow().AddSeconds(-1));
            }
        }
    }

    internal ShopeeSimulatorError? ExchangeCode(string? code, long shopId, out (string Access, string Refresh) tokens)
    {
        tokens = default;
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out var issued) || issued.ExpiresAt < time.GetUtcNow())
            {
                return new ShopeeSimulatorError("invalid_code", "Invalid code.", 403);
            }

            if (issued.ShopId != shopId)
            {
                return new ShopeeSimulatorError("error_param", "shop_id does not match the code.", 400);
            }

            tokens = IssueLocked(shopId);
            return null;
        }
    }

    internal ShopeeSimulatorError? Refresh(string? refreshToken, long shopId, out (string Access, string Refresh) tokens)
    {
        tokens = default;
        lock (_gate)
        {
            if (refreshToken is null || !_refreshTokens.TryGetValue(refreshToken, out var owner) || owner != shopId)
            {
                return new ShopeeSimulatorError("error_auth", "Invalid refresh_token.", 403);
            }

            _refreshTokens.Remove(refreshToken);
            tokens = IssueLocked(shopId);
            return null;
        }
    }

    /// <summary>Whether the access token is valid now for this shop.</summary>
    internal bool AccessTokenValid(string? accessToken, long shopId)
    {
        lock (_gate)
        {
            return accessToken is not null && _accessTokens.TryGetValue(accessToken, out var token)
                && token.ShopId == shopId && token.ExpiresAt > time.GetUtcNow();
        }
    }

    private (string Access, string Refresh) IssueLocked(long shopId)
    {
        var access = RandomHex(16);
        var refresh = RandomHex(16);
        _accessTokens[access] = (shopId, time.GetUtcNow() + options.AccessTokenLifetime);
        _refreshTokens[refresh] = shopId;
        return (access, refresh);
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
