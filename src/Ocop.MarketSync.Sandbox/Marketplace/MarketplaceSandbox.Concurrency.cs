namespace Ocop.MarketSync.Sandbox.Marketplace;

public sealed partial class MarketplaceSandbox
{
    private int _inFlight;
    private int _maxInFlight;
    private SemaphoreSlim? _workers;

    /// <summary>
    /// Waits for one of the shop's workers (<see cref="MarketplaceSandboxFaultOptions.Workers"/>) and holds it until the
    /// returned scope is disposed; no wait without that bound.
    /// </summary>
    internal async Task<IDisposable?> TakeWorkerAsync(CancellationToken cancellationToken)
    {
        if (Options.Faults.Workers is not { } workers)
        {
            return null;
        }

        var gate = LazyInitializer.EnsureInitialized(ref _workers, () => new SemaphoreSlim(workers, workers));
        await gate.WaitAsync(cancellationToken);
        return new Once(() => gate.Release());
    }

    /// <summary>
    /// The most API requests this shop had in flight at once. With one sequential pusher per channel this stays 1
    /// however many nodes run: the scale-out test reads it to prove two nodes never pushed one channel together.
    /// </summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Counts a request in flight until the returned scope is disposed.</summary>
    internal IDisposable EnterRequest()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        return new Once(() => Interlocked.Decrement(ref _inFlight));
    }

    /// <summary>Runs its action on the first Dispose only: a scope disposed twice must not count or release twice.</summary>
    private sealed class Once(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }
        }
    }
}
