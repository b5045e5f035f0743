using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Journal;

namespace Ocop.MarketSync.Sync.Listings.Planning;

public sealed partial class ListingPlanner
{
    /// <summary>A product's desired listing on one channel, computed from what is stored, not yet applied.</summary>
    private readonly record struct Decision(Product Product, Listing? Listing, AspectHashes? Current, DesiredListing Desired);

    /// <summary>Pure: reads the products and this channel's listings of them, changes nothing (runs beside other channels).</summary>
    private static Decision[] Decide(ChannelPlan plan, IReadOnlyList<Product> products, Dictionary<long, Listing> existing, DateOnly today)
    {
        var decisions = new List<Decision>(products.Count);
        foreach (var product in products)
        {
            if (plan.ProductIds is { } only && !only.Contains(product.Id))
            {
                continue;
            }

            existing.TryGetValue(product.Id, out var listing);
            // The current desired state's hashes, computed once for the price limits, the price guard and the comparison.
            var current = listing is null ? null : AspectHashes.Of(listing.Desired);
            var desired = DesiredListingBuilder.Build(product, plan.Channel, plan.Capabilities, today, PriceHold.PushedPrice(listing, current));
            // A price above the channel's sanity ceiling waits for staff; a new listing is not created until then.
            desired = PriceHold.Apply(listing, desired, plan.Channel.Price, current);
            decisions.Add(new Decision(product, listing, current, desired));
        }

        return [.. decisions];
    }

    /// <summary>Applies a decision to the unit of work: a new listing, a changed one (dirty), or nothing.</summary>
    private void Store(ChannelPlan plan, Decision decision, DateTime now, List<Listing> added)
    {
        var (product, listing, current, desired) = decision;
        var result = plan.Result;
        if (listing is not null && current is not null)
        {
            // Written only when it moved (the change tracker compares): replanning an unchanged product costs no write.
            listing.PlannedFromHash = PlannedFrom(product);
            var heldBefore = listing.Desired.HeldPriceVnd;
            if (Apply(listing, current, desired, now))
            {
                result.Changed++;
                if (desired.HeldPriceVnd is not null && desired.HeldPriceVnd != heldBefore)
                {
                    // A newly held price: the producer hears why the marketplace keeps showing the old one.
                    db.WriteBacks.Add(WriteBackOutbox.ForPrice(listing, WriteBackOutbox.PriceHeld, plan.Channel.Marketplace, now));
                }
            }
            else
            {
                result.Unchanged++;
            }
        }
        else
        {
            listing = NewListing(plan.Channel.Id, product, desired, now);
            if (desired.HeldPriceVnd is not null)
            {
                db.WriteBacks.Add(WriteBackOutbox.ForPrice(listing, WriteBackOutbox.PriceHeld, plan.Channel.Marketplace, now));
            }

            added.Add(listing);
            result.Added++;
        }

        result.Dirty += listing.Dirty ? 1 : 0;
    }

    /// <summary>The version a listing is planned from: none for a retired product, so that its return is planned again.</summary>
    private static string? PlannedFrom(Product product) => product.RetiredAt is null ? product.ContentHash : null;

    private static Listing NewListing(string channelId, Product product, DesiredListing desired, DateTime now)
    {
        var listing = new Listing
        {
            ChannelId = channelId,
            ProductId = product.Id,
            RegistryId = product.RegistryId,
            SellerSku = SellerSku.For(product.RegistryId),
            State = desired.Active ? ListingState.Pending : ListingState.Delisted,
            Desired = desired,
            DesiredContentHash = string.Empty,
            DesiredPriceHash = string.Empty,
            DesiredStockHash = string.Empty,
            DesiredStatusHash = string.Empty,
            CreatedAt = now,
            UpdatedAt = now,
            PlannedFromHash = PlannedFrom(product),
        };
        listing.SetDesired(desired);
        SetHashes(listing, AspectHashes.Of(desired));
        listing.RefreshDirty();
        return listing;
    }

    /// <summary>Updates the tracked listing when its desired state moved; true when anything changed.</summary>
    /// <param name="current">Hashes of <paramref name="listing"/>'s desired state before this plan.</param>
    private static bool Apply(Listing listing, AspectHashes current, DesiredListing desired, DateTime now)
    {
        var hashes = AspectHashes.Of(desired);
        var before = (listing.DesiredContentHash, listing.DesiredPriceHash, listing.DesiredStockHash, listing.DesiredStatusHash);
        SetHashes(listing, hashes);
        var after = (listing.DesiredContentHash, listing.DesiredPriceHash, listing.DesiredStockHash, listing.DesiredStatusHash);
        if (before == after && current == hashes && SameReasons(listing.Desired, desired) && listing.Desired.HeldPriceVnd == desired.HeldPriceVnd)
        {
            listing.RefreshDirty();
            return false;
        }

        listing.SetDesired(desired);
        listing.RefreshDirty();
        listing.UpdatedAt = now;
        if (listing.State == ListingState.Rejected && listing.Dirty)
        {
            // New data: a rejected listing gets another chance.
            listing.NextAttemptAt = null;
            listing.AttemptCount = 0;
        }

        return true;
    }

    /// <summary>
    /// Hashes of what should be pushed now. While a listing is to be delisted its content and price are not
    /// pushed (no point editing an item nobody can buy), so they keep their pushed hashes until it is relisted.
    /// </summary>
    internal static void SetHashes(Listing listing, AspectHashes hashes)
    {
        var holdBack = hashes.Status == AspectHashes.Inactive;
        listing.DesiredContentHash = holdBack && listing.PushedContentHash is not null ? listing.PushedContentHash : hashes.Content;
        listing.DesiredPriceHash = holdBack && listing.PushedPriceHash is not null ? listing.PushedPriceHash : hashes.Price;
        listing.DesiredStockHash = hashes.Stock;
        listing.DesiredStatusHash = hashes.Status;
    }

    private static bool SameReasons(DesiredListing a, DesiredListing b) =>
        a.Reasons.Select(r => r.Code).SequenceEqual(b.Reasons.Select(r => r.Code), StringComparer.Ordinal);
}
