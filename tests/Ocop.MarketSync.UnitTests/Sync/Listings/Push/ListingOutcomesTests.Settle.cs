using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>After a batch: the claim is released, state and dirty flag follow the hashes.</summary>
public sealed partial class ListingOutcomesTests
{
    private static Listing Claimed(Listing listing)
    {
        listing.ClaimedUntil = Now.AddMinutes(2);
        listing.State = ListingState.Failing;
        listing.AttemptCount = 3;
        listing.NextAttemptAt = Now.AddMinutes(-1);
        listing.LastError = "HTTP 503";
        listing.LastErrorKind = "Transient";
        return listing;
    }

    [Theory]
    [InlineData(true, ListingState.Active)]
    [InlineData(false, ListingState.Delisted)]
    public void Settle_NothingDirty_IsActiveOrDelistedWithErrorCleared(bool active, ListingState expected)
    {
        // Arrange: everything pushed in this run
        var listing = Claimed(TestListings.Pushed(active));

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert
        Assert.Equal(expected, listing.State);
        Assert.False(listing.Dirty);
        Assert.Null(listing.ClaimedUntil);
        Assert.Null(listing.LastError);
        Assert.Null(listing.LastErrorKind);
        Assert.Null(listing.NextAttemptAt);
        Assert.Equal(0, listing.AttemptCount);
        Assert.Equal(Now, listing.UpdatedAt);
    }

    [Fact]
    public void Settle_FailedThisRun_KeepsTheErrorAndReleasesTheClaim()
    {
        // Arrange
        var listing = Claimed(TestListings.Pushed());
        listing.DesiredStockHash = "stock-2";

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: true, Now);

        // Assert
        Assert.Null(listing.ClaimedUntil);
        Assert.True(listing.Dirty);
        Assert.Equal(ListingState.Failing, listing.State);
        Assert.Equal("HTTP 503", listing.LastError);
        Assert.Equal(3, listing.AttemptCount);
    }

    [Fact]
    public void Settle_StillDirtyWithoutError_StaysDirtyAndKeepsItsState()
    {
        // Arrange: an aspect moved again while the batch ran
        var listing = Claimed(TestListings.Pushed());
        listing.DesiredContentHash = "content-2";

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert
        Assert.True(listing.Dirty);
        Assert.Equal(ListingState.Failing, listing.State);
        Assert.Null(listing.ClaimedUntil);
    }

    [Fact]
    public void Settle_NeverCreatedAndNotToBeListed_IsDelistedAndNotDirty()
    {
        // Arrange: e.g. an expired product that was never created on this channel
        var listing = TestListings.New(active: false);
        listing.Dirty = true;
        listing.ClaimedUntil = Now.AddMinutes(2);

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert
        Assert.Equal(ListingState.Delisted, listing.State);
        Assert.False(listing.Dirty);
        Assert.Null(listing.ClaimedUntil);
        Assert.Null(listing.RemoteId);
        Assert.Equal(listing.DesiredStockHash, listing.PushedStockHash);
        Assert.Equal(listing.DesiredStatusHash, listing.PushedStatusHash);
    }

    [Fact]
    public void Settle_NeverCreatedButToBeListed_StaysDirtyAndPending()
    {
        // Arrange: the create did not happen in this run
        var listing = TestListings.New(active: true);

        // Act
        ListingOutcomes.Settle(listing, failedThisRun: false, Now);

        // Assert
        Assert.True(listing.Dirty);
        Assert.Equal(ListingState.Pending, listing.State);
        Assert.Null(listing.PushedStatusHash);
    }
}
