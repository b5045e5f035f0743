namespace Ocop.MarketSync.Sandbox.Registry;

/// <summary>One listing change as the registry received it through write-back.</summary>
public sealed record ReceivedWriteBack(
    string Key, string RegistryId, string Channel, string Marketplace, string? Url, string State, string? Reason, DateTimeOffset At, DateTimeOffset ReceivedAt,
    IReadOnlyList<RegistryWriteBackEndpoints.WriteBackReason>? Reasons = null);

/// <summary>A fault for the next write-back call(s): refuse before applying, or apply and lose the answer.</summary>
public enum WriteBackFault
{
    ServerError,
    LostResponse,
}

/// <summary>
/// What the registry sandbox received through write-back: each key applied once, later copies counted as
/// duplicates (the idempotency the contract promises), with faults to inject in tests.
/// </summary>
public sealed class RegistryWriteBackLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReceivedWriteBack> _byKey = new(StringComparer.Ordinal);
    private readonly List<ReceivedWriteBack> _applied = [];
    private readonly Queue<WriteBackFault> _faults = new();

    public int Calls { get; private set; }
    public int Duplicates { get; private set; }

    public IReadOnlyList<ReceivedWriteBack> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>The next calls fail this way, one fault per call, in order.</summary>
    public void Inject(params WriteBackFault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    internal WriteBackFault? TakeFault()
    {
        lock (_gate)
        {
            Calls++;
            return _faults.TryDequeue(out var fault) ? fault : null;
        }
    }

    /// <returns>"applied" or "duplicate" for the item.</returns>
    internal string Apply(ReceivedWriteBack item)
    {
        lock (_gate)
        {
            if (!_byKey.TryAdd(item.Key, item))
            {
                Duplicates++;
                return "duplicate";
            }

            _applied.Add(item);
            return "applied";
        }
    }
}
