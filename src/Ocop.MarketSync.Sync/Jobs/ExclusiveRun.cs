using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Runs work under a Hangfire distributed lock, so at most one run per resource exists across all nodes (one
/// intake per source, one pusher per channel: rate limits hold however many nodes there are). A run that finds
/// the lock taken is skipped, not failed: the schedule or the next trigger comes back.
/// </summary>
public sealed class ExclusiveRun(JobStorage storage, ILogger<ExclusiveRun> logger)
{
    public async Task RunAsync(string resource, Func<Task> work)
    {
        using var connection = storage.GetConnection();
        IDisposable lease;
        try
        {
            lease = connection.AcquireDistributedLock($"marketsync:{resource}", TimeSpan.FromSeconds(5));
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogInformation("{Resource} is already running on another worker; this run is skipped", resource);
            return;
        }

        using (lease)
        {
            await work();
        }
    }
}
