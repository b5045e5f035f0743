using Hangfire;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.Sync.Listings.Reconciliation;

/// <summary>
/// <c>reconcile:{channel}</c>: nightly, and on demand (staff API). One reconciliation per channel at a time across
/// nodes. The class, namespace and methods are a persisted contract of Hangfire.
/// </summary>
public sealed class ReconcileChannelJob(MarketSyncDbContext db, ChannelReconciler reconciler, ExclusiveRun exclusive, IntakeClock clock)
{
    /// <summary>The scheduled run: records a run, then reconciles.</summary>
    [JobDisplayName("Reconcile channel {0}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunScheduledAsync(string channelId, CancellationToken cancellationToken)
    {
        var run = new ReconciliationRun { ChannelId = channelId, RequestedBy = "schedule", Status = ReconciliationStatus.Queued, RequestedAt = clock.UtcNow };
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return await RunAsync(channelId, run.Id, cancellationToken);
    }

    /// <summary>A run recorded beforehand (by the staff API, which returns its id at once).</summary>
    [JobDisplayName("Reconcile channel {0} (run {1})")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(string channelId, long runId, CancellationToken cancellationToken)
    {
        // No Hangfire retry: a failed walk is recorded in its report, and the next night (or staff) runs it again.
        string? summary = null;
        var ran = await exclusive.RunAsync($"reconcile:{channelId}", async () => summary = JobSummaries.Of(await reconciler.RunAsync(runId, cancellationToken)), rerun: false);
        if (!ran)
        {
            await db.ReconciliationRuns.Where(r => r.Id == runId && r.Status == ReconciliationStatus.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ReconciliationStatus.Failed)
                    .SetProperty(r => r.FinishedAt, clock.UtcNow)
                    .SetProperty(r => r.Error, "skipped: another reconciliation of this channel was running"), CancellationToken.None);
        }

        return summary ?? JobSummaries.Skipped;
    }
}
