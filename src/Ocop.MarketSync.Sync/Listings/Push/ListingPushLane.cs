using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// One lane of a channel's push: claims a small batch, pushes it call after call — creates (after a lookup by seller
/// SKU), then stock, status, price and content, each through the marketplace's batch operation — and claims the next.
/// A listing is in one lane at a time, so its calls are in order and never concurrent; the lanes of a run share the
/// channel's pace. Results are committed per marketplace call in the lane's own unit of work, so a crash loses at most
/// the answers in flight, which the next run recovers by lookup.
/// </summary>
internal sealed partial class ListingPushLane(
    MarketSyncDbContext db,
    ListingClaimer claimer,
    IntakeClock clock)
{
    private static readonly ListingAspect[] UpdateOrder = [ListingAspect.Stock, ListingAspect.Status, ListingAspect.Price, ListingAspect.Content];
    private readonly Random _random = new();
    private readonly JournalWriter _journal = new(db);
    private PushRun _run = null!;

    public async Task<PushSummary> RunAsync(PushRun run, IMarketplaceClient client, CancellationToken cancellationToken)
    {
        _run = run;
        var summary = new PushSummary();
        while (!cancellationToken.IsCancellationRequested && !run.Stopped && !run.TryRetire())
        {
            var listings = await claimer.ClaimAsync(run.ChannelId, run.NextClaimSize(), clock.UtcNow, run.Channel.ClaimLease, cancellationToken);
            if (listings.Count == 0)
            {
                break;
            }

            run.Claimed(listings.Count);
            summary.Claimed += listings.Count;
            var batch = new PushBatch(listings, run.Channel.Marketplace);
            await CreateAsync(client, batch, summary, cancellationToken);
            foreach (var aspect in UpdateOrder)
            {
                if (run.Stopped)
                {
                    break;
                }

                await UpdateAsync(client, batch, aspect, summary, cancellationToken);
            }

            foreach (var listing in listings)
            {
                Settle(batch, listing, summary);
            }

            await _journal.CommitAsync();
            db.ChangeTracker.Clear();
        }

        return summary;
    }

    /// <summary>
    /// Commits after every marketplace call: what the marketplace has done is never only in memory. Listings the call
    /// finished (nothing left to push, no error) are settled first, so their final state (Active, claim released,
    /// write-back) goes out in the same UPDATE as the result instead of a second write at the end of the batch.
    /// </summary>
    private Task CommitAsync(PushBatch batch, IEnumerable<Listing> touched, PushSummary summary)
    {
        foreach (var listing in touched)
        {
            if (!batch.Failed.Contains(listing.Id) && listing.PushableAspects() == ListingAspect.None)
            {
                Settle(batch, listing, summary);
            }
        }

        return _journal.CommitAsync();
    }

    /// <summary>
    /// Before each call: keeps the batch's claim alive and leaves out what it no longer holds. A claim is a lease (a lane
    /// that dies must not hold its listings for ever), but a batch can outlast it: one item per create, an upload per
    /// picture, and a pace shared by many lanes made a claim of 100 last 150 s against a 2-minute lease. Another lane
    /// then claimed the rest, found no item by SKU (not created yet) and created them a second time. So the lease is
    /// renewed once half of it is gone; a listing whose lease ran out and that another lane claimed is dropped here
    /// (its unsaved results are only updates, sent again by its new holder).
    /// </summary>
    private async Task<Listing[]> HoldAsync(PushBatch batch, Listing[] chunk, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var lease = _run.Channel.ClaimLease;
        if (now >= batch.HeldUntil - (lease / 2))
        {
            var open = batch.Listings.Where(l => !batch.Settled.Contains(l.Id) && !batch.Lost.Contains(l.Id)).ToList();
            var until = Microseconds(now + lease);
            var renewed = await claimer.RenewAsync([.. open.Select(l => l.Id)], batch.HeldUntil, until, cancellationToken);
            foreach (var listing in open)
            {
                var claimedUntil = db.Entry(listing).Property(l => l.ClaimedUntil);
                if (renewed.Contains(listing.Id))
                {
                    (claimedUntil.OriginalValue, claimedUntil.CurrentValue) = (until, until);
                }
                else
                {
                    batch.Lost.Add(listing.Id);
                    db.Entry(listing).State = EntityState.Detached;
                }
            }

            batch.HeldUntil = until;
        }

        return batch.Lost.Count == 0 ? chunk : [.. chunk.Where(l => !batch.Lost.Contains(l.Id))];
    }

    /// <summary>PostgreSQL keeps microseconds: a lease compared for equality later must be one it can store exactly.</summary>
    private static DateTime Microseconds(DateTime value) => new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Settles a listing once per batch: state, dirty flag, claim, and the registry's write-back if it is news.</summary>
    private void Settle(PushBatch batch, Listing listing, PushSummary summary)
    {
        if (batch.Lost.Contains(listing.Id) || !batch.Settled.Add(listing.Id))
        {
            return;
        }

        var now = clock.UtcNow;
        ListingOutcomes.Settle(listing, batch.Failed.Contains(listing.Id), now);
        if (WriteBackOutbox.For(listing, batch.Before[listing.Id], batch.Marketplace, now) is { } change)
        {
            _journal.Add(change);
            summary.WriteBacks++;
        }
    }

    /// <summary>Appends one audit row; it commits with the listing's result at the next <see cref="CommitAsync"/>.</summary>
    private void Audit(Listing listing, string operation, object sent, ItemResult? result, MarketplaceError? error) =>
        _journal.Add(PushAudit.Attempt(listing, operation, sent, result, error, clock.UtcNow));

    /// <summary>
    /// Change-to-marketplace lag of one confirmed aspect: from the listing's last change (the planner's, or the settle
    /// of its last failed attempt, the only timestamp the row keeps) until now, when the marketplace confirmed it.
    /// </summary>
    private void RecordLag(Listing listing, string aspect)
    {
        if (MarketSyncTelemetry.SyncLag.Enabled)
        {
            MarketSyncTelemetry.SyncLag.Record(Math.Max(0, (clock.UtcNow - listing.UpdatedAt).TotalSeconds),
                new KeyValuePair<string, object?>("channel", listing.ChannelId), new KeyValuePair<string, object?>("aspect", aspect));
        }
    }

    private void Fail(PushBatch batch, Listing listing, MarketplaceError error, PushSummary summary, MarketplaceOperation operation)
    {
        // A change the marketplace asks to hold (Sendo: the product is in review) waits uncounted, like a create beyond
        // the daily quota: staff should not read it as a failure to look into.
        if (error is MarketplaceError.Deferred)
        {
            summary.Deferred++;
        }
        else
        {
            summary.Failed++;
        }

        batch.Failed.Add(listing.Id);
        if (error is MarketplaceError.RateLimited limited)
        {
            // The whole channel slows down (every lane), whether the marketplace said so by HTTP 429 or in its body.
            summary.Throttled++;
            _run.Pace.Throttled(operation, limited.RetryAfter);
        }

        if (ListingOutcomes.Failed(listing, error, clock.UtcNow, _random))
        {
            _run.Stop(error);
        }
    }

    /// <summary>The listings of one claimed batch and what happened to them in this run.</summary>
    private sealed class PushBatch(IReadOnlyList<Listing> listings, string marketplace)
    {
        public IReadOnlyList<Listing> Listings { get; } = listings;
        public string Marketplace { get; } = marketplace;
        /// <summary>Each listing as claimed, to tell what the registry must hear of when it is settled.</summary>
        public Dictionary<long, WriteBackOutbox.Snapshot> Before { get; } = listings.ToDictionary(l => l.Id, WriteBackOutbox.Snapshot.Of);
        public HashSet<long> Failed { get; } = [];
        public HashSet<long> Settled { get; } = [];

        /// <summary>Listings whose lease ran out and that another lane claimed: no longer this batch's.</summary>
        public HashSet<long> Lost { get; } = [];

        /// <summary>Until when the claim is held, as stored (all listings of a claim share it).</summary>
        public DateTime HeldUntil { get; set; } = listings.Count == 0 ? DateTime.MinValue : listings[0].ClaimedUntil ?? DateTime.MinValue;
    }
}
