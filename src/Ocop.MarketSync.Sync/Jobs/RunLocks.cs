namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Locks that live exactly as long as their holder: released when the run ends, and at once when the holder's
/// process dies. One pusher per channel and one intake per source rest on these.
/// </summary>
/// <remarks>
/// Hangfire's own distributed lock on PostgreSQL is a row that lapses only after <c>DistributedLockTimeout</c>, so
/// a node killed mid-push blocked its channel for minutes (every run "already running on another worker"), even
/// after that node itself had restarted. A lock must not outlive the process that took it.
/// </remarks>
public interface IRunLocks
{
    /// <summary>Takes the lock of <paramref name="resource"/>, waiting up to <paramref name="wait"/> for its holder.</summary>
    /// <returns>The held lock (dispose to release), or null when someone else held it for the whole wait.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>
/// Locks inside one process: for the embedded default (SQLite, Hangfire in memory), where only one node can
/// run on the database. They die with the process by construction.
/// </summary>
public sealed class ProcessRunLocks : IRunLocks
{
    private readonly Dictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan wait, CancellationToken cancellationToken)
    {
        SemaphoreSlim semaphore;
        lock (_locks)
        {
            if (!_locks.TryGetValue(resource, out semaphore!))
            {
                semaphore = new SemaphoreSlim(1, 1);
                _locks.Add(resource, semaphore);
            }
        }

        return await semaphore.WaitAsync(wait, cancellationToken) ? new Held(semaphore) : null;
    }

    private sealed class Held(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
