using System.Globalization;
using System.Text;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Listings.Reconciliation;

/// <summary>
/// The rules of reconciliation for one item, pure over the tracked listing: what counts as drift, and what is
/// done about it. Only aspects that are settled (pushed = desired) are compared: a dirty aspect is about to be
/// pushed anyway, and its remote value is expected to differ.
/// </summary>
internal static class RemoteComparison
{
    public static ReconciliationFinding? Apply(ChannelReconciler.Pass pass, Listing? listing, RemoteItem remote, DateTime now)
    {
        var run = pass.Run;
        if (listing is null)
        {
            run.Orphaned++;
            return Finding(run, ReconciliationFindingKind.Orphaned, null, remote, ListingAspect.None,
                "an item with our SKU prefix and no product of ours (made by hand?); left as it is");
        }

        if (listing.LastReconciledRunId != run.Id && listing.RemoteId == listing.SellerSku && remote.RemoteId != listing.RemoteId
            && string.Equals(remote.SellerSku, listing.SellerSku, StringComparison.Ordinal))
        {
            // Bound to its SKU for want of the marketplace's own id (a sheet channel's upload approved before the floor's
            // export gave its product codes): the item of that SKU is this one, under its real id now.
            listing.RemoteId = remote.RemoteId;
        }

        if (listing.LastReconciledRunId == run.Id || (listing.RemoteId is not null && listing.RemoteId != remote.RemoteId))
        {
            // A second remote item with the SKU of a listing bound to another one: a duplicate, never ours to delete.
            run.Orphaned++;
            return Finding(run, ReconciliationFindingKind.Orphaned, listing.Id, remote, ListingAspect.None,
                $"a second item with SKU {listing.SellerSku}; ours is {listing.RemoteId ?? "not created"}; left as it is");
        }

        listing.LastReconciledRunId = run.Id;
        if (listing.ClaimedUntil > now || listing.LastPushedAt >= pass.StartedAt)
        {
            // Being pushed right now, or pushed after this walk may have read it: the next run judges it.
            run.SkippedBusy++;
            return null;
        }

        if (listing.RemoteId is null)
        {
            // Created by a push whose answer was lost, and not looked up since: adopt it and re-assert everything.
            listing.RemoteId = remote.RemoteId;
            listing.RemoteUrl = remote.Url;
            return Drift(pass, listing, remote, ListingAspect.All, "found on the marketplace without our record of it; adopted", now);
        }

        if (remote.Banned)
        {
            return Ban(pass, listing, remote, now);
        }

        if (listing.State == ListingState.Banned)
        {
            // The marketplace lifted the ban: push everything again, from the start.
            listing.State = ListingState.Pending;
            listing.LastError = null;
            listing.LastErrorKind = null;
            return Drift(pass, listing, remote, ListingAspect.All, "no longer banned by the marketplace; pushed again", now);
        }

        var (aspects, detail) = Compare(listing, remote);
        if (aspects == ListingAspect.None)
        {
            run.InSync++;
            return null;
        }

        return Drift(pass, listing, remote, aspects, detail, now);
    }

    /// <summary>A listing whose remote item the walk did not see.</summary>
    public static ReconciliationFinding? Missing(ChannelReconciler.Pass pass, Listing listing, DateTime now)
    {
        if (listing.ClaimedUntil > now || listing.LastPushedAt >= pass.StartedAt)
        {
            // Possibly created by a push during the walk, after the page it would have been on.
            pass.Run.SkippedBusy++;
            return null;
        }

        pass.Run.Missing++;
        var remoteId = listing.RemoteId;

        // Forget the remote item; the push looks the SKU up first (a slow index may still hold it) and only then creates.
        listing.RemoteId = null;
        listing.RemoteUrl = null;
        listing.PushedContentHash = listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
        listing.LastError = string.Create(CultureInfo.InvariantCulture,
            $"item {remoteId} is gone from the marketplace (reconciliation {pass.Run.Id})");
        listing.LastErrorKind = "Missing";
        listing.State = listing.Desired.Active ? ListingState.Pending : ListingState.Delisted;
        MarkDirty(pass, listing, now);
        return new ReconciliationFinding
        {
            RunId = pass.Run.Id,
            Kind = ReconciliationFindingKind.Missing,
            ListingId = listing.Id,
            SellerSku = listing.SellerSku,
            RemoteId = remoteId,
            Aspects = ListingAspect.All,
            Detail = listing.Desired.Active ? "gone from the marketplace; will be recreated" : "gone from the marketplace; not to be listed anyway",
        };
    }

