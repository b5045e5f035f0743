using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Push;

/// <summary>What a push result does to a listing: success settles the aspect, each error kind has its own wait.</summary>
internal static class ListingOutcomes
{
    /// <summary>How long a listing waits after a configuration error (signature, permissions) before it is tried again.</summary>
    public static readonly TimeSpan MisconfiguredWait = TimeSpan.FromMinutes(15);

    public static void Pushed(Listing listing, ListingAspect aspect, DateTime now)
    {
        if (aspect.HasFlag(ListingAspect.Stock))
        {
            listing.PushedStockHash = listing.DesiredStockHash;
        }

        if (aspect.HasFlag(ListingAspect.Status))
        {
            listing.PushedStatusHash = listing.DesiredStatusHash;
        }

        if (aspect.HasFlag(ListingAspect.Price))
        {
            listing.PushedPriceHash = listing.DesiredPriceHash;
        }

        if (aspect.HasFlag(ListingAspect.Content))
        {
            listing.PushedContentHash = listing.DesiredContentHash;
        }

        listing.LastPushedAt = now;
    }

    /// <summary>
    /// The result's error, carrying the result's request id when the adapter put the id on the result only: the
    /// listing's last error, the channel-stop alert and the audit row must all name the request that failed. An id
    /// on the error itself wins (e.g. a create's failed follow-up call names its own request).
    /// </summary>
    public static MarketplaceError? ErrorOf(ItemResult result) =>
        result.Error is { RequestId: null } error && result.RequestId is { } requestId ? error with { RequestId = requestId } : result.Error;

    /// <returns>True when the whole channel should stop pushing (authorisation gone, or our configuration is wrong).</returns>
    public static bool Failed(Listing listing, MarketplaceError error, DateTime now, Random random)
    {
        listing.LastError = error.RequestId is null ? error.Message : $"{error.Message} (request {error.RequestId})";
        if (listing.LastError.Length > 2000)
        {
            listing.LastError = listing.LastError[..2000];
        }

        listing.LastErrorKind = error.GetType().Name;
        switch (error)
        {
            case MarketplaceError.RateLimited limited:
                // Not the listing's fault: no attempt counted, back as soon as the marketplace allows.
                listing.NextAttemptAt = now + limited.RetryAfter;
                return false;
            case MarketplaceError.Deferred deferred:
                // A campaign lock: the change waits, uncounted, and goes out when the lock has passed.
                listing.NextAttemptAt = now + deferred.RetryAfter;
                return false;
            case MarketplaceError.Misconfigured:
                // Every call would fail the same way; stop the channel and look again later, uncounted.
                listing.State = ListingState.Failing;
                listing.NextAttemptAt = now + MisconfiguredWait;
                return true;
            case MarketplaceError.Transient:
                listing.AttemptCount++;
                listing.State = ListingState.Failing;
                listing.NextAttemptAt = now + RetryPolicy.Backoff(listing.AttemptCount, random);
                return false;
            case MarketplaceError.Rejected:
                listing.AttemptCount++;
                listing.State = ListingState.Rejected;
                listing.NextAttemptAt = RetryPolicy.Parked;
                return false;
            case MarketplaceError.AuthExpired:
                listing.State = ListingState.NeedsReauth;
                listing.NextAttemptAt = RetryPolicy.Parked;
                return true;
            case MarketplaceError.NotFound:
                // The remote item is gone: forget it; the next push looks the SKU up and recreates it if needed.
                listing.RemoteId = null;
                listing.RemoteUrl = null;
                listing.PushedContentHash = listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
                listing.NextAttemptAt = now;
                return false;
            default:
                throw new InvalidOperationException($"Unknown marketplace error {error.GetType().Name}.");
        }
    }

    /// <summary>After a batch: settle state, dirty flag and the claim of a listing that had no error this time.</summary>
    public static void Settle(Listing listing, bool failedThisRun, DateTime now)
    {
        listing.ClaimedUntil = null;
        listing.UpdatedAt = now;
        if (listing.RemoteId is null && !listing.Desired.Active)
        {
            // Never created and not to be listed: nothing to push.
            listing.PushedStockHash = listing.DesiredStockHash;
            listing.PushedStatusHash = listing.DesiredStatusHash;
        }

        listing.RefreshDirty();
        if (failedThisRun)
        {
            return;
        }

        if (listing.ReviewTicket is not null && listing.RemoteId is null)
        {
            // Nothing exists to sell yet: the product request waits for the marketplace's decision.
            listing.State = ListingState.InReview;
            listing.AttemptCount = 0;
            listing.NextAttemptAt = null;
            listing.LastError = null;
            listing.LastErrorKind = null;
        }
        else if (!listing.Dirty)
        {
            listing.State = listing.Desired.Active ? ListingState.Active : ListingState.Delisted;
            listing.AttemptCount = 0;
            listing.NextAttemptAt = null;
            listing.LastError = null;
            listing.LastErrorKind = null;
        }
    }
}
