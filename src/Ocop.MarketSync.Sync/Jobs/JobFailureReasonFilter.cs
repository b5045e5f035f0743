using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Makes a failed job say, in its state's reason on Hangfire's job page, what went wrong in one human line and when
/// it runs again: "Registry unreachable: HTTP 500 on page 3; the earlier pages are kept…; retrying at 10:42 (retry 1
/// of 3)", or "…; no more retries; the next scheduled run is at 02:00". The exception with its stack trace stays
/// below it, in the Failed state Hangfire records on the way.
/// </summary>
/// <remarks>
/// It runs after <see cref="AutomaticRetryAttribute"/> (order 20), which has by then replaced the Failed state with a
/// Scheduled one (reason "Retry attempt 1 of 3: " and the message cut at 50 characters) or left it Failed when no
/// attempt is left. Hangfire's filter list is process-wide, so each host's instance acts only on its own storage.
/// </remarks>
public sealed partial class JobFailureReasonFilter(JobStorage storage, IntakeClock clock) : IJobFilter, IElectStateFilter
{
    /// <summary>After AutomaticRetry (20), so the retry it decided is known.</summary>
    public const int FilterOrder = 30;

    public bool AllowMultiple => false;

    public int Order => FilterOrder;

    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(context.Storage, storage))
        {
            return;
        }

        var failed = context.CandidateState as FailedState ?? context.TraversedStates.OfType<FailedState>().LastOrDefault();
        if (failed?.Exception is not { } exception)
        {
            return;
        }

        var headline = JobSummaries.Headline(exception);
        switch (context.CandidateState)
        {
            case ScheduledState scheduled:
                var attempt = RetryAttempt().Match(scheduled.Reason ?? string.Empty);
                scheduled.Reason = JobSummaries.Retrying(headline, scheduled.EnqueueAt, clock.UtcNow, clock.Zone,
                    attempt.Success ? int.Parse(attempt.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                    attempt.Success ? int.Parse(attempt.Groups[2].Value, CultureInfo.InvariantCulture) : null);
                break;
            case FailedState final:
                final.Reason = JobSummaries.NoMoreRetries(headline, NextScheduledRun(context), clock.UtcNow, clock.Zone);
                break;
        }
    }

    /// <summary>When the recurring job this run came from runs next; null for a job enqueued by a trigger or by staff.</summary>
    private static DateTime? NextScheduledRun(ElectStateContext context)
    {
        try
        {
            var id = context.GetJobParameter<string>("RecurringJobId", allowStale: true);
            return id is null ? null : context.Connection.GetRecurringJobs([id]).FirstOrDefault()?.NextExecution;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason is a courtesy: a storage that cannot say must not turn a failed job into a stuck one.
            return null;
        }
    }

    [GeneratedRegex(@"^Retry attempt (\d+) of (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex RetryAttempt();
}
