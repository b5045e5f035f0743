using Hangfire;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.Sync.Intake.Jobs;

/// <summary>Recurring <c>registry-pull</c>: incremental intake from the stored cursor.</summary>
/// <remarks>
/// Hangfire retries a failed pull three times over ~20 minutes; the HTTP pipeline has already retried each
/// request for seconds. The next scheduled run would catch up anyway (docs/decisions/0002-retry-layers.md).
/// The class, namespace and method are a persisted contract of Hangfire: rename only with a migration plan.
/// </remarks>
[Queue(IntakeQueues.Intake)]
public sealed class RegistryPullJob(
    RegistryIntake intake, ExclusiveRun exclusive, RegistryChangeNotifications notifications, IOptions<RegistryOptions> registry)
{
    [JobDisplayName("Registry pull (incremental)")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        string? summary = null;
        var ran = await exclusive.RunAsync($"intake:{registry.Value.SourceName}", async () =>
        {
            // Before reading: a change notified from here on is not covered by this pull, so it queues another.
            await notifications.PullStartingAsync(cancellationToken);
            try
            {
                summary = JobSummaries.Of(await intake.PullIncrementalAsync(cancellationToken));
            }
            catch (RegistryPageException ex)
            {
                throw JobSummaries.RegistryFailed(ex);
            }
        });
        return ran ? summary ?? JobSummaries.Skipped : JobSummaries.Skipped;
    }
}
