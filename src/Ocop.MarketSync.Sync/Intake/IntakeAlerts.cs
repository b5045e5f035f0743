using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Turns what intake runs end with into operational alerts: a registry that has failed every pull for longer than
/// <see cref="IntakeOptions.UnreachableAlertAfter"/>, and a tripped mass-disappearance guard. One failed pull is not
/// an alert (Hangfire retries it, the next schedule catches up); an outage is.
/// </summary>
public sealed class IntakeAlerts(MarketSyncDbContext db, OperationalAlerts alerts, IntakeClock clock, IOptions<IntakeOptions> options)
{
    /// <summary>After a run that failed because the registry did not answer properly.</summary>
    public async Task PullFailedAsync(IntakeRun run, CancellationToken cancellationToken)
    {
        var lastGood = await db.IntakeRuns.AsNoTracking()
            .Where(r => r.Source == run.Source && r.Id < run.Id
                && (r.Status == IntakeRunStatus.Succeeded || r.Status == IntakeRunStatus.GuardTripped))
            .MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        // The outage began with the first run after the last good one.
        var since = await db.IntakeRuns.AsNoTracking()
            .Where(r => r.Source == run.Source && r.Id > lastGood)
            .OrderBy(r => r.Id)
            .Select(r => r.StartedAt)
            .FirstAsync(cancellationToken);
        if (clock.UtcNow - since >= options.Value.UnreachableAlertAfter)
        {
            await alerts.RaiseAsync(AlertKinds.RegistryUnreachable, run.Source, "Unreachable", run.Error ?? "the registry did not answer", since, CancellationToken.None);
        }
    }

    /// <summary>After a run that read the registry to the end.</summary>
    public async Task PullSucceededAsync(IntakeRun run, CancellationToken cancellationToken)
    {
        await alerts.ResolveAsync(AlertKinds.RegistryUnreachable, run.Source, cancellationToken);
        if (run.Kind == IntakeRunKind.Full)
        {
            if (run.Status == IntakeRunStatus.GuardTripped)
            {
                await alerts.RaiseAsync(AlertKinds.IntakeGuard, run.Source, "GuardTripped", run.Alert ?? "retire guard tripped", run.StartedAt, CancellationToken.None);
            }
            else
            {
                await alerts.ResolveAsync(AlertKinds.IntakeGuard, run.Source, cancellationToken);
            }
        }
    }
}
