using System.Globalization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;
using Ocop.MarketSync.Sync.Operations;

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

    public static string Of(PlanningPassResult pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return string.Create(CultureInfo.InvariantCulture,
            $"Planned {pass.Channels.Count} channel(s) in one pass: {pass.Added} new, {pass.Changed} changed, {pass.Dirty} to push; push asked of {pass.Pushed.Count}{(pass.Busy.Count == 0 ? string.Empty : "; being pushed (they plan themselves): " + string.Join(", ", pass.Busy))}.");
    }

    public const string WriteBackOff = "Skipped: write-back to the registry is off (WriteBack:Enabled=false).";

    /// <summary>What a write-back run sent, and what still waits for its next attempt.</summary>
    public static string WriteBack(int confirmed, int waiting) => confirmed == 0 && waiting == 0
        ? "Nothing to write back: the registry has every listing change."
        : string.Create(CultureInfo.InvariantCulture,
            $"The registry confirmed {confirmed} listing change(s); {waiting} still waiting (sent again after their backoff).");

    public static string Of(CertificateExpiryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Today:dd/MM/yyyy}: {result.ListingsChanged} listing(s) replanned, {result.DelistedForCertificate} product(s) with an ended or revoked certificate, "
            + $"{result.WarningsCreated} expiry warning(s) recorded, {result.WarningsSent} sent to producers.");
    }

    /// <summary>What the audit purge deleted, and the cut-off as staff read times (<paramref name="zone"/>).</summary>
    public static string AuditPurge(int retentionDays, DateTime beforeUtc, TimeZoneInfo zone, int attempts, int writeBacks, int runs)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var before = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(beforeUtc, DateTimeKind.Utc), zone);
        return string.Create(CultureInfo.InvariantCulture,
            $"Deleted the audit trail older than {retentionDays} day(s) (before {before:dd/MM/yyyy HH:mm}): {attempts} push attempt(s), {writeBacks} sent write-back(s), {runs} reconciliation run(s).");
    }

    /// <summary>What a marketplace webhook led to.</summary>
    public static string Hint(MarketplaceHintKind kind, string channelId, string? remoteId, ReconciliationRun? run) => kind switch
    {
        MarketplaceHintKind.AuthorizationExpiring => $"Authorisation of {channelId} expiring or cancelled: alert logged; run `channel authorize` soon.",
        _ when remoteId is null => $"Webhook {kind} for {channelId} names no item: the nightly reconciliation covers it.",
        _ when run is null => $"Webhook {kind}: item {remoteId} on {channelId} is not one of our listings; nothing to reconcile.",
        _ => $"Webhook {kind}, item {remoteId}: " + Of(run!),
    };

    /// <summary>A registry page that failed, said for people: what happened, what is kept, what happens next.</summary>
    public static JobFailedException RegistryFailed(RegistryPageException failure) => new(
        (failure.Failure == RegistryFailure.Malformed ? "Registry answer unreadable: " : "Registry unreachable: ") + failure.Message.TrimEnd('.')
        + "; the earlier pages are kept, and the next scheduled pull catches up anyway",
        failure);

    /// <summary>Longest headline kept in a state's reason: the whole message is in the exception below it.</summary>
    public const int MaxHeadline = 300;

    /// <summary>
    /// The one line people read first about a failure: a <see cref="JobFailedException"/>'s message (written for
    /// them), otherwise the first line of the innermost useful exception's message, with its type when it says nothing.
    /// </summary>
    public static string Headline(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var current = exception;
        while (current is not JobFailedException && current.InnerException is { } inner
            && current is AggregateException or System.Reflection.TargetInvocationException)
        {
            current = inner;
        }

        var line = current.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        if (line.Length == 0)
        {
            line = current.GetType().Name;
        }

        return line.Length > MaxHeadline ? line[..(MaxHeadline - 1)] + "…" : line;
    }

    /// <summary>"…; retrying at 10:42 (retry 1 of 3)": the retry time in the service's zone, with the date when not today.</summary>
    public static string Retrying(string headline, DateTime retryAtUtc, DateTime nowUtc, TimeZoneInfo zone, int? attempt, int? of) =>
        $"{headline}; retrying at {LocalTime(retryAtUtc, nowUtc, zone)}"
        + (attempt is { } a && of is { } n ? string.Create(CultureInfo.InvariantCulture, $" (retry {a} of {n})") : string.Empty);

    /// <summary>"…; no more retries; the next scheduled run is at 02:00", or what to do when the job has no schedule.</summary>
    public static string NoMoreRetries(string headline, DateTime? nextRunUtc, DateTime nowUtc, TimeZoneInfo zone) =>
        nextRunUtc is { } next
            ? $"{headline}; no more retries; the next scheduled run is at {LocalTime(next, nowUtc, zone)}"
            : $"{headline}; no more retries; press Requeue once the cause is fixed";

    /// <summary><c>HH:mm</c> today, <c>dd/MM HH:mm</c> on another day (both in <paramref name="zone"/>).</summary>
    public static string LocalTime(DateTime utc, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        return at.ToString(at.Date == now.Date ? "HH:mm" : "dd/MM HH:mm", CultureInfo.InvariantCulture);
    }
}

/// <summary>A job failure whose message is for people (one line first); the cause, with its stack trace, is inside.</summary>
public sealed class JobFailedException(string message, Exception inner) : Exception(message, inner);
