using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Listings.Jobs;
using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.Sync.Listings.Reconciliation;

namespace Ocop.MarketSync.Sync.Listings.Staff;

/// <summary>
/// The one owner of what staff do to listings and channels: retry, approve or keep a held price (per listing or per
/// product on every channel), push now, reconcile now. The staff API and the console both call it, so both change
/// state the same way, and every action is written to the staff audit trail with who did it, in the same save.
/// </summary>
public sealed class StaffActions(MarketSyncDbContext db, ChannelCatalog channels, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>A run queued or running for longer than this is taken for dead (its node died) and not coalesced with.</summary>
    private static readonly TimeSpan StaleRunAfter = TimeSpan.FromHours(2);

    /// <summary>Retries listings now (also Rejected, Banned and NeedsReauth ones, which re-send everything) and pushes their channels.</summary>
    public async Task<IReadOnlyList<StaffActionOutcome>> RetryAsync(IReadOnlyCollection<long> listingIds, string user, CancellationToken cancellationToken)
    {
        var listings = await db.Listings.Where(l => listingIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var now = Now;
        var outcomes = new List<StaffActionOutcome>();
        foreach (var id in listingIds.Distinct())
        {
            if (!listings.TryGetValue(id, out var listing))
            {
                outcomes.Add(new StaffActionOutcome(StaffActionStatus.NotFound, null, null, $"No listing {id}."));
                continue;
            }

            var from = listing.State;
            listing.NextAttemptAt = null;
            listing.AttemptCount = 0;
            listing.ClaimedUntil = null;
            if (listing.State is ListingState.Rejected or ListingState.NeedsReauth or ListingState.Banned)
            {
                // A staff retry re-sends everything: the data may have been fixed on the marketplace's side.
                listing.PushedContentHash = listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
                listing.State = listing.RemoteId is null && !listing.Desired.Active ? ListingState.Delisted : ListingState.Pending;
            }

            listing.RefreshDirty();
            listing.UpdatedAt = now;
            Audit(user, StaffActionKinds.Retry, listing, $"state {from} → {listing.State}", now);
            outcomes.Add(new StaffActionOutcome(StaffActionStatus.Done, listing.ChannelId, listing));
        }

        await SaveAndPushAsync(outcomes, cancellationToken);
        return outcomes;
    }

    /// <summary>Approves the held price of one listing; it is pushed next.</summary>
    public async Task<StaffActionOutcome> ApprovePriceAsync(long listingId, string user, CancellationToken cancellationToken) =>
        (await DecideAsync(db.Listings.Where(l => l.Id == listingId), approve: true, user, cancellationToken)) is [var one]
            ? one
            : new StaffActionOutcome(StaffActionStatus.NotFound, null, null, $"No listing {listingId}.");

    /// <summary>Approves a product's held price on every channel that holds one (one decision for one product).</summary>
    public Task<IReadOnlyList<StaffActionOutcome>> ApproveProductPriceAsync(string registryId, string user, CancellationToken cancellationToken) =>
        DecideAsync(db.Listings.Where(l => l.RegistryId == registryId), approve: true, user, cancellationToken);

    /// <summary>Declines the held price of one listing: the marketplace keeps the old price, the producer is told why.</summary>
    public async Task<StaffActionOutcome> KeepPriceAsync(long listingId, string user, CancellationToken cancellationToken) =>
        (await DecideAsync(db.Listings.Where(l => l.Id == listingId), approve: false, user, cancellationToken)) is [var one]
            ? one
            : new StaffActionOutcome(StaffActionStatus.NotFound, null, null, $"No listing {listingId}.");

    /// <summary>Declines a product's held price on every channel that holds one.</summary>
    public Task<IReadOnlyList<StaffActionOutcome>> KeepProductPriceAsync(string registryId, string user, CancellationToken cancellationToken) =>
        DecideAsync(db.Listings.Where(l => l.RegistryId == registryId), approve: false, user, cancellationToken);

    /// <summary>Plans and pushes a channel now.</summary>
    public async Task<StaffActionOutcome> PushNowAsync(string channelId, string user, CancellationToken cancellationToken)
    {
        if (channels.Find(channelId) is null)
        {
            return new StaffActionOutcome(StaffActionStatus.NotFound, channelId, null, $"No channel '{channelId}' is configured.");
        }

        db.StaffActions.Add(new StaffAction { At = Now, User = Cut(user, 64), Action = StaffActionKinds.PushNow, ChannelId = channelId });
        await db.SaveChangesAsync(cancellationToken);
        EnqueuePush(channelId);
        return new StaffActionOutcome(StaffActionStatus.Done, channelId, null);
    }

    /// <summary>Reconciles a channel now; returns the run (one already queued or running is reused), or null for an unknown channel.</summary>
    public async Task<ReconciliationRun?> ReconcileNowAsync(string channelId, string user, CancellationToken cancellationToken)
    {
        if (channels.Find(channelId) is not { } channel)
        {
            return null;
        }

        var now = Now;
        var since = now - StaleRunAfter;
        var active = await db.ReconciliationRuns.AsNoTracking()
            .Where(r => r.ChannelId == channelId && (r.Status == ReconciliationStatus.Queued || r.Status == ReconciliationStatus.Running) && r.RequestedAt > since)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            return active;
        }

        active = new ReconciliationRun { ChannelId = channelId, RequestedBy = Cut(user, 64), Status = ReconciliationStatus.Queued, RequestedAt = now };
        db.ReconciliationRuns.Add(active);
        db.StaffActions.Add(new StaffAction { At = now, User = Cut(user, 64), Action = StaffActionKinds.ReconcileNow, ChannelId = channelId });
        await db.SaveChangesAsync(cancellationToken);
        var runId = active.Id;
        jobs.Enqueue<ReconcileChannelJob>(PushQueues.For(channel.Marketplace), job => job.RunAsync(channelId, runId, CancellationToken.None));
        return active;
    }

    /// <remarks>For one product, only its listings holding a price count; for one listing, no held price is a conflict.</remarks>
    private async Task<IReadOnlyList<StaffActionOutcome>> DecideAsync(IQueryable<Listing> query, bool approve, string user, CancellationToken cancellationToken)
    {
        // The held price lives in the JSON of the desired state, which queries cannot look into: filtered here.
        var listings = await query.OrderBy(l => l.ChannelId).ToListAsync(cancellationToken);
        if (listings.Count > 1 || listings.Any(l => l.Desired.HeldPriceVnd is not null))
        {
            listings = [.. listings.Where(l => l.Desired.HeldPriceVnd is not null)];
        }

        var now = Now;
        var outcomes = new List<StaffActionOutcome>();
        foreach (var listing in listings)
        {
            if (listing.Desired.HeldPriceVnd is not { } held)
            {
                outcomes.Add(new StaffActionOutcome(StaffActionStatus.Conflict, listing.ChannelId, listing, $"Listing {listing.Id} has no held price to approve."));
                continue;
            }

            var old = listing.Desired.PriceVnd;
            var reasons = listing.Desired.Reasons.Where(r => r.Code != PriceHold.ReasonCode).ToList();
            if (approve)
            {
                listing.ApprovedPriceVnd = held;
                listing.DeclinedPriceVnd = null;
                // A listing never pushed was held back whole (no old price to keep): approved, it is listed, unless
                // something else keeps it off.
                var listed = listing.Desired.Active || !reasons.Any(r => r.Severity is IssueSeverity.Ineligible or IssueSeverity.Quarantine);
                listing.SetDesired(listing.Desired with { PriceVnd = held, HeldPriceVnd = null, Active = listed, Reasons = reasons });
                ListingPlanner.SetHashes(listing, AspectHashes.Of(listing.Desired));
                listing.NextAttemptAt = null;
            }
            else
            {
                // The planner sees the declined price next time and keeps the old one with a "price.kept" reason.
                listing.DeclinedPriceVnd = held;
                var kept = string.Create(CultureInfo.InvariantCulture, $"staff kept the price of {old:N0} VND; the registry's {held:N0} VND was declined");
                listing.SetDesired(listing.Desired with { HeldPriceVnd = null, Reasons = [.. reasons, new ProductIssue(PriceHold.KeptCode, kept, IssueSeverity.Warning)] });
                db.WriteBacks.Add(Journal.WriteBackOutbox.ForPrice(listing, Journal.WriteBackOutbox.PriceKept, channels.Get(listing.ChannelId).Marketplace, now));
            }

            listing.RefreshDirty();
            listing.UpdatedAt = now;
            Audit(user, approve ? StaffActionKinds.ApprovePrice : StaffActionKinds.KeepPrice, listing,
                string.Create(CultureInfo.InvariantCulture, $"{old} → {held} VND"), now);
            outcomes.Add(new StaffActionOutcome(StaffActionStatus.Done, listing.ChannelId, listing));
        }

        await SaveAndPushAsync(outcomes, cancellationToken);
        return outcomes;
    }

    private async Task SaveAndPushAsync(List<StaffActionOutcome> outcomes, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var channelId in outcomes.Where(o => o.Done && o.Listing?.Dirty == true).Select(o => o.ChannelId!).Distinct(StringComparer.Ordinal))
        {
            EnqueuePush(channelId);
        }
    }

    private void Audit(string user, string action, Listing listing, string detail, DateTime now) =>
        db.StaffActions.Add(new StaffAction
        {
            At = now,
            User = Cut(user, 64),
            Action = action,
            ChannelId = listing.ChannelId,
            ListingId = listing.Id,
            RegistryId = listing.RegistryId,
            Detail = Cut(detail, 1000),
        });

    private void EnqueuePush(string channelId) =>
        jobs.Enqueue<PushChannelJob>(PushQueues.For(channels.Get(channelId).Marketplace), job => job.RunAsync(channelId, CancellationToken.None));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
