using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ocop.MarketSync.Sandbox.Registry;

/// <summary>
/// A stateful OCOP registry: products in change order, each change moving a product to the end of the feed,
/// as the contract in docs/registry-api.yaml describes. Thread-safe; tests and demos change it while it serves.
/// </summary>
public sealed class RegistrySandbox
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, JsonObject> _feed = [];
    private readonly Dictionary<string, long> _positionById = new(StringComparer.Ordinal);
    private long _sequence;

    public RegistrySandbox(IEnumerable<JsonObject> products)
    {
        foreach (var product in products)
        {
            Upsert(product);
        }
    }

    public RegistrySandboxFaults Faults { get; } = new();

    /// <summary>What the service wrote back (listing states and URLs), by idempotency key.</summary>
    public RegistryWriteBackLog WriteBacks { get; } = new();

    /// <summary>Raised after a product was added, changed or withdrawn (outside the lock), with its registry id.</summary>
    public event Action<string>? Changed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _feed.Count;
            }
        }
    }

    /// <summary>The 60 sample products shipped with the project (shared/data/ocop-products.json).</summary>
    public static RegistrySandbox FromSampleData() => FromJson(OpenSampleData());

    /// <summary>
    /// <paramref name="count"/> products made from the eligible physical goods of the sample data (so each becomes a
    /// listing on every channel), ids <c>{prefix}000000</c>…, prices varying: for load tests and benchmarks.
    /// </summary>
    /// <param name="imagesPerProduct">
    /// When above 0, each product gets this many pictures of its own (<c>https://cdn.example.com/ocop/{id}/{n}.jpg</c>)
    /// instead of its sample's 1–2, so a marketplace that needs one upload per picture sees a realistic count.
    /// </param>
    public static RegistrySandbox GeneratedGoods(int count, string prefix = "BEN-", int imagesPerProduct = 0)
    {
        using var stream = OpenSampleData();
        var sample = JsonNode.Parse(stream)!.AsArray().OfType<JsonObject>()
            .Where(p => p["groupCode"]?.GetValue<string>() != "VI" && p["priceVnd"] is not null)
            .Where(p => p["registryId"]!.GetValue<string>() is not ("REG-00008" or "REG-00040"))
            .ToList();
        return new RegistrySandbox(Enumerable.Range(0, count).Select(i =>
        {
            var product = (JsonObject)sample[i % sample.Count].DeepClone();
            var registryId = prefix + i.ToString("D6", CultureInfo.InvariantCulture);
            product["registryId"] = registryId;
            product["priceVnd"] = 20000 + (i % 500 * 1000);
            if (imagesPerProduct > 0)
            {
                product["images"] = new JsonArray([.. Enumerable.Range(1, imagesPerProduct)
                    .Select(n => (JsonNode)JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"https://cdn.example.com/ocop/{registryId}/{n}.jpg")))]);
            }

            return product;
        }));
    }

    public static RegistrySandbox FromFile(string path)
    {
        using var stream = File.OpenRead(path);
        return FromJson(stream);
    }

    public static Stream OpenSampleData() =>
        typeof(RegistrySandbox).Assembly.GetManifestResourceStream("ocop-products.json")
        ?? throw new InvalidOperationException("The embedded sample data ocop-products.json is missing from the build.");

    private static RegistrySandbox FromJson(Stream stream)
    {
        var array = JsonNode.Parse(stream) as JsonArray
            ?? throw new InvalidOperationException("Registry sandbox data must be a JSON array of products.");
        return new RegistrySandbox(array.OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone()));
    }

    /// <summary>Adds or replaces a product (matched on registryId); it moves to the end of the change feed.</summary>
    public void Upsert(JsonObject product)
    {
        var id = product["registryId"]?.GetValue<string>()
            ?? throw new ArgumentException("A sandbox product needs a registryId.", nameof(product));
        lock (_gate)
        {
            if (_positionById.Remove(id, out var old))
            {
                _feed.Remove(old);
            }

            var position = ++_sequence;
            _feed[position] = product;
            _positionById[id] = position;
        }

        Changed?.Invoke(id);
    }

    /// <summary>Changes a product in place (through a copy) and moves it to the end of the feed.</summary>
    public void Change(string registryId, Action<JsonObject> change)
    {
        var copy = Get(registryId) ?? throw new KeyNotFoundException($"No sandbox product {registryId}.");
        change(copy);
        Upsert(copy);
    }

    /// <summary>Withdraws a product: it disappears from the feed, as from a registry export.</summary>
    public bool Remove(string registryId)
    {
        bool removed;
        lock (_gate)
        {
            removed = _positionById.Remove(registryId, out var position) && _feed.Remove(position);
        }

        if (removed)
        {
            Changed?.Invoke(registryId);
        }

        return removed;
    }

    public JsonObject? Get(string registryId)
    {
        lock (_gate)
        {
            return _positionById.TryGetValue(registryId, out var position) ? (JsonObject)_feed[position].DeepClone() : null;
        }
    }

    public IReadOnlyList<string> Ids()
    {
        lock (_gate)
        {
            return [.. _feed.Values.Select(p => p["registryId"]!.GetValue<string>())];
        }
    }

    /// <summary>One page of the change feed after <paramref name="cursor"/>, serialised as the contract's envelope.</summary>
    public string GetChangesJson(string? cursor, int limit)
    {
        var after = ParseCursor(cursor);
        lock (_gate)
        {
            var items = _feed.Where(kv => kv.Key > after).Take(limit).ToList();
            var last = items.Count > 0 ? items[^1].Key : after;
            var envelope = new JsonObject
            {
                ["items"] = new JsonArray([.. items.Select(kv => kv.Value.DeepClone())]),
                ["nextCursor"] = FormatCursor(last),
                ["hasMore"] = _feed.Keys.Any(k => k > last),
            };
            return envelope.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }

    /// <summary>The feed position a cursor stands for (0: the beginning).</summary>
    public static long ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        return cursor.StartsWith("c", StringComparison.Ordinal)
            && long.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new FormatException($"'{cursor}' is not a cursor of this registry.");
    }

    private static string FormatCursor(long position) => "c" + position.ToString(CultureInfo.InvariantCulture);
}
