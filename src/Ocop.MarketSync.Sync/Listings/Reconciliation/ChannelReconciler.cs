using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Listings.Reconciliation;

/// <summary>
/// Walks every remote item of a channel under our SKU prefix and compares it with what we last pushed and want:
/// drift is re-asserted (the aspect marked dirty), banned items parked, items the marketplace lost recreated
/// through the lookup path, orphans reported and never deleted. Streams in chunks: memory does not grow with the
/// number of items; the set of items seen is kept in the listings table (<see cref="Listing.LastReconciledRunId"/>).
/// </summary>
/// <remarks>
/// It takes no lock against the pusher: a listing that a push claimed or touched since the run began is skipped
/// (its remote page may predate the push), so the two never fight and a push is never delayed by a nightly run.
/// </remarks>
public sealed class ChannelReconciler(
    MarketSyncDbContext db,
    ChannelCatalog channels,
    IntakeClock clock,
    IProductChangeSignal signal,
    ILogger<ChannelReconciler> logger)
{
    private const int Chunk = 500;

    public async Task<ReconciliationRun> RunAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.ReconciliationRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        var channel = channels.Get(run.ChannelId);
        var client = channels.Client(run.ChannelId);
        run.Status = ReconciliationStatus.Running;
        run.StartedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        var pass = new Pass(run, channel.Marketplace, run.StartedAt.Value);
        try
        {
            var buffer = new List<RemoteItem>(Chunk);
            await foreach (var item in client.PageItemsAsync(SellerSku.Prefix, cancellationToken))
            {
                buffer.Add(item);
                if (buffer.Count == Chunk)
                {
                    await CompareAsync(pass, buffer, cancellationToken);
                    buffer.Clear();
                }
            }

            await CompareAsync(pass, buffer, cancellationToken);
            await FindMissingAsync(pass, cancellationToken);
            run.Status = ReconciliationStatus.Succeeded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What was compared so far stays repaired; the report says where it stopped.
            run.Status = ReconciliationStatus.Failed;
            run.Error = ex is MarketplaceException { Error: var error } && error.RequestId is { } id ? $"{ex.Message} (request {id})" : ex.Message;
            logger.LogWarning(ex, "Reconciliation {RunId} of {Channel} stopped: {Error}", run.Id, run.ChannelId, run.Error);
        }

        run.FinishedAt = clock.UtcNow;
        db.ReconciliationRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        ReconciliationMetrics.Record(run);
        logger.LogInformation(
            "Reconciliation {RunId} of {Channel}: {Checked} checked, {InSync} in sync, drift price {Price} stock {Stock} content {Content} status {Status}, {Missing} missing, {Banned} banned, {Orphaned} orphaned, {Busy} skipped (being pushed)",
            run.Id, run.ChannelId, run.Checked, run.InSync, run.DriftedPrice, run.DriftedStock, run.DriftedContent, run.DriftedStatus,
            run.Missing, run.Banned, run.Orphaned, run.SkippedBusy);
        if (pass.Repaired > 0)
        {
            await signal.ChannelChangedAsync(run.ChannelId, CancellationToken.None);
        }

        if (pass.WriteBacks > 0)
        {
            await signal.WriteBacksQueuedAsync(CancellationToken.None);
        }

        return run;
    }

    /// <summary>
    /// Reconciles one listing after a marketplace webhook named its item: the item is read back by SKU (a webhook is
    /// a hint, never data) and judged exactly as in a full run, recorded as a small run of its own.
    /// </summary>
    /// <returns>The run, or null when no listing of the channel has that remote item.</returns>
    public async Task<ReconciliationRun?> RunForItemAsync(string channelId, string remoteId, string requestedBy, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking()
            .Where(l => l.ChannelId == channelId && l.RemoteId == remoteId)
            .Select(l => new { l.Id, l.SellerSku })
            .FirstOrDefaultAsync(cancellationToken);
        if (listing is null)
        {
            logger.LogInformation("Webhook for {Channel} item {RemoteId}: no listing of ours has it; ignored", channelId, remoteId);
            return null;
        }

        var run = new ReconciliationRun { ChannelId = channelId, RequestedBy = requestedBy, RequestedAt = clock.UtcNow, Status = ReconciliationStatus.Running, StartedAt = clock.UtcNow };
        db.ReconciliationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var pass = new Pass(run, channels.Get(channelId).Marketplace, run.StartedAt.Value);
        try
        {
            var items = await channels.Client(channelId).FindBySellerSkuAsync([listing.SellerSku], cancellationToken);
            await CompareAsync(pass, [.. items], cancellationToken);
            await FindMissingAsync(pass, cancellationToken, onlyListingId: listing.Id);
            run.Status = ReconciliationStatus.Succeeded;
        }
        catch (MarketplaceException ex)
        {
            run.Status = ReconciliationStatus.Failed;
            run.Error = ex.Message;
        }

        run.FinishedAt = clock.UtcNow;
        db.ReconciliationRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        ReconciliationMetrics.Record(run);
        if (pass.Repaired > 0)
        {
            await signal.ChannelChangedAsync(channelId, CancellationToken.None);
        }

        if (pass.WriteBacks > 0)
        {
            await signal.WriteBacksQueuedAsync(CancellationToken.None);
        }

        return run;
    }

    private async Task CompareAsync(Pass pass, List<RemoteItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var channelId = pass.Run.ChannelId;
        var skus = items.Select(i => i.SellerSku).Distinct(StringComparer.Ordinal).ToList();
        var listings = await db.Listings
            .Where(l => l.ChannelId == channelId && skus.Contains(l.SellerSku))
            .ToDictionaryAsync(l => l.SellerSku, StringComparer.Ordinal, cancellationToken);
        var now = clock.UtcNow;
        foreach (var remote in items)
        {
            pass.Run.Checked++;
            listings.TryGetValue(remote.SellerSku, out var listing);
            var before = listing is null ? default : WriteBackOutbox.Snapshot.Of(listing);
            var finding = RemoteComparison.Apply(pass, listing, remote, now);
            if (finding is not null)
            {
                db.ReconciliationFindings.Add(finding);
            }

            if (listing is not null && WriteBackOutbox.For(listing, before, pass.Marketplace, now) is { } change)
            {
                db.WriteBacks.Add(change);
                pass.WriteBacks++;
            }
        }

        // Most items are in sync and only gain the "seen by this run" mark: one set-based UPDATE for those instead of
        // an UPDATE statement per row (which dominated the walk's time).
        var seenOnly = new List<long>();
        foreach (var entry in db.ChangeTracker.Entries<Listing>().ToList())
        {
            if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Listing.LastReconciledRunId)))
            {
                seenOnly.Add(entry.Entity.Id);
                entry.State = EntityState.Detached;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        if (seenOnly.Count > 0)
        {
            var runId = pass.Run.Id;
            await db.Listings.Where(l => seenOnly.Contains(l.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastReconciledRunId, runId), CancellationToken.None);
        }
    }

    /// <summary>Listings with a remote item that the walk did not see: the marketplace lost them (deleted in seller centre).</summary>
    /// <param name="onlyListingId">Judge only this listing (a webhook's item), not the whole channel.</param>
    private async Task FindMissingAsync(Pass pass, CancellationToken cancellationToken, long? onlyListingId = null)
    {
        var channelId = pass.Run.ChannelId;
        var runId = pass.Run.Id;
        long lastId = 0;
        while (true)
        {
            var missing = await db.Listings
                .Where(l => l.ChannelId == channelId && l.Id > lastId && l.RemoteId != null
                    && (l.LastReconciledRunId == null || l.LastReconciledRunId != runId)
                    && (onlyListingId == null || l.Id == onlyListingId))
                .OrderBy(l => l.Id)
                .Take(Chunk)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return;
            }

            lastId = missing[^1].Id;
            var now = clock.UtcNow;
            foreach (var listing in missing)
            {
                var before = WriteBackOutbox.Snapshot.Of(listing);
                if (RemoteComparison.Missing(pass, listing, now) is { } finding)
                {
                    db.ReconciliationFindings.Add(finding);
                }

                if (WriteBackOutbox.For(listing, before, pass.Marketplace, now) is { } change)
                {
                    db.WriteBacks.Add(change);
                    pass.WriteBacks++;
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One reconciliation in progress: its report and what the comparison needs to know.</summary>
    internal sealed class Pass(ReconciliationRun run, string marketplace, DateTime startedAt)
    {
        public ReconciliationRun Run { get; } = run;
        public string Marketplace { get; } = marketplace;
        public DateTime StartedAt { get; } = startedAt;

        /// <summary>Listings marked for a push by this run.</summary>
        public int Repaired { get; set; }

        public int WriteBacks { get; set; }
    }
}
