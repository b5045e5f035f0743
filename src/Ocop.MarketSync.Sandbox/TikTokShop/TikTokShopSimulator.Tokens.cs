using System.Security.Cryptography;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// Seller authorisation: one-time auth codes, access tokens with an absolute expiry, and refresh tokens that are
/// replaced on every refresh (the old one stops working, so a lost new one means authorising again).
/// </summary>
public sealed partial class TikTokShopSimulator
{
    private readonly Dictionary<string, DateTimeOffset> _authCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Refreshes that succeeded: a test of "one refresh at a time" counts them.</summary>
    public int Refreshes { get; private set; }

    /// <summary>What the seller's browser would bring back to the redirect URL after consenting.</summary>
    public string IssueAuthCode()
    {
        lock (_gate)
        {
            var code = "code-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            _authCodes[code] = Now + Options.AuthCodeLifetime;
            return code;
        }
    }

    /// <summary>Tokens as if the code had been exchanged, for tests that do not exercise the exchange itself.</summary>
    public (string AccessToken, string RefreshToken) IssueTokens()
    {
        lock (_gate)
        {
            return NewPairLocked();
        }
    }

    /// <summary>Every access token issued so far expires now (refresh tokens stay valid).</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _accessTokens.Keys.ToList())
            {
                _accessTokens[token] = Now.AddSeconds(-1);
            }
        }
    }

    internal TikTokShopSimulatorAnswer ExchangeCode(string? appKey, string? appSecret, string? code, string? grantType)
    {
        lock (_gate)
        {
            if (Credentials(appKey, appSecret) is { } refused)
            {
                return refused;
            }

            if (grantType != "authorized_code" || code is null || !_authCodes.Remove(code, out var expires) || expires < Now)
            {
                return TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.InvalidGrant, "auth_code is invalid, used or expired");
            }

            return TokenAnswerLocked();
        }
    }

    internal TikTokShopSimulatorAnswer Refresh(string? appKey, string? appSecret, string? refreshToken, string? grantType)
    {
        lock (_gate)
        {
            if (Credentials(appKey, appSecret) is { } refused)
            {
                return refused;
            }

            if (grantType != "refresh_token" || refreshToken is null || !_refreshTokens.Remove(refreshToken, out var expires) || expires < Now)
            {
                return TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.InvalidGrant, "refresh_token is invalid, used or expired");
            }

            Refreshes++;
            return TokenAnswerLocked();
        }
    }

    /// <summary>0 when the token is good; else the code TikTok answers (105002 expired, 36009004 unknown).</summary>
    internal long CheckAccessToken(string? token)
    {
        lock (_gate)
        {
            return token is null || !_accessTokens.TryGetValue(token, out var expires) ? TikTokShopSimulatorCodes.InvalidCredentials
                : expires <= Now ? TikTokShopSimulatorCodes.AccessTokenExpired
                : 0;
        }
    }

    private TikTokShopSimulatorAnswer? Credentials(string? appKey, string? appSecret) =>
        appKey == Options.AppKey && appSecret == Options.AppSecret ? null
            : TikTokShopSimulatorAnswer.Fail(TikTokShopSimulatorCodes.InvalidCredentials, "app_key or app_secret is invalid");

    private TikTokShopSimulatorAnswer TokenAnswerLocked()
    {
        var (access, refresh) = NewPairLocked();
        return TikTokShopSimulatorAnswer.Ok(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["access_token_expire_in"] = _accessTokens[access].ToUnixTimeSeconds(),
            ["refresh_token"] = refresh,
            ["refresh_token_expire_in"] = _refreshTokens[refresh].ToUnixTimeSeconds(),
            ["open_id"] = "sim-open-id",
            ["seller_name"] = Options.ShopName,
            ["seller_base_region"] = "VN",
            ["user_type"] = 0,
            ["granted_scopes"] = new[] { "seller.product.basic", "seller.product.write" },
        });
    }

    private (string AccessToken, string RefreshToken) NewPairLocked()
    {
        var access = "ROW_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var refresh = "ROW_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _accessTokens[access] = Now + Options.AccessTokenLifetime;
        _refreshTokens[refresh] = Now + Options.RefreshTokenLifetime;
        return (access, refresh);
    }
}
