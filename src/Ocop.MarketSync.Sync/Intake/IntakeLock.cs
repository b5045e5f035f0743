using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// One intake at a time per source, across all nodes: a Hangfire distributed lock shared by the incremental
/// and the full pull (DisableConcurrentExecution would only keep each job from overlapping with itself).
/// </summary>
public sealed class IntakeLock(JobStorage storage, ILogger<IntakeLock> logger)
{
    /// <summary>Runs <paramref name="work"/> under the lock; when another run holds it, logs and skips (the schedule will come back).</summary>
    public async Task RunExclusiveAsync(string source, Func<Task> work)
    {
        using var connection = storage.GetConnection();
        IDisposable lease;
        try
        {
            lease = connection.AcquireDistributedLock($"marketsync:intake:{source}", TimeSpan.FromSeconds(5));
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogInformation("Intake of {Source} is already running on another worker; this run is skipped", source);
            return;
        }

        using (lease)
        {
            await work();
        }
    }
}
