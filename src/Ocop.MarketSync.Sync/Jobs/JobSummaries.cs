using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Listings.Push;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// What a job run did, as one line for Hangfire's job page (jobs return it: Hangfire shows a job's return value),
/// and the failures as a human message first, the original exception (with its stack trace) inside.
/// </summary>
public static class JobSummaries
{
    public const string Skipped = "Skipped: another run of this work was in progress (it runs again after it).";

    public static string Of(IntakeRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Status}: {run.Received} record(s) on {run.Pages} page(s) — {run.Inserted} new, {run.Updated} updated, {run.Unchanged} unchanged; "
        + $"{run.Eligible} eligible, {run.Ineligible} ineligible, {run.Quarantined} quarantined; {run.Retired} retired{(run.Alert is null ? string.Empty : "; guard: " + run.Alert)}.");

    public static string Of(PushSummary push) => push.StoppedBy is { } stopped
        ? string.Create(CultureInfo.InvariantCulture, $"Stopped ({stopped}): {push.StopReason}. Claimed {push.Claimed}, {push.Calls} call(s).")
        : string.Create(CultureInfo.InvariantCulture,
            $"Claimed {push.Claimed}: {push.Created} created, {push.Adopted} adopted, {push.Updated} updated, {push.Failed} failed ({push.Throttled} throttled); {push.Calls} call(s); {push.WriteBacks} write-back(s).");

    public static string Of(ReconciliationRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Status}: checked {run.Checked}, in sync {run.InSync}; drift price {run.DriftedPrice}, stock {run.DriftedStock}, content {run.DriftedContent}, "
        + $"status {run.DriftedStatus}; missing {run.Missing}, banned {run.Banned}, orphaned {run.Orphaned}{(run.Error is null ? string.Empty : "; " + run.Error)}.");

    /// <summary>A registry page that failed, said for people: what happened, what is kept, what happens next.</summary>
    public static JobFailedException RegistryFailed(RegistryPageException failure) => new(
        (failure.Failure == RegistryFailure.Malformed ? "Registry answer unreadable: " : "Registry unreachable: ") + failure.Message
        + ". The pages read before it are kept; Hangfire retries this pull, and the next scheduled pull catches up anyway.",
        failure);
}

/// <summary>A job failure whose message is for people (one line first); the cause, with its stack trace, is inside.</summary>
public sealed class JobFailedException(string message, Exception inner) : Exception(message, inner);
