using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.Sync.Operations;

/// <summary>
/// <c>audit-purge</c>, nightly: deletes push attempts, sent write-backs and reconciliation runs older than
/// <c>Audit:RetentionDays</c>. The only deletes these tables ever see.
/// </summary>
public sealed class AuditPurgeJob(MarketSyncDbContext db, IntakeClock clock, IOptions<AuditOptions> options, ILogger<AuditPurgeJob> logger)
{
    [JobDisplayName("Purge audit trail older than the retention")]
    [AutomaticRetry(Attempts = 1)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.UtcNow.AddDays(-options.Value.RetentionDays);
        var attempts = await db.PushAttempts.Where(a => a.At < before).ExecuteDeleteAsync(cancellationToken);
        var writeBacks = await db.WriteBacks.Where(w => w.SentAt != null && w.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        var runs = await db.ReconciliationRuns.Where(r => r.FinishedAt != null && r.FinishedAt < before).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Audit purge before {Before:O}: {Attempts} push attempt(s), {WriteBacks} sent write-back(s), {Runs} reconciliation run(s) deleted",
            before, attempts, writeBacks, runs);
        return Jobs.JobSummaries.AuditPurge(options.Value.RetentionDays, before, clock.Zone, attempts, writeBacks, runs);
    }
}
