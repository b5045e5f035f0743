using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Pushes a channel's dirty listings, a claimed batch at a time: creates (after a lookup by seller SKU), then
/// stock, status, price and content, each through the marketplace's batch operation. Results are committed
/// per marketplace call, so a crash loses at most the answer of the call in flight, which the next run
/// recovers by lookup.
/// </summary>
public sealed partial class ListingPusher(
    MarketSyncDbContext db,
    ListingClaimer claimer,
    ChannelCatalog channels,
    IntakeClock clock,
    ILogger<ListingPusher> logger)
{
    private static readonly ListingAspect[] UpdateOrder = [ListingAspect.Stock, ListingAspect.Status, ListingAspect.Price, ListingAspect.Content];
    private readonly Random _random = new();
    private readonly JournalWriter _journal = new(db);

    public async Task<PushSummary> PushAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = channels.Get(channelId);
        var client = channels.Client(channelId);
        var summary = new PushSummary();
        while (!cancellationToken.IsCancellationRequested)
        {
            var ids = await claimer.ClaimAsync(channelId, channel.ClaimBatchSize, clock.UtcNow, channel.ClaimLease, cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            summary.Claimed += ids.Count;
            var listings = await db.Listings.Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
            var batch = new PushBatch(listings, channel.Marketplace);
            await CreateAsync(client, batch, summary, cancellationToken);
            foreach (var aspect in UpdateOrder)
            {
                if (batch.StopChannel is not null)
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
            if (batch.StopChannel is { } reason)
            {
                summary.StoppedBy = reason.GetType().Name;
                summary.StopReason = reason.RequestId is null ? reason.Message : $"{reason.Message} (request {reason.RequestId})";
                summary.StoppedForReauth = reason is MarketplaceError.AuthExpired;
                // The alert itself (state, notice) is raised once by the job: OperationalAlerts.
                logger.LogWarning("Channel {Channel}: pushing stops ({Kind}: {Message}); it resumes when a person has fixed it",
                    channelId, reason.GetType().Name, reason.Message);
                break;
            }

            if (batch.RateLimitedFor is { } wait)
            {
                // Let the marketplace's window pass before the next batch; the affected rows already wait.
                await Task.Delay(wait < TimeSpan.FromSeconds(5) ? wait : TimeSpan.FromSeconds(5), cancellationToken);
            }
        }

        // One line per run that did something; the every-minute run that found nothing dirty stays at Debug.
        logger.Log(summary.DidSomething ? LogLevel.Information : LogLevel.Debug,
            "Push {Channel}: {Claimed} claimed, {Created} created, {Adopted} found by SKU, {Updated} aspect updates, {Failed} failed ({Throttled} throttled), {Calls} calls",
            channelId, summary.Claimed, summary.Created, summary.Adopted, summary.Updated, summary.Failed, summary.Throttled, summary.Calls);
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
            if (!batch.Failed.Contains(listing.Id) && listing.DirtyAspects() == ListingAspect.None)
            {
                Settle(batch, listing, summary);
            }
        }

        return _journal.CommitAsync();
    }

    /// <summary>Settles a listing once per batch: state, dirty flag, claim, and the registry's write-back if it is news.</summary>
    private void Settle(PushBatch batch, Listing listing, PushSummary summary)
    {
        if (!batch.Settled.Add(listing.Id))
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

    private void Fail(PushBatch batch, Listing listing, MarketplaceError error, PushSummary summary)
    {
        summary.Failed++;
        batch.Failed.Add(listing.Id);
        if (error is MarketplaceError.RateLimited limited)
        {
            summary.Throttled++;
            batch.RateLimitedFor = limited.RetryAfter;
        }

        if (ListingOutcomes.Failed(listing, error, clock.UtcNow, _random))
        {
            batch.StopChannel = error;
        }
    }

    /// <summary>The listings of one claimed batch and what happened to them in this run.</summary>
    private sealed class PushBatch(List<Listing> listings, string marketplace)
    {
        public List<Listing> Listings { get; } = listings;
        public string Marketplace { get; } = marketplace;
        /// <summary>Each listing as claimed, to tell what the registry must hear of when it is settled.</summary>
        public Dictionary<long, WriteBackOutbox.Snapshot> Before { get; } = listings.ToDictionary(l => l.Id, WriteBackOutbox.Snapshot.Of);
        public HashSet<long> Failed { get; } = [];
        public HashSet<long> Settled { get; } = [];
        /// <summary>The error that stops the channel (authorisation gone, configuration wrong), if one did.</summary>
        public MarketplaceError? StopChannel { get; set; }
        public TimeSpan? RateLimitedFor { get; set; }
    }
}
