using Hangfire;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Sync.Listings.Jobs;

/// <summary>
/// <c>push:{channel}</c>: plans what changed, then pushes the channel's dirty listings. Every minute as a safety
/// net and triggered after an intake that changed products; one run per channel at a time across nodes.
/// </summary>
/// <remarks>
/// One Hangfire retry only: failed listings already wait with their own backoff, and the next minute's run
/// picks them up. The class, namespace and method are a persisted contract of Hangfire.
/// </remarks>
public sealed class PushChannelJob(
    ListingPlanner planner,
    ListingPusher pusher,
    ListingClaimer claimer,
    ExclusiveRun exclusive,
    IProductChangeSignal signal,
    OperationalAlerts alerts,
    PushRunRecorder recorder,
    ILogger<PushChannelJob> logger)
{
    /// <summary>The run lock of a channel's pusher; planning that channel needs it too (<see cref="PlanningPass"/>).</summary>
    public static string Resource(string channelId) => "push:" + channelId;

    [JobDisplayName("Push listings to channel {0}")]
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(string channelId, CancellationToken cancellationToken)
    {
        string? result = null;
        var ran = await exclusive.RunAsync(Resource(channelId), async () =>
        {
            var orphaned = await claimer.ReleaseOrphanedAsync(channelId, cancellationToken);
            if (orphaned > 0)
            {
                logger.LogWarning("Push {Channel}: released {Count} claims left by a run that did not finish (its node stopped mid-push); those listings are pushed now",
                    channelId, orphaned);
            }

            var started = recorder.Now;
            await planner.PlanChangedAsync(channelId, cancellationToken);
            var summary = await pusher.PushAsync(channelId, cancellationToken);
            await recorder.RecordAsync(channelId, summary, started, CancellationToken.None);
            if (summary.StoppedBy is { } code)
            {
                await alerts.RaiseAsync(AlertKinds.ChannelStopped, channelId, code, summary.StopReason ?? code, since: null, CancellationToken.None);
            }
            else if (summary.Calls > 0)
            {
                // Only a run that reached the marketplace proves the channel works again; an idle run proves nothing.
                await alerts.ResolveAsync(AlertKinds.ChannelStopped, channelId, CancellationToken.None);
            }

            if (summary.WriteBacks > 0)
            {
                await signal.WriteBacksQueuedAsync(CancellationToken.None);
            }

            result = JobSummaries.Of(summary);
        });

        // Hangfire shows the returned line on the job's page: what this run did.
        return ran ? result ?? JobSummaries.Skipped : JobSummaries.Skipped;
    }
}

/// <summary>One Hangfire queue per marketplace, so a slow marketplace cannot starve the others.</summary>
public static class PushQueues
{
    public static string For(string marketplace) => "push_" + marketplace.ToLowerInvariant();
}
