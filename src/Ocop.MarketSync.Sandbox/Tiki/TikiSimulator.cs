using System.Collections.Concurrent;
using System.Globalization;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// A stateful Tiki for tests and demos, speaking the seller API's wire format (see <see cref="TikiSimulatorEndpoints"/>):
/// one seller, product requests reviewed over time (<see cref="TikiSimulatorOptions.ReviewStepDelay"/> per state, on
/// the simulator's <see cref="TimeProvider"/>), products, OAuth2 tokens and an event queue. Thread-safe; tests change
/// it while it serves. It never calls anything outward.
/// </summary>
public sealed partial class TikiSimulator
{
    /// <summary>Tiki's times are Vietnam wall-clock time (UTC+7).</summary>
    internal static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    internal const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, TikiSimulatorProduct> _products = [];
    private readonly Dictionary<string, TikiSimulatorRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly SandboxTokenBucket _bucket;
    private readonly TimeProvider _time;
    private long _nextProductId = 270_000_000;
    private long _sequence;

    public TikiSimulator(TikiSimulatorOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new TikiSimulatorOptions();
        _time = time ?? TimeProvider.System;
        _bucket = new SandboxTokenBucket(Options.RequestsPerSecond, Options.Burst, _time);
    }

    public TikiSimulatorOptions Options { get; }

    /// <summary>A snapshot of every product, by id.</summary>
    public IReadOnlyList<TikiSimulatorProduct> Products
    {
        get
        {
            lock (_gate)
            {
                AdvanceLocked();
                return [.. _products.Values];
            }
        }
    }

    public TikiSimulatorProduct? Get(long productId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            return _products.GetValueOrDefault(productId);
        }
    }

    /// <summary>Requests refused before reaching an operation, by reason (expired token, rate limit…).</summary>
    public ConcurrentDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls that reached route <paramref name="route"/> (e.g. <c>PUT /integration/v2.1/products/updateSkus</c>), refused ones included.</summary>
    public int Calls(string route) => _calls.GetValueOrDefault(route);

    internal void RecordCall(string route) => _calls.AddOrUpdate(route, 1, (_, n) => n + 1);

    internal void RecordRefusal(string reason) => Refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal DateTimeOffset Now => _time.GetUtcNow();

    internal bool TryTake(out TimeSpan retryAfter) => _bucket.TryTake(out retryAfter);

    internal static string Date(DateTimeOffset instant) => instant.ToOffset(Offset).ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseDate(string? text) =>
        DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, Offset) : null;

    private string NextId(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{++_sequence:D8}");

    /// <summary>The product as the API shows it, with <c>include=inventory</c>.</summary>
    internal static object Wire(TikiSimulatorProduct p) => new
    {
        product_id = p.ProductId,
        sku = "TK" + p.ProductId.ToString(CultureInfo.InvariantCulture),
        original_sku = p.OriginalSku,
        name = p.Name,
        price = p.Price,
        market_price = p.MarketPrice,
        active = p.Active ? 1 : 0,
        created_at = Date(p.CreatedAt),
        updated_at = Date(p.UpdatedAt),
        inventory = new
        {
            quantity = p.Quantity,
            quantity_available = p.Quantity,
            quantity_reserved = p.Reserved,
            quantity_sellable = Math.Max(0, p.Quantity - p.Reserved),
        },
    };
}