    private static (ListingAspect Aspects, string Detail) Compare(Listing listing, RemoteItem remote)
    {
        var desired = listing.Desired;
        var aspects = ListingAspect.None;
        var detail = new StringBuilder();
        void Differs(ListingAspect aspect, string what, object remoteValue, object expected)
        {
            aspects |= aspect;
            detail.Append(detail.Length == 0 ? string.Empty : "; ")
                .Append(CultureInfo.InvariantCulture, $"{what} {remoteValue} on the marketplace, expected {expected}");
        }

        if (listing.PushedStockHash == listing.DesiredStockHash && remote.Stock != desired.Stock)
        {
            Differs(ListingAspect.Stock, "stock", remote.Stock, desired.Stock);
        }

        // On sale with nothing to sell looks inactive where the marketplace switches availability off at 0 stock by
        // its own rule (Sendo): that is what was pushed, not drift, and calling it drift would send a status push at
        // every reconciliation. A hand-made deactivation under 0 stock is still found once stock is above 0.
        var soldOut = desired.Active && !remote.Active && desired.Stock == 0 && remote.Stock == 0;
        if (listing.PushedStatusHash == listing.DesiredStatusHash && remote.Active != desired.Active && !soldOut)
        {
            Differs(ListingAspect.Status, "status", remote.Active ? "active" : "inactive", desired.Active ? "active" : "inactive");
        }

        // While delisted, price and content are held back (not pushed), so their remote values are not compared.
        if (desired.Active && listing.PushedPriceHash == listing.DesiredPriceHash && remote.PriceVnd != desired.PriceVnd)
        {
            Differs(ListingAspect.Price, "price", remote.PriceVnd, desired.PriceVnd);
        }

        if (desired.Active && listing.PushedContentHash == listing.DesiredContentHash
            && !string.Equals(remote.Title.Normalize(NormalizationForm.FormC), desired.Title, StringComparison.Ordinal))
        {
            Differs(ListingAspect.Content, "title", $"\"{remote.Title}\"", $"\"{desired.Title}\"");
        }

        return (aspects, detail.ToString());
    }

    private static ReconciliationFinding Drift(
        ChannelReconciler.Pass pass, Listing listing, RemoteItem remote, ListingAspect aspects, string detail, DateTime now)
    {
        var run = pass.Run;
        run.DriftedStock += aspects.HasFlag(ListingAspect.Stock) ? 1 : 0;
        run.DriftedStatus += aspects.HasFlag(ListingAspect.Status) ? 1 : 0;
        run.DriftedPrice += aspects.HasFlag(ListingAspect.Price) ? 1 : 0;
        run.DriftedContent += aspects.HasFlag(ListingAspect.Content) ? 1 : 0;
        listing.PushedStockHash = aspects.HasFlag(ListingAspect.Stock) ? null : listing.PushedStockHash;
        listing.PushedStatusHash = aspects.HasFlag(ListingAspect.Status) ? null : listing.PushedStatusHash;
        listing.PushedPriceHash = aspects.HasFlag(ListingAspect.Price) ? null : listing.PushedPriceHash;
        listing.PushedContentHash = aspects.HasFlag(ListingAspect.Content) ? null : listing.PushedContentHash;
        MarkDirty(pass, listing, now);
        return Finding(run, ReconciliationFindingKind.Drifted, listing.Id, remote, aspects, detail);
    }

    private static ReconciliationFinding Ban(ChannelReconciler.Pass pass, Listing listing, RemoteItem remote, DateTime now)
    {
        pass.Run.Banned++;
        if (listing.State != ListingState.Banned)
        {
            // Every change to a banned item is refused: park it until staff have dealt with the marketplace.
            listing.State = ListingState.Banned;
            listing.LastError = string.Create(CultureInfo.InvariantCulture,
                $"banned by the marketplace (found by reconciliation {pass.Run.Id}); fix it in seller centre, then retry");
            listing.LastErrorKind = "Banned";
            listing.NextAttemptAt = RetryPolicy.Parked;
            listing.UpdatedAt = now;
        }

        return Finding(pass.Run, ReconciliationFindingKind.Banned, listing.Id, remote, ListingAspect.None, "banned by the marketplace; pushes parked");
    }

    private static void MarkDirty(ChannelReconciler.Pass pass, Listing listing, DateTime now)
    {
        listing.RefreshDirty();
        listing.NextAttemptAt = listing.Dirty ? null : listing.NextAttemptAt;
        listing.AttemptCount = 0;
        listing.UpdatedAt = now;
        pass.Repaired += listing.Dirty ? 1 : 0;
    }

    private static ReconciliationFinding Finding(
        ReconciliationRun run, ReconciliationFindingKind kind, long? listingId, RemoteItem remote, ListingAspect aspects, string detail) => new()
    {
        RunId = run.Id,
        Kind = kind,
        ListingId = listingId,
        SellerSku = remote.SellerSku,
        RemoteId = remote.RemoteId,
        Aspects = aspects,
        Detail = detail.Length <= 1000 ? detail : detail[..1000],
    };
}
