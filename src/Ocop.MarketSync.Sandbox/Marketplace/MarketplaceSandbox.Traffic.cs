using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// What a rate-aware client is judged by, counted where the marketplace counts: when each API request arrived (real
/// time, even on a fake clock), how many were refused for the rate, and in which order each item's writes were applied.
/// </summary>
public sealed partial class MarketplaceSandbox
{
    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _writesBySku = new(StringComparer.Ordinal);
    private int _throttled;
    private int _updatesOfUnknownItems;

    /// <summary>Requests answered HTTP 429 by the token bucket (injected 429s are not counted).</summary>
    public int RefusedForRate => Volatile.Read(ref _throttled);

    /// <summary>Updates that named an item this shop does not have (e.g. a price sent before its create): answered not found.</summary>
    public int UpdatesOfUnknownItems => Volatile.Read(ref _updatesOfUnknownItems);

    /// <summary>All API requests that arrived so far.</summary>
    public int Arrivals => _arrivals.Count;

    /// <summary>The most requests that arrived within any window of <paramref name="window"/> (sliding, not aligned).</summary>
    public int MaxArrivalsInAnyWindow(TimeSpan window)
    {
        var times = _arrivals.ToArray();
        Array.Sort(times);
        var span = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var max = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= span)
            {
                first++;
            }

            max = Math.Max(max, last - first + 1);
        }

        return max;
    }

    /// <summary>Arrivals per second from the first to the last request.</summary>
    public double ArrivalRate()
    {
        var times = _arrivals.ToArray();
        if (times.Length < 2)
        {
            return 0;
        }

        var seconds = (double)(times.Max() - times.Min()) / Stopwatch.Frequency;
        return seconds <= 0 ? 0 : (times.Length - 1) / seconds;
    }

    /// <summary>
    /// Arrivals per second between the arrival at <paramref name="fromShare"/> of all and the one at
    /// <paramref name="toShare"/> (e.g. 0.1 and 0.9: the rate once warmed up, before the tail).
    /// </summary>
    public double ArrivalRateBetween(double fromShare, double toShare)
    {
        var times = _arrivals.ToArray();
        Array.Sort(times);
        var first = (int)(fromShare * (times.Length - 1));
        var last = (int)(toShare * (times.Length - 1));
        var seconds = (double)(times.Length == 0 ? 0 : times[last] - times[first]) / Stopwatch.Frequency;
        return seconds <= 0 ? 0 : (last - first) / seconds;
    }

    /// <summary>The writes applied to the item with this SKU, in order: "create", "stock", "status", "price", "content".</summary>
    public IReadOnlyList<string> WritesOf(string sellerSku) =>
        _writesBySku.TryGetValue(sellerSku, out var writes) ? [.. writes] : [];

    internal void NoteArrival() => _arrivals.Enqueue(Stopwatch.GetTimestamp());

    internal void NoteRefusedForRate() => Interlocked.Increment(ref _throttled);

    private void NoteWriteLocked(string sellerSku, string operation) =>
        _writesBySku.GetOrAdd(sellerSku, _ => new ConcurrentQueue<string>()).Enqueue(operation);

    private void NoteUnknownItemLocked() => Interlocked.Increment(ref _updatesOfUnknownItems);
}
