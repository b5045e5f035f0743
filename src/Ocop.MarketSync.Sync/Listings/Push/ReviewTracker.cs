using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Listings.Journal;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>
/// Follows the content a marketplace is reviewing (<see cref="IReviewingMarketplaceClient"/>), at the start of each
/// push of the channel, so what it approved goes on sale in the same run: an approved product request gets its
/// remote id and its status pushed (Tiki's approved products start inactive); a rejection parks the listing as
/// <see cref="ListingState.Rejected"/> with the marketplace's reason until its data changes or staff retry.
/// </summary>
public sealed class ReviewTracker(MarketSyncDbContext db, IntakeClock clock)
{
    /// <summary>Tickets asked about per run at most, the longest unasked first; the rest wait for the next run.</summary>
    public const int MaxPerRun = 500;

    private const int DefaultBatch = 50;

    public async Task TrackAsync(string channelId, IMarketplaceClient client, MarketplaceCapabilities capabilities, PushSummary summary, CancellationToken cancellationToken)
    {
        if (client is not IReviewingMarketplaceClient reviewing)
        {
            return;
        }

        var open = await DueAsync(channelId, capabilities.MaxReviewRecheck, cancellationToken);
        var batch = capabilities.BatchSize.TryGetValue(MarketplaceOperation.TrackReviews, out var size) ? size : DefaultBatch;
        foreach (var chunk in open.Chunk(batch))
        {
            IReadOnlyList<ReviewOutcome> outcomes;
            try
            {
                summary.Calls++;
                outcomes = await reviewing.TrackReviewsAsync([.. chunk.Select(l => l.ReviewTicket!)], cancellationToken);
            }
            catch (MarketplaceException)
            {
                // The tickets stay as they are and are asked about again next run; the push itself goes on.
                break;
            }

            var byTicket = outcomes.GroupBy(o => o.Ticket, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var listing in chunk)
            {
                if (byTicket.TryGetValue(listing.ReviewTicket!, out var outcome))
                {
                    Apply(listing, outcome, summary);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Whether an open review is due for a question: never asked, or asked longer ago than a quarter of the ticket's
    /// age at that time, capped at <paramref name="maxRecheck"/>. A frozen clock (tests) makes every ticket due.
    /// </summary>
    public static bool IsDue(DateTime? since, DateTime? checkedAt, DateTime now, TimeSpan maxRecheck)
    {
        if (checkedAt is not { } asked)
        {
            return true;
        }

        var age = since is { } sent && asked > sent ? asked - sent : TimeSpan.Zero;
        var wait = age / 4 < maxRecheck ? age / 4 : maxRecheck;
        return now - asked >= wait;
    }

    /// <summary>
    /// The due tickets of the channel, longest unasked first, at most <see cref="MaxPerRun"/>. Decided on three columns
    /// of every open ticket (the partial index of open reviews), so only the due listings are loaded whole.
    /// </summary>
    private async Task<List<Listing>> DueAsync(string channelId, TimeSpan maxRecheck, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var candidates = await db.Listings
            .Where(l => l.ChannelId == channelId && l.ReviewTicket != null && (l.ClaimedUntil == null || l.ClaimedUntil < now))
            .Select(l => new { l.Id, l.ReviewSince, l.ReviewCheckedAt })
            .ToListAsync(cancellationToken);
        var due = candidates
            .Where(c => IsDue(c.ReviewSince, c.ReviewCheckedAt, now, maxRecheck))
            .OrderBy(c => c.ReviewCheckedAt is null ? 0 : 1).ThenBy(c => c.ReviewCheckedAt).ThenBy(c => c.Id)
            .Take(MaxPerRun).Select(c => c.Id).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var listings = await db.Listings.Where(l => due.Contains(l.Id)).AsTracking().ToListAsync(cancellationToken);
        var order = due.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. listings.OrderBy(l => order[l.Id])];
    }

    private void Apply(Listing listing, ReviewOutcome outcome, PushSummary summary)
    {
        var now = clock.UtcNow;
        listing.ReviewCheckedAt = now;
        listing.ReviewState = Truncate(outcome.RawState, 64);
        switch (outcome.Decision)
        {
            case ReviewDecision.Approved when outcome.RemoteId is { Length: > 0 } remoteId:
                listing.RemoteId = remoteId;
                listing.ReviewTicket = null;
                if (!outcome.Active)
                {
                    // Exists but not on sale: the status is pushed like any other change (after the price, before content).
                    listing.PushedStatusHash = null;
                }
                else if (listing.Desired.Active)
                {
                    // On sale already, as desired: the status a reviewed create left unsent is in place. Sending it
                    // anyway would be a relist call per product (on a sheet channel, a "re-add" row per product).
                    listing.PushedStatusHash = listing.DesiredStatusHash;
                }

                Audit(listing, outcome, new ItemResult(listing.SellerSku, null, remoteId), null, now);
                ListingOutcomes.Settle(listing, failedThisRun: false, now);
                summary.ReviewsApproved++;
                break;
            case ReviewDecision.Rejected:
                var error = new MarketplaceError.Rejected(outcome.Reason is { Length: > 0 } reason ? reason : "rejected in review, no reason given");
                listing.ReviewTicket = null;

                // Not applied: the content is due again, but only once it changed (the planner) or staff retry.
                listing.PushedContentHash = null;
                if (listing.RemoteId is null)
                {
                    listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
                }

                Audit(listing, outcome, null, error, now);
                ListingOutcomes.Failed(listing, error, now, Random.Shared);
                listing.RefreshDirty();
                listing.UpdatedAt = now;
                summary.ReviewsRejected++;
                break;
        }
    }

    private void Audit(Listing listing, ReviewOutcome outcome, ItemResult? result, MarketplaceError? error, DateTime now) =>
        db.PushAttempts.Add(PushAudit.Attempt(listing, "Review", new { ticket = outcome.Ticket, state = outcome.RawState }, result, error, now));

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
