using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Listings.Push;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Push;

/// <summary>Each error kind of the taxonomy has its own effect on the listing (DESIGN.md §4, §5).</summary>
public sealed partial class ListingOutcomesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);

    private static Listing Failing(MarketplaceError error, out bool stop, int attempts = 2)
    {
        var listing = TestListings.Pushed();
        listing.DesiredPriceHash = "price-2";
        listing.Dirty = true;
        listing.AttemptCount = attempts;
        stop = ListingOutcomes.Failed(listing, error, Now, new Random(1));
        return listing;
    }

    [Fact]
    public void Failed_Transient_CountsAnAttemptAndWaitsWithBackoff()
    {
        // Act
        var listing = Failing(new MarketplaceError.Transient("HTTP 503"), out var stop);

        // Assert: third attempt, step 120 s
        Assert.False(stop);
        Assert.Equal(ListingState.Failing, listing.State);
        Assert.Equal(3, listing.AttemptCount);
        Assert.InRange(listing.NextAttemptAt!.Value, Now.AddSeconds(60), Now.AddSeconds(120));
        Assert.Equal("HTTP 503", listing.LastError);
        Assert.Equal("Transient", listing.LastErrorKind);
        Assert.Equal("remote-2", listing.RemoteId);
    }

    [Fact]
    public void Failed_RateLimited_WaitsRetryAfterWithoutCountingAnAttempt()
    {
        // Act
        var listing = Failing(new MarketplaceError.RateLimited(TimeSpan.FromSeconds(90), "too many requests"), out var stop);

        // Assert
        Assert.False(stop);
        Assert.Equal(Now.AddSeconds(90), listing.NextAttemptAt);
        Assert.Equal(2, listing.AttemptCount);
        Assert.Equal(ListingState.Active, listing.State);
        Assert.Equal("RateLimited", listing.LastErrorKind);
    }

    [Fact]
    public void Failed_Rejected_ParksTheListingWithTheMarketplacesReason()
    {
        // Act
        var listing = Failing(new MarketplaceError.Rejected("category 1234 does not accept alcohol"), out var stop);

        // Assert
        Assert.False(stop);
        Assert.Equal(ListingState.Rejected, listing.State);
        Assert.Equal(RetryPolicy.Parked, listing.NextAttemptAt);
        Assert.Equal("category 1234 does not accept alcohol", listing.LastError);
        Assert.Equal("Rejected", listing.LastErrorKind);
        Assert.Equal(3, listing.AttemptCount);
    }

    [Fact]
    public void Failed_RejectedWithRequestId_AppendsTheRequestId()
    {
        // Arrange
        var error = new MarketplaceError.Rejected("title contains a banned word") { RequestId = "req-8f2a" };

        // Act
        var listing = Failing(error, out _);

        // Assert
        Assert.Equal("title contains a banned word (request req-8f2a)", listing.LastError);
    }

    [Fact]
    public void Failed_VeryLongMessage_IsKeptTo2000Chars()
    {
        // Act
        var listing = Failing(new MarketplaceError.Rejected(new string('x', 5000)), out _);

        // Assert
        Assert.Equal(2000, listing.LastError!.Length);
    }

    [Fact]
    public void Failed_AuthExpired_NeedsReauthAndStopsTheChannel()
    {
        // Act
        var listing = Failing(new MarketplaceError.AuthExpired("access token expired"), out var stop);

        // Assert
        Assert.True(stop);
        Assert.Equal(ListingState.NeedsReauth, listing.State);
        Assert.Equal(RetryPolicy.Parked, listing.NextAttemptAt);
        Assert.Equal(2, listing.AttemptCount);
    }

    [Fact]
    public void Failed_NotFound_ForgetsTheRemoteItemAndRetriesNow()
    {
        // Act
        var listing = Failing(new MarketplaceError.NotFound("item remote-2 not found"), out var stop);

        // Assert
        Assert.False(stop);
        Assert.Null(listing.RemoteId);
        Assert.Null(listing.RemoteUrl);
        Assert.Null(listing.PushedContentHash);
        Assert.Null(listing.PushedPriceHash);
        Assert.Null(listing.PushedStockHash);
        Assert.Null(listing.PushedStatusHash);
        Assert.Equal(ListingAspect.All, listing.DirtyAspects());
        Assert.Equal(Now, listing.NextAttemptAt);
    }

    [Fact]
    public void Pushed_SomeAspects_SettlesOnlyThoseHashes()
    {
        // Arrange
        var listing = TestListings.Pushed();
        listing.DesiredStockHash = "stock-2";
        listing.DesiredPriceHash = "price-2";
        listing.DesiredContentHash = "content-2";

        // Act
        ListingOutcomes.Pushed(listing, ListingAspect.Stock | ListingAspect.Price, Now);

        // Assert
        Assert.Equal(ListingAspect.Content, listing.DirtyAspects());
        Assert.Equal("stock-2", listing.PushedStockHash);
        Assert.Equal("price-2", listing.PushedPriceHash);
        Assert.Equal("content-1", listing.PushedContentHash);
        Assert.Equal(Now, listing.LastPushedAt);
    }
}
