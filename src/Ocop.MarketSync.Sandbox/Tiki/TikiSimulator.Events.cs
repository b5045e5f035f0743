using System.Text.Json;

namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>
/// The Event Queue (§5.6): queues, subscriptions by event type, and pulls. A pull that sends the previous batch's
/// ack_id acknowledges it; one that does not gets the same events again (at-least-once, in order).
/// </summary>
public sealed partial class TikiSimulator
{
    private readonly Dictionary<string, EventQueue> _queues = new(StringComparer.Ordinal);
    private long _eventSequence;

    /// <summary>Creates a queue subscribed to <paramref name="eventTypes"/> (what a set-up script does once); returns its code.</summary>
    public string CreateQueue(string name, params string[] eventTypes)
    {
        lock (_gate)
        {
            var code = NextId("q-");
            _queues[code] = new EventQueue(name);
            _queues[code].Types.UnionWith(eventTypes);
            return code;
        }
    }

    internal TikiSimulatorAnswer NewQueue(string? name) => TikiSimulatorAnswer.Ok(new { code = CreateQueue(name ?? "queue"), name });

    internal TikiSimulatorAnswer Subscribe(string code, string? eventType)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(code, out var queue))
            {
                return TikiSimulatorAnswer.Fail(404, $"Queue {code} not found");
            }

            if (string.IsNullOrWhiteSpace(eventType))
            {
                return TikiSimulatorAnswer.Invalid("event_type is required");
            }

            queue.Types.Add(eventType);
            return TikiSimulatorAnswer.Ok(new { queue_code = code, event_type = eventType });
        }
    }

    internal TikiSimulatorAnswer Pull(string code, string? ackId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            if (!_queues.TryGetValue(code, out var queue))
            {
                return TikiSimulatorAnswer.Fail(404, $"Queue {code} not found");
            }

            if (ackId is not null && ackId == queue.OutstandingAck)
            {
                queue.Pending.RemoveRange(0, queue.OutstandingCount);
                queue.OutstandingAck = null;
                queue.OutstandingCount = 0;
            }

            var batch = queue.Pending.Take(Options.MaxEventsPerPull).ToList();
            queue.OutstandingAck = batch.Count == 0 ? null : NextId("ack-");
            queue.OutstandingCount = batch.Count;
            return TikiSimulatorAnswer.Ok(new { ack_id = queue.OutstandingAck, events = batch });
        }
    }

    private void PublishLocked(string type, object payload)
    {
        foreach (var queue in _queues.Values.Where(q => q.Types.Contains(type)))
        {
            queue.Pending.Add(new
            {
                id = "evt-" + (++_eventSequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
                sid = Options.SellerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                created_at = Now.ToUnixTimeMilliseconds(),
                type,
                version = 2,
                payload = JsonSerializer.SerializeToElement(payload),
            });
        }
    }

    private sealed class EventQueue(string name)
    {
        public string Name { get; } = name;

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public List<object> Pending { get; } = [];

        public string? OutstandingAck { get; set; }

        public int OutstandingCount { get; set; }
    }
}
