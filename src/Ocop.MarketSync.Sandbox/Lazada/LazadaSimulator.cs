using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Lazada;

/// <summary>
/// A stateful Lazada Open Platform for one app and one shop: products by item id and seller SKU with their update
/// times, tokens issued from one-time codes and rotated on refresh, and the gateway's checks (see
/// <see cref="LazadaSimulatorEndpoints"/>). It never calls out (no push is sent; <see cref="SignPush"/> signs one
/// for tests). Thread-safe.
/// </summary>
public sealed partial class LazadaSimulator(LazadaSimulatorOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, LazadaSimulatorItem> _items = [];
    private readonly Dictionary<string, long> _itemBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private long _nextItemId = 3_000_000_001;
    private long _nextRequest;
    private double _bucket = options.RequestsPerSecond;
    private DateTimeOffset _bucketAt = time.GetUtcNow();

    public LazadaSimulatorOptions Options { get; } = options;

    internal TimeProvider Time { get; } = time;

    public IReadOnlyList<LazadaSimulatorItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values];
            }
        }
    }

    public LazadaSimulatorItem? FindBySku(string sellerSku)
    {
        lock (_gate)
        {
            return _itemBySku.TryGetValue(sellerSku, out var id) ? _items[id] : null;
        }
    }

    /// <summary>Calls answered per API path (refused ones included).</summary>
    public int Calls(string apiPath)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(apiPath);
        }
    }

    /// <summary>A seller consented: the one-time code the callback would receive.</summary>
    public string IssueCode()
    {
        var code = "0_" + Options.AppKey + "_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        lock (_gate)
        {
            _codes[code] = Time.GetUtcNow() + Options.CodeLifetime;
        }

        return code;
    }

    /// <summary>The seller revoked the app, or Lazada invalidated the token early: calls with it get <c>IllegalAccessToken</c>.</summary>
    public void RevokeAccessToken(string accessToken)
    {
        lock (_gate)
        {
            _accessTokens.Remove(accessToken);
        }
    }

    /// <summary>Signs a push message as Lazada would, for webhook tests.</summary>
    public string SignPush(byte[] body) => LazadaSimulatorSignature.Push(Options.AppKey, Options.AppSecret, body);

    internal string NextRequestId(string apiPath)
    {
        lock (_gate)
        {
            _calls[apiPath] = _calls.GetValueOrDefault(apiPath) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"0b8f{++_nextRequest:D12}");
        }
    }

    internal bool TryTakeCall()
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            _bucket = Math.Min(Options.RequestsPerSecond, _bucket + ((now - _bucketAt).TotalSeconds * Options.RequestsPerSecond));
            _bucketAt = now;
            if (_bucket < 1)
            {
                return false;
            }

            _bucket--;
            return true;
        }
    }

    internal bool IsValidAccessToken(string? token)
    {
        lock (_gate)
        {
            return token is not null && _accessTokens.TryGetValue(token, out var expires) && expires > Time.GetUtcNow();
        }
    }

    /// <summary><c>/auth/token/create</c>: a code works once, within its lifetime.</summary>
    internal JsonObject CreateToken(string? code)
    {
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out var expires) || expires <= Time.GetUtcNow())
            {
                throw new LazadaSimulatorError("InvalidCode", "Invalid authorization code: it is more than half an hour old or was already used");
            }

            return IssueTokensLocked();
        }
    }

    /// <summary><c>/auth/token/refresh</c>: a new pair each time; the old refresh token stops working at once.</summary>
    internal JsonObject RefreshToken(string? refreshToken)
    {
        lock (_gate)
        {
            if (refreshToken is null || !_refreshTokens.Remove(refreshToken, out var expires) || expires <= Time.GetUtcNow())
            {
                throw new LazadaSimulatorError("IllegalRefreshToken", "The specified refresh token is invalid or expired");
            }

            return IssueTokensLocked();
        }
    }

    private JsonObject IssueTokensLocked()
    {
        var now = Time.GetUtcNow();
        var access = "50000" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var refresh = "50001" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[access] = now + Options.AccessTokenLifetime;
        _refreshTokens[refresh] = now + Options.RefreshTokenLifetime;
        return new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["expires_in"] = (long)Options.AccessTokenLifetime.TotalSeconds,
            ["refresh_expires_in"] = (long)Options.RefreshTokenLifetime.TotalSeconds,
            ["account"] = "shop@example.vn",
            ["account_platform"] = "seller_center",
            ["country"] = Options.Country,
            ["country_user_info"] = new JsonArray(new JsonObject
            {
                ["country"] = Options.Country,
                ["seller_id"] = Options.SellerId,
                ["user_id"] = "100" + Options.SellerId,
                ["short_code"] = "VN1ABCDE",
            }),
        };
    }
}
