using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Planning;

namespace Ocop.MarketSync.Sync.Listings;

/// <summary>Staff approval of a held price: the held price becomes the desired one and is pushed.</summary>
public sealed class PriceApprovals(MarketSyncDbContext db)
{
    /// <returns>The listing, or null when there is no such listing; throws when no price is held.</returns>
    public async Task<Listing?> ApproveAsync(long listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null)
        {
            return null;
        }

        if (listing.Desired.HeldPriceVnd is not { } held)
        {
            throw new InvalidOperationException($"Listing {listingId} has no held price to approve.");
        }

        listing.ApprovedPriceVnd = held;
        listing.Desired = listing.Desired with
        {
            PriceVnd = held,
            HeldPriceVnd = null,
            Reasons = [.. listing.Desired.Reasons.Where(r => r.Code != PriceHold.ReasonCode)],
        };
        listing.DesiredPriceHash = AspectHashes.Of(listing.Desired).Price;
        listing.Dirty = true;
        listing.NextAttemptAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return listing;
    }
}
