using System.Security.Cryptography;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// The OAuth2 server: one-time codes (<see cref="IssueCode"/>), client_credentials tokens without a refresh token,
/// and refresh tokens that rotate (the old one stops working at once, so a lost new one means authorising again).
/// </summary>
public sealed partial class TikiSimulator
{
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Refreshes and client_credentials grants that succeeded.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>What the seller's browser brings back to the redirect URI after consenting.</summary>
    public string IssueCode()
    {
        lock (_gate)
        {
            var code = "code-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            _codes[code] = Now + Options.AuthCodeLifetime;
            return code;
        }
    }

    /// <summary>Tokens as if a code had been exchanged, for tests that do not exercise the exchange.</summary>
    public (string AccessToken, string RefreshToken) IssueTokens()
    {
        lock (_gate)
        {
            var (access, refresh) = NewPairLocked(withRefresh: true);
            return (access, refresh!);
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

    internal bool IsValidAccessToken(string? token)
    {
        lock (_gate)
        {
            return token is not null && _accessTokens.TryGetValue(token, out var expires) && expires > Now;
        }
    }

    /// <param name="form">The form fields.</param>
    /// <param name="basic">The decoded <c>client_id:client_secret</c> of a Basic header, or null.</param>
    internal TikiSimulatorAnswer Token(IReadOnlyDictionary<string, string> form, (string Id, string Secret)? basic)
    {
        lock (_gate)
        {
            var client = Options.ClientAuth == TikiSimulatorClientAuth.Basic ? basic
                : form.TryGetValue("client_id", out var id) && form.TryGetValue("client_secret", out var secret) ? (id, secret) : null;
            if (client is not { } c || c.Id != Options.ClientId || c.Secret != Options.ClientSecret)
            {
                return OAuthError(401, "invalid_client", $"Client authentication failed (this app uses {Options.ClientAuth}).");
            }

            switch (form.GetValueOrDefault("grant_type"))
            {
                case "client_credentials":
                    return Issued(withRefresh: false);
                case "authorization_code":
                    return form.TryGetValue("code", out var code) && _codes.Remove(code, out var expires) && expires > Now
                        ? Issued(withRefresh: true)
                        : OAuthError(400, "invalid_grant", "The authorization code is invalid, used or expired.");
                case "refresh_token":
                    // Rotation: the presented refresh token is spent whatever happens next.
                    return form.TryGetValue("refresh_token", out var refresh) && _refreshTokens.Remove(refresh)
                        ? Issued(withRefresh: true)
                        : OAuthError(400, "invalid_grant", "The refresh token is invalid or was already used.");
                default:
                    return OAuthError(400, "unsupported_grant_type", $"grant_type '{form.GetValueOrDefault("grant_type")}' is not supported.");
            }
        }
    }

    private TikiSimulatorAnswer Issued(bool withRefresh)
    {
        var (access, refresh) = NewPairLocked(withRefresh);
        TokensIssued++;
        return TikiSimulatorAnswer.Ok(new
        {
            access_token = access,
            expires_in = (long)Options.AccessTokenLifetime.TotalSeconds,
            refresh_token = refresh,
            scope = withRefresh ? "offline product inventory" : "product inventory",
            token_type = "bearer",
        });
    }

    private (string Access, string? Refresh) NewPairLocked(bool withRefresh)
    {
        var access = "tk-at-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _accessTokens[access] = Now + Options.AccessTokenLifetime;
        string? refresh = null;
        if (withRefresh)
        {
            refresh = "tk-rt-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            _refreshTokens.Add(refresh);
        }

        return (access, refresh);
    }

    private static TikiSimulatorAnswer OAuthError(int status, string error, string description) =>
        new(status, new { error, error_description = description });
}
