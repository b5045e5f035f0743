using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>
/// The service's one <see cref="ActivitySource"/> and the <see cref="Meter"/> of the instruments recorded where an
/// event happens (marketplace calls, intake runs, reconciliation, jobs). Plain System.Diagnostics: the Worker decides
/// whether OpenTelemetry listens (<c>Telemetry:Enabled</c>); without a listener recording costs next to nothing.
/// </summary>
/// <remarks>
/// Static on purpose: these are events of the process, recorded deep inside services that should not need another
/// constructor argument each. The gauges that read the database are per host instead (the Worker's
/// <c>TelemetrySnapshot</c>), because they need that host's database and Hangfire storage.
/// Names follow the OpenTelemetry conventions; the Prometheus exporter turns <c>marketsync.marketplace.calls</c> into
/// <c>marketsync_marketplace_calls_total</c> (docs/operations.md lists them all).
/// </remarks>
public static class MarketSyncTelemetry
{
    public const string Name = "Ocop.MarketSync";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Tags: channel, marketplace, operation, outcome (ok, rejected, throttled, transient, auth, error).</summary>
    public static Counter<long> MarketplaceCalls { get; } = Meter.CreateCounter<long>(
        "marketsync.marketplace.calls", "{call}", "Marketplace calls by channel, operation and outcome (the worst item of a batch call).");

    /// <summary>Tags: channel, marketplace, operation, outcome. Whole port call: signing, HTTP retries of reads, mapping.</summary>
    public static Histogram<double> MarketplaceCallDuration { get; } = Meter.CreateHistogram(
        "marketsync.marketplace.call.duration", "s", "Duration of a marketplace call through the adapter.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    /// <summary>Tags: channel, marketplace, operation, outcome. One per item of a batch call.</summary>
    public static Counter<long> MarketplaceItems { get; } = Meter.CreateCounter<long>(
        "marketsync.marketplace.items", "{item}", "Items sent in marketplace batch calls, by their own outcome.");

    /// <summary>Tags: channel, marketplace, operation. Calls the marketplace answered with "too many calls".</summary>
    public static Counter<long> MarketplaceThrottled { get; } = Meter.CreateCounter<long>(
        "marketsync.marketplace.throttled", "{call}", "Marketplace calls refused as too many (HTTP 429 or the marketplace's own code).");

    /// <summary>Tags: channel, aspect. From the planner's last change of a listing to the marketplace confirming it.</summary>
    public static Histogram<double> SyncLag { get; } = Meter.CreateHistogram(
        "marketsync.sync.lag", "s", "Time from a listing's change to the marketplace confirming the pushed aspect.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600] });

    /// <summary>Tags: kind (Incremental, Full, File), status, outcome (eligible, ineligible, quarantined).</summary>
    public static Counter<long> IntakeRecords { get; } = Meter.CreateCounter<long>(
        "marketsync.intake.records", "{record}", "Registry records read by intake runs, by outcome, added when a run finishes.");

    /// <summary>Tags: kind, status (Succeeded, GuardTripped, Failed).</summary>
    public static Counter<long> IntakeRuns { get; } = Meter.CreateCounter<long>(
        "marketsync.intake.runs", "{run}", "Intake runs by how they ended.");

    /// <summary>Tags: channel, finding (drift_price, drift_stock, drift_content, drift_status, missing, banned, orphaned).</summary>
    public static Counter<long> ReconciliationFindings { get; } = Meter.CreateCounter<long>(
        "marketsync.reconciliation.findings", "{finding}", "What reconciliation runs found, added when a run finishes.");

    /// <summary>Tags: lead_days. Warnings recorded for producers whose certificate ends soon.</summary>
    public static Counter<long> CertificateWarnings { get; } = Meter.CreateCounter<long>(
        "marketsync.certificate.warnings", "{warning}", "Certificate expiry warnings recorded for producers.");

    /// <summary>Tags: job, outcome (succeeded, failed).</summary>
    public static Histogram<double> JobDuration { get; } = Meter.CreateHistogram(
        "marketsync.job.duration", "s", "Duration of Hangfire job runs.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });

    /// <summary>Tags: job. Job runs that ended with an exception (Hangfire may still retry them).</summary>
    public static Counter<long> JobFailures { get; } = Meter.CreateCounter<long>(
        "marketsync.job.failures", "{run}", "Hangfire job runs that failed.");
}
