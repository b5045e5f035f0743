using System.Collections.Concurrent;
using System.Globalization;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Sandbox.TikTokShop;

/// <summary>
/// A stateful TikTok Shop for tests and demos, speaking the Partner API's wire format (see
/// <see cref="TikTokShopSimulatorEndpoints"/>): one shop, products with one SKU each, uploaded images, auth codes and
/// tokens. Thread-safe; tests change it while it serves. It never calls anything outward (webhooks included).
/// </summary>
public sealed partial class TikTokShopSimulator
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, TikTokShopSimulatorProduct> _products = [];
    private readonly Dictionary<string, long> _sequenceById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _imageUris = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxTokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private long _requests;

    public TikTokShopSimulator(TikTokShopSimulatorOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new TikTokShopSimulatorOptions();
        _time = time ?? TimeProvider.System;
    }

    public TikTokShopSimulatorOptions Options { get; }

    /// <summary>A snapshot of every product (deleted ones included, with status DELETED), in creation order.</summary>
    public IReadOnlyList<TikTokShopSimulatorProduct> Products
    {
        get
        {
            lock (_gate)
            {
                return [.. _products.Values];
            }
        }
    }

    /// <summary>Requests refused before reaching an operation, by reason (bad sign, expired token, rate limit…).</summary>
    public ConcurrentDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public TikTokShopSimulatorProduct? Get(string productId)
    {
        lock (_gate)
        {
            return _sequenceById.TryGetValue(productId, out var sequence) ? _products[sequence] : null;
        }
    }

    /// <summary>Every product (not deleted) with this seller SKU; more than one is a duplicate listing.</summary>
    public IReadOnlyList<TikTokShopSimulatorProduct> FindBySku(string sellerSku)
    {
        lock (_gate)
        {
            return [.. _products.Values.Where(p => p.SellerSku == sellerSku && p.Status != "DELETED")];
        }
    }

    /// <summary>Calls that reached API path template <paramref name="route"/> (e.g. <c>POST /product/202309/products</c>), refused ones included.</summary>
    public int Calls(string route) => _calls.GetValueOrDefault(route);

    internal void RecordCall(string route) => _calls.AddOrUpdate(route, 1, (_, n) => n + 1);

    internal void RecordRefusal(string reason) => Refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>TikTok-like request ids: a timestamp and a counter.</summary>
    internal string NextRequestId() => string.Create(CultureInfo.InvariantCulture,
        $"{_time.GetUtcNow():yyyyMMddHHmmss}{Interlocked.Increment(ref _requests):D10}SIM");

    /// <summary>One bucket per API path, as TikTok limits each API per app and shop.</summary>
    internal bool TryTake(string route) => Options.RequestsPerSecond <= 0
        || _buckets.GetOrAdd(route, _ => new SandboxTokenBucket(Options.RequestsPerSecond, Options.Burst, _time)).TryTake(out _);

    internal string AddImage()
    {
        lock (_gate)
        {
            var uri = "tos-alisg-i-sim/" + (++_sequence).ToString("D8", CultureInfo.InvariantCulture);
            _imageUris.Add(uri);
            return uri;
        }
    }

    internal bool HasImage(string uri)
    {
        lock (_gate)
        {
            return _imageUris.Contains(uri);
        }
    }

    /// <summary>Stores a new product; its ids, sequence and times are assigned here.</summary>
    private TikTokShopSimulatorProduct AddLocked(TikTokShopSimulatorProduct draft)
    {
        var sequence = ++_sequence;
        var now = _time.GetUtcNow();
        var product = draft with
        {
            Id = (1729592969712200000L + sequence).ToString(CultureInfo.InvariantCulture),
            SkuId = (1729592969712300000L + sequence).ToString(CultureInfo.InvariantCulture),
            Sequence = sequence,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _products[sequence] = product;
        _sequenceById[product.Id] = sequence;
        return product;
    }

    /// <summary>Applies <paramref name="change"/> to a product, bumping its update time; null when there is no such product.</summary>
    private TikTokShopSimulatorProduct? ChangeLocked(string productId, Func<TikTokShopSimulatorProduct, TikTokShopSimulatorProduct> change)
    {
        if (!_sequenceById.TryGetValue(productId, out var sequence) || _products[sequence].Status == "DELETED")
        {
            return null;
        }

        var before = _products[sequence];
        var after = change(before) with { Id = before.Id, SkuId = before.SkuId, Sequence = sequence, UpdatedAt = _time.GetUtcNow() };
        _products[sequence] = after;
        return after;
    }
}
