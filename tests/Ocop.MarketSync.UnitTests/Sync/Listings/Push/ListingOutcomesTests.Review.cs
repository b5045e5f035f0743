using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>Content under the marketplace's review: what may still go out, and where the listing stands.</summary>
public sealed partial class ListingOutcomesTests
{
    [Fact]
    public void Settle_ProductRequestInReview_InReviewAndNotDirtyEvenWithChangesWaiting()
    {
        // Arrange: a create went to review (content, price, stock sent; status not), then the price changed
        var listing = Claimed(TestListings.New(active: true));
        listing.PushedContentHash = listing.DesiredContentHash;
        listing.PushedStockHash = listing.DesiredStockHash;
        listing.PushedPriceHash = "price-0";
        listing.ReviewTicket = "track-1";

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert: nothing exists to update and nothing may be created again until the marketplace decides
        Assert.Equal(ListingState.InReview, listing.State);
        Assert.False(listing.Dirty);
        Assert.Equal(ListingAspect.None, listing.PushableAspects());
        Assert.Null(listing.LastError);
        Assert.Null(listing.ClaimedUntil);
    }

    [Fact]
    public void PushableAspects_ContentOfALiveItemInReview_PriceAndStockStillGoContentWaits()
    {
        // Arrange
        var listing = TestListings.Pushed();
        listing.ReviewTicket = "track-2";
        listing.DesiredContentHash = "content-2";
        listing.DesiredPriceHash = "price-2";

        // Act
        var pushable = listing.PushableAspects();

        // Assert
        Assert.Equal(ListingAspect.Price, pushable);
        Assert.True(listing.RefreshDirty());
    }

    [Fact]
    public void Settle_OnlyContentWaitingForReview_StaysActive()
    {
        // Arrange: the item is on sale; its new content is in review
        var listing = Claimed(TestListings.Pushed());
        listing.ReviewTicket = "track-3";
        listing.DesiredContentHash = "content-2";

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert: still sold (coverage, write-back) while the marketplace reviews the new text
        Assert.Equal(ListingState.Active, listing.State);
        Assert.False(listing.Dirty);
    }
}
