using Hangfire;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.Sync.Intake.Jobs;

/// <summary>Nightly <c>registry-full</c>: reads the whole registry and retires what it no longer holds (guarded).</summary>
[Queue(IntakeQueues.Intake)]
public sealed class RegistryFullPullJob(RegistryIntake intake, ExclusiveRun exclusive, IOptions<RegistryOptions> registry)
{
    [JobDisplayName("Registry full pull (nightly, retires withdrawn products)")]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        string? summary = null;
        var ran = await exclusive.RunAsync($"intake:{registry.Value.SourceName}", async () =>
        {
            try
            {
                summary = JobSummaries.Of(await intake.PullFullAsync(cancellationToken));
            }
            catch (RegistryPageException ex)
            {
                throw JobSummaries.RegistryFailed(ex);
            }
        }, rerun: false);
        return ran ? summary ?? JobSummaries.Skipped : JobSummaries.Skipped;
    }
}
