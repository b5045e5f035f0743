using System.Globalization;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// A stateful marketplace shop for tests, demos and benchmarks: items keyed by remote id, batch writes with
/// per-item errors, lookups by seller SKU and cursor paging, plus counters that tell what a client did to it
/// (calls, creates, duplicate SKUs, stock peaks). Thread-safe; tests change it while it serves.
/// </summary>
/// <remarks>
/// Like real marketplaces it accepts a second item with a seller SKU that already exists: that duplicate is what
/// the sync engine must never cause, so it is allowed here and counted (<see cref="DuplicateSkuCount"/>).
/// </remarks>
public sealed partial class MarketplaceSandbox
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, MarketplaceSandboxItem> _items = [];
    private readonly Dictionary<string, long> _sequenceById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<long>> _sequencesBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxStockBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<MarketplaceSandboxEndpoint, int> _calls = [];
    private readonly TimeProvider _time;
    private long _sequence;
    private long _requests;
    private int _itemsCreated;

    public MarketplaceSandbox(MarketplaceSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new MarketplaceSandboxOptions();
        _time = time ?? TimeProvider.System;
        Faults = new MarketplaceSandboxFaults(Options.Faults);
        RateLimit = new SandboxTokenBucket(Options.RequestsPerSecond, Options.Burst, _time);
    }

    public MarketplaceSandboxOptions Options { get; }

    public MarketplaceSandboxFaults Faults { get; }

    internal SandboxTokenBucket RateLimit { get; }

    /// <summary>A snapshot of every item, in creation order.</summary>
    public IReadOnlyList<MarketplaceSandboxItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values];
            }
        }
    }

    /// <summary>Items created through the API (orphans inserted by tests not included).</summary>
    public int ItemsCreated
    {
        get
        {
            lock (_gate)
            {
                return _itemsCreated;
            }
        }
    }

    /// <summary>How many seller SKUs have more than one item now (deleted items no longer count).</summary>
    public int DuplicateSkuCount
    {
        get
        {
            lock (_gate)
            {
                return _sequencesBySku.Values.Count(s => s.Count > 1);
            }
        }
    }

    public MarketplaceSandboxItem? Get(string remoteId)
    {
        lock (_gate)
        {
            return _sequenceById.TryGetValue(remoteId, out var sequence) ? _items[sequence] : null;
        }
    }

    /// <summary>Every item with this seller SKU (more than one is a duplicate), in creation order.</summary>
    public IReadOnlyList<MarketplaceSandboxItem> FindBySku(string sellerSku) => FindBySkus([sellerSku]);

    /// <summary>Every item with one of these seller SKUs, in creation order.</summary>
    public IReadOnlyList<MarketplaceSandboxItem> FindBySkus(IEnumerable<string> sellerSkus)
    {
        lock (_gate)
        {
            return [.. sellerSkus.Distinct(StringComparer.Ordinal)
                .SelectMany(sku => _sequencesBySku.TryGetValue(sku, out var sequences) ? sequences : [])
                .Order()
                .Select(sequence => _items[sequence])];
        }
    }

    /// <summary>API calls that reached <paramref name="endpoint"/>, refused ones (429, 503, 400) included.</summary>
    public int Calls(MarketplaceSandboxEndpoint endpoint)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(endpoint);
        }
    }

    /// <summary>The highest stock the API ever set for this SKU (create or stock update; test edits not counted).</summary>
    public int? MaxStockSet(string sellerSku)
    {
        lock (_gate)
        {
            return _maxStockBySku.TryGetValue(sellerSku, out var max) ? max : null;
        }
    }

    /// <summary>
    /// One page of items in creation order after <paramref name="pageToken"/>, filtered by SKU prefix and by
    /// <c>updatedAt</c> strictly after <paramref name="updatedAfter"/>.
    /// </summary>
    /// <exception cref="FormatException">The page token is not one this marketplace gave out.</exception>
    public SandboxItemsResponse Page(string? skuPrefix, DateTimeOffset? updatedAfter, string? pageToken, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = ParsePageToken(pageToken);
        lock (_gate)
        {
            var matching = _items.Where(kv => kv.Key > after
                && (string.IsNullOrEmpty(skuPrefix) || kv.Value.SellerSku.StartsWith(skuPrefix, StringComparison.Ordinal))
                && (updatedAfter is null || kv.Value.UpdatedAt > updatedAfter))
                .Select(kv => kv.Value)
                .Take(pageSize + 1)
                .ToList();
            if (matching.Count <= pageSize)
            {
                return new SandboxItemsResponse(matching);
            }

            matching.RemoveAt(pageSize);
            return new SandboxItemsResponse(matching, FormatPageToken(matching[^1].Sequence));
        }
    }

    internal void RecordCall(MarketplaceSandboxEndpoint endpoint)
    {
        lock (_gate)
        {
            _calls[endpoint] = _calls.GetValueOrDefault(endpoint) + 1;
        }
    }

    internal string NextRequestId() =>
        "req-" + Interlocked.Increment(ref _requests).ToString("D6", CultureInfo.InvariantCulture);

    private static long ParsePageToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        return token.StartsWith('n')
            && long.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new FormatException($"'{token}' is not a page token of this marketplace.");
    }

    private static string FormatPageToken(long sequence) => "n" + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores a new item: the id, URL and sequence of <paramref name="draft"/> are assigned here.</summary>
    private MarketplaceSandboxItem AddLocked(MarketplaceSandboxItem draft)
    {
        var sequence = ++_sequence;
        var remoteId = "itm-" + sequence.ToString("D6", CultureInfo.InvariantCulture);
        var item = draft with
        {
            RemoteId = remoteId,
            Url = new Uri(Options.ItemUrlBase, remoteId).ToString(),
            Sequence = sequence,
            UpdatedAt = _time.GetUtcNow(),
        };
        _items[sequence] = item;
        _sequenceById[remoteId] = sequence;
        if (!_sequencesBySku.TryGetValue(item.SellerSku, out var sequences))
        {
            _sequencesBySku[item.SellerSku] = sequences = [];
        }

        sequences.Add(sequence);
        return item;
    }

    private void NoteStockSetLocked(string sellerSku, int stock) =>
        _maxStockBySku[sellerSku] = Math.Max(stock, _maxStockBySku.GetValueOrDefault(sellerSku, int.MinValue));
}
