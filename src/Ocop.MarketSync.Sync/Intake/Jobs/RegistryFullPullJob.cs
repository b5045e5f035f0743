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
    public Task RunAsync(CancellationToken cancellationToken) =>
        exclusive.RunAsync($"intake:{registry.Value.SourceName}", () => intake.PullFullAsync(cancellationToken), rerun: false);
}
