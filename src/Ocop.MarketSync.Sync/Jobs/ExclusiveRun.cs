using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Runs work under a run lock (<see cref="IRunLocks"/>), so at most one run per resource exists across all nodes
/// (one intake per source, one pusher per channel: rate limits hold however many nodes there are), and a node that
/// dies mid-run leaves nothing behind that blocks the next one.
/// </summary>
/// <remarks>
/// A run that finds the lock taken is not simply dropped when <c>rerun</c> is asked for: it leaves a request
/// (<see cref="RunRequests"/>) and the holder runs its work once more when done. Without this, a registry change
/// arriving while its channel is being pushed would wait for the next schedule (a minute) instead of seconds. The
/// holder checks for requests after releasing the lock and the requester tries the lock again after leaving its
/// request, so whichever comes second sees the other: a request is never stranded.
/// </remarks>
public sealed class ExclusiveRun(IRunLocks locks, RunRequests requests, ILogger<ExclusiveRun> logger)
{
    /// <summary>Bounds the loop: a resource requested faster than it runs still yields its worker now and then.</summary>
    private const int MaxRounds = 20;

    /// <summary>
    /// Short: a run that finds the lock held leaves a request and goes, so it must not hold a Hangfire worker for
    /// long (several such waits starved the workers a triggered pull needed). The second try only has to outlast
    /// the holder's check after it released.
    /// </summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(1);

    /// <summary>The request flag a trigger leaves when it finds <paramref name="resource"/> running.</summary>
    public static string RerunKey(string resource) => "rerun:" + resource;

    /// <param name="rerun">
    /// Run the work again when another trigger arrived meanwhile (incremental pulls, pushes). A full pull passes
    /// false: it is not what the trigger asked for, and the next incremental pull clears the request.
    /// </param>
    /// <returns>False when the work did not run here (the lock was held elsewhere).</returns>
    public async Task<bool> RunAsync(string resource, Func<Task> work, bool rerun = true)
    {
        var key = RerunKey(resource);
        for (var round = 0; round < MaxRounds; round++)
        {
            var lease = await locks.TryAcquireAsync(resource, LockWait, CancellationToken.None);
            if (lease is null && rerun)
            {
                await requests.SetAsync(key, CancellationToken.None);
                lease = await locks.TryAcquireAsync(resource, LockWait, CancellationToken.None);
            }

            if (lease is null)
            {
                logger.LogInformation("{Resource} is already running on another worker{Then}", resource, rerun ? "; it will run again when done" : string.Empty);
                return round > 0;
            }

            await using (lease)
            {
                await requests.ClearAsync(key, CancellationToken.None);
                await work();
            }

            if (!rerun || !await requests.IsSetAsync(key, CancellationToken.None))
            {
                return true;
            }

            logger.LogDebug("{Resource} was requested again while it ran; running once more", resource);
        }

        return true;
    }
}
