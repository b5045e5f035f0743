using Hangfire;
using Ocop.MarketSync.Sync.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.Sync.Listings.Jobs;

/// <summary>
/// <c>plan</c>: after an intake that changed products, plans every channel in one pass (<see cref="PlanningPass"/>)
/// and triggers the pushes that have work. Triggers that arrive while it runs coalesce into one more round.
/// </summary>
/// <remarks>
/// One Hangfire retry: if the pass fails, each channel's every-minute push job plans its own channel anyway. The
/// class, namespace and method are a persisted contract of Hangfire.
/// </remarks>
public sealed class PlanListingsJob(PlanningPass pass, ExclusiveRun exclusive)
{
    public const string Resource = "plan";

    [JobDisplayName("Plan listings of every channel")]
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        string? result = null;
        var ran = await exclusive.RunAsync(Resource, async () => result = JobSummaries.Of(await pass.RunAsync(cancellationToken)));
        // Hangfire shows the returned line on the job's page: what this run did.
        return ran ? result ?? JobSummaries.Skipped : JobSummaries.Skipped;
    }
}
