using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>Keeps the <see cref="IntakeRun"/> row of a run up to date: what staff see of intake in the API.</summary>
public sealed class IntakeRunRecorder(MarketSyncDbContext db, IntakeClock clock, ILogger<IntakeRunRecorder> logger)
{
    /// <summary>
    /// Opens the row of a new run. The caller holds the source's run lock, so any run of the source still marked
    /// Running belongs to a process that died (kill -9, power loss): it is marked Failed now rather than showing
    /// "Running" for ever.
    /// </summary>
    public async Task<IntakeRun> StartAsync(IntakeRunKind kind, string source, string? cursor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var fileImport = kind == IntakeRunKind.FileImport;
        var interrupted = await db.IntakeRuns
            .Where(r => r.Source == source && r.Status == IntakeRunStatus.Running && (r.Kind == IntakeRunKind.FileImport) == fileImport)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, IntakeRunStatus.Failed)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Error, "interrupted: the process running it stopped before it finished; the pages stored before that are kept"),
                cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("Marked {Count} interrupted intake run(s) of {Source} as failed", interrupted, source);
        }

        var run = new IntakeRun
        {
            Kind = kind,
            Source = source,
            Status = IntakeRunStatus.Running,
            StartedAt = now,
            CursorFrom = cursor,
            CursorTo = cursor,
        };
        db.IntakeRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return run;
    }

    public void AddPage(IntakeRun run, IReadOnlyList<NormalizedRecord> records, PageWriteResult result, string? cursor)
    {
        run.Pages++;
        run.Received += records.Count;
        run.Inserted += result.Inserted;
        run.Updated += result.Updated;
        run.Unchanged += result.Unchanged;
        run.Duplicates += result.Duplicates;
        run.Eligible += records.Count(r => r.Outcome == ProductOutcome.Eligible);
        run.Ineligible += records.Count(r => r.Outcome == ProductOutcome.Ineligible);
        run.Quarantined += records.Count(r => r.Outcome == ProductOutcome.Quarantined);
        run.CursorTo = cursor;
    }

    public async Task<IntakeRun> FinishAsync(IntakeRun run, IntakeRunStatus status, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.FinishedAt = clock.UtcNow;
        db.IntakeRuns.Update(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogSummary(run);
        RecordMetrics(run);
        return run;
    }

    /// <summary>
    /// One line per run, with the outcome counts: Information when it read or retired something, Debug for the pull
    /// every five minutes that found nothing new (that one is in <c>/api/intake/runs</c> anyway).
    /// </summary>
    private void LogSummary(IntakeRun run)
    {
        var level = run.Status == IntakeRunStatus.Failed ? LogLevel.Warning
            : run.Received > 0 || run.Retired > 0 ? LogLevel.Information
            : LogLevel.Debug;
        logger.Log(level,
            "Intake {Kind} {RunId} from {Source} {Status}: {Received} received ({Inserted} new, {Updated} changed, {Unchanged} unchanged, {Duplicates} duplicate ids; " +
            "{Eligible} eligible, {Ineligible} ineligible, {Quarantined} quarantined), {Retired} retired, {Pages} page(s)",
            run.Kind, run.Id, run.Source, run.Status, run.Received, run.Inserted, run.Updated, run.Unchanged, run.Duplicates,
            run.Eligible, run.Ineligible, run.Quarantined, run.Retired, run.Pages);
    }

    /// <summary>Records the failure. Uses <see cref="CancellationToken.None"/> on purpose: the failure must be recorded even while shutting down.</summary>
    public async Task FailAsync(IntakeRun run, Exception error, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        db.ChangeTracker.Clear();
        run.Error = error.Message.Length > 4000 ? error.Message[..4000] : error.Message;
        await FinishAsync(run, IntakeRunStatus.Failed, CancellationToken.None);
    }

    /// <summary>Once per run, when it ends: per-record counting would cost a tag lookup per record of a 20,000-record pull.</summary>
    private static void RecordMetrics(IntakeRun run)
    {
        var kind = new KeyValuePair<string, object?>("kind", run.Kind.ToString());
        var status = new KeyValuePair<string, object?>("status", run.Status.ToString());
        MarketSyncTelemetry.IntakeRuns.Add(1, kind, status);
        MarketSyncTelemetry.IntakeRecords.Add(run.Eligible, kind, status, new KeyValuePair<string, object?>("outcome", "eligible"));
        MarketSyncTelemetry.IntakeRecords.Add(run.Ineligible, kind, status, new KeyValuePair<string, object?>("outcome", "ineligible"));
        MarketSyncTelemetry.IntakeRecords.Add(run.Quarantined, kind, status, new KeyValuePair<string, object?>("outcome", "quarantined"));
    }
}
