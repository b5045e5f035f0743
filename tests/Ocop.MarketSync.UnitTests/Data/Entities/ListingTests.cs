using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Data.Entities;

public sealed class ListingTests
{
    [Fact]
    public void DirtyAspects_EverythingPushed_IsNone()
    {
        // Act
        var dirty = TestListings.Pushed().DirtyAspects();

        // Assert
        Assert.Equal(ListingAspect.None, dirty);
    }

    [Theory]
    [InlineData(ListingAspect.Stock)]
    [InlineData(ListingAspect.Status)]
    [InlineData(ListingAspect.Price)]
    [InlineData(ListingAspect.Content)]
    [InlineData(ListingAspect.Stock | ListingAspect.Price)]
    [InlineData(ListingAspect.Status | ListingAspect.Content)]
    [InlineData(ListingAspect.All)]
    public void DirtyAspects_DesiredHashesMoved_FlagsExactlyThoseAspects(ListingAspect moved)
    {
        // Arrange
        var listing = TestListings.Pushed();
        if (moved.HasFlag(ListingAspect.Stock))
        {
            listing.DesiredStockHash = "stock-2";
        }

        if (moved.HasFlag(ListingAspect.Status))
        {
            listing.DesiredStatusHash = "status-2";
        }

        if (moved.HasFlag(ListingAspect.Price))
        {
            listing.DesiredPriceHash = "price-2";
        }

        if (moved.HasFlag(ListingAspect.Content))
        {
            listing.DesiredContentHash = "content-2";
        }

        // Act
        var dirty = listing.DirtyAspects();

        // Assert
        Assert.Equal(moved, dirty);
    }

    [Fact]
    public void DirtyAspects_NothingPushedYet_IsAll()
    {
        // Act
        var dirty = TestListings.New(active: true).DirtyAspects();

        // Assert
        Assert.Equal(ListingAspect.All, dirty);
    }

    [Fact]
    public void DirtyAspects_PushedHashOfAnotherAspect_DoesNotCount()
    {
        // Arrange: equal hash strings in different aspects must not be confused
        var listing = TestListings.Pushed();
        listing.DesiredStockHash = "x";
        listing.PushedPriceHash = "x";

        // Act
        var dirty = listing.DirtyAspects();

        // Assert
        Assert.Equal(ListingAspect.Stock | ListingAspect.Price, dirty);
    }
}
