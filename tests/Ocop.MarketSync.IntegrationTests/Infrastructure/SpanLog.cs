using System.Collections;
using System.Diagnostics;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The spans the shared service host ended, as OpenTelemetry's in-memory exporter hands them over; readable while the
/// service keeps adding. Database spans that start a trace of their own (Hangfire polling its queues) are dropped,
/// and the log is bounded, so a long test run does not keep millions of them.
/// </summary>
public sealed class SpanLog : ICollection<Activity>
{
    private const int Capacity = 200_000;
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Source.Name == "Npgsql" && item.ParentSpanId == default)
        {
            return;
        }

        lock (_gate)
        {
            if (_spans.Count >= Capacity)
            {
                _spans.RemoveRange(0, Capacity / 10);
            }

            _spans.Add(item);
        }
    }

    /// <summary>A copy of the spans ended so far.</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _spans];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
