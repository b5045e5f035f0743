using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Pulls products from the registry page by page: validate, normalise, store, then move the cursor.
/// A failed page fails the run (visibly, with the reason) after everything before it was stored.
/// </summary>
public sealed class RegistryIntake(
    MarketSyncDbContext db,
    IRegistryClient registry,
    ProductNormalizer normalizer,
    ProductWriter writer,
    RetireGuard retireGuard,
    IntakeRunRecorder runs,
    IntakeClock clock,
    IProductChangeSignal changes,
    IntakeAlerts alerts,
    IOptions<RegistryOptions> registryOptions,
    ILogger<RegistryIntake> logger)
{
    private readonly RegistryOptions _registry = registryOptions.Value;

    /// <summary>Reads what changed since the stored cursor.</summary>
    public async Task<IntakeRun> PullIncrementalAsync(CancellationToken cancellationToken)
    {
        var cursor = await db.IntakeCursors.AsNoTracking()
            .Where(c => c.Source == _registry.SourceName)
            .Select(c => c.Cursor)
            .FirstOrDefaultAsync(cancellationToken);
        var run = await runs.StartAsync(IntakeRunKind.Incremental, _registry.SourceName, cursor, cancellationToken);
        try
        {
            await WalkAsync(run, cursor, moveCursorPerPage: true, seen: null, cancellationToken);
            await SignalAsync(run, cancellationToken);
            return await SucceededAsync(await runs.FinishAsync(run, IntakeRunStatus.Succeeded, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is RegistryPageException or DbUpdateException)
        {
            await FailedAsync(run, ex, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Reads the whole registry, then retires products it no longer holds, unless that would retire more than
    /// the guard allows. The cursor moves only at the end, to where the walk stopped.
    /// </summary>
    public async Task<IntakeRun> PullFullAsync(CancellationToken cancellationToken)
    {
        var run = await runs.StartAsync(IntakeRunKind.Full, _registry.SourceName, null, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var end = await WalkAsync(run, null, moveCursorPerPage: false, seen, cancellationToken);
            await writer.WritePageAsync([], new CursorUpdate(_registry.SourceName, end), cancellationToken);
            var verdict = await retireGuard.RetireMissingAsync(seen, cancellationToken);
            run.Retired = verdict.Retired;
            await SignalAsync(run, cancellationToken);
            if (verdict.Alert is not null)
            {
                run.Alert = verdict.Alert;
                logger.LogWarning("Intake guard on {Source}: {Alert}", _registry.SourceName, verdict.Alert);
                return await SucceededAsync(await runs.FinishAsync(run, IntakeRunStatus.GuardTripped, cancellationToken), cancellationToken);
            }

            return await SucceededAsync(await runs.FinishAsync(run, IntakeRunStatus.Succeeded, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is RegistryPageException or DbUpdateException)
        {
            await FailedAsync(run, ex, cancellationToken);
            throw;
        }
    }

    private async Task<IntakeRun> SucceededAsync(IntakeRun run, CancellationToken cancellationToken)
    {
        await alerts.PullSucceededAsync(run, cancellationToken);
        return run;
    }

    private async Task FailedAsync(IntakeRun run, Exception ex, CancellationToken cancellationToken)
    {
        await runs.FailAsync(run, ex, cancellationToken);
        if (ex is RegistryPageException)
        {
            await alerts.PullFailedAsync(run, CancellationToken.None);
        }
    }

    private Task SignalAsync(IntakeRun run, CancellationToken cancellationToken) =>
        run.Inserted + run.Updated + run.Retired > 0 ? changes.ProductsChangedAsync(cancellationToken) : Task.CompletedTask;

    private async Task<string?> WalkAsync(
        IntakeRun run, string? cursor, bool moveCursorPerPage, HashSet<string>? seen, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await registry.GetChangesAsync(cursor, _registry.PageSize, cancellationToken);
            var today = clock.Today;
            var (records, _) = DuplicateIds.Mark([.. page.Items.Select(item => normalizer.Normalize(item, today))], seenEarlier: null, "page");
            var next = page.NextCursor ?? cursor;
            var result = await writer.WritePageAsync(
                records, moveCursorPerPage ? new CursorUpdate(_registry.SourceName, next) : null, cancellationToken);

            foreach (var record in records)
            {
                seen?.Add(ProductWriter.StorageId(record));
            }

            runs.AddPage(run, records, result, next);
            logger.LogDebug(
                "Intake page {Page} from {Source}: {Received} received, {Inserted} new, {Updated} changed, {Unchanged} unchanged",
                run.Pages, _registry.SourceName, records.Count, result.Inserted, result.Updated, result.Unchanged);

            if (!page.HasMore)
            {
                return next;
            }

            if (next == cursor)
            {
                throw new RegistryPageException(RegistryFailure.Malformed,
                    $"Registry said more pages follow cursor '{cursor}' but gave no new cursor; stopping to avoid a loop.");
            }

            cursor = next;
        }
    }
}
