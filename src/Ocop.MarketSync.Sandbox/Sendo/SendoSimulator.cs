using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Sendo;

/// <summary>
/// A stateful, in-memory Sendo Open API for one shop: login with shop_key/secret_key (5 per second per IP, tokens
/// expiring by the injected clock), products created pending review and selling after a delay, updates refused for
/// pending, cancelled and deleted products, Sendo's content rules, cursor-paged search with date filters, and seller
/// centre drift. Thread-safe: one lock over the shop.
/// </summary>
public sealed partial class SendoSimulator(SendoSimulatorOptions options, TimeProvider? time = null)
{
    private readonly object _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<long, SendoSimulatorProduct> _products = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private long _nextId = 100_000;

    public SendoSimulatorOptions Options { get; } = options;

    /// <summary>Every API call ("POST /api/partner/product", …), in order: tests count what a push cost.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Logins refused for exceeding the per-IP limit.</summary>
    public int LoginsRefused { get; private set; }

    public IReadOnlyList<SendoSimulatorProduct> Products
    {
        get
        {
            lock (_gate)
            {
                return [.. _products.Keys.Select(Current)];
            }
        }
    }

    internal void Record(string call) => _calls.Enqueue(call);

    /// <summary><c>POST /login</c>: the shop's keys → a JWT-shaped token and its expiry; 429 beyond the per-IP rate.</summary>
    public SendoSimulatorAnswer Login(string? shopKey, string? secretKey, string clientIp)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var window = _logins.TryGetValue(clientIp, out var q) ? q : _logins[clientIp] = new Queue<DateTimeOffset>();
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromSeconds(1))
            {
                window.Dequeue();
            }

            if (Options.LoginsPerSecond > 0 && window.Count >= Options.LoginsPerSecond)
            {
                LoginsRefused++;
                return SendoSimulatorAnswer.Error(429, "TOO_MANY_REQUESTS", "Quá nhiều yêu cầu đăng nhập, vui lòng thử lại sau");
            }

            window.Enqueue(now);
        }

        if (!string.Equals(shopKey, Options.ShopKey, StringComparison.Ordinal) || !string.Equals(secretKey, Options.SecretKey, StringComparison.Ordinal))
        {
            return SendoSimulatorAnswer.Error(401, "INVALID_KEY", "shop_key hoặc secret_key không đúng");
        }

        var (token, expires) = IssueToken();
        return SendoSimulatorAnswer.Ok(new JsonObject { ["token"] = token, ["expires"] = expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>A token as the login hands out, without calling it (tests).</summary>
    public (string Token, DateTimeOffset Expires) IssueToken()
    {
        var expires = _time.GetUtcNow() + Options.TokenLifetime;
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"{B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{B64($"{{\"store_id\":{Options.StoreId},\"exp\":{expires.ToUnixTimeSeconds()}}}")}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        _tokens[token] = expires;
        return (token, expires);
    }

    /// <summary>Whether <paramref name="token"/> was issued here and has not expired.</summary>
    public bool Authorizes(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var expires) && _time.GetUtcNow() < expires;

    /// <summary>The product with review decided by the clock: pending turns selling once the review delay has passed.</summary>
    private SendoSimulatorProduct Current(long id)
    {
        var product = _products[id];
        if (product.Status == 1 && _time.GetUtcNow() >= product.CreatedAt + Options.ReviewDelay)
        {
            product = _products[id] = product with { Status = 2, UpdatedAt = product.CreatedAt + Options.ReviewDelay };
        }

        return product;
    }
}
