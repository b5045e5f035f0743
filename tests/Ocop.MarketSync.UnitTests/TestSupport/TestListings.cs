using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>Listings in a known state: by default created remotely, active, and everything pushed (nothing dirty).</summary>
public static class TestListings
{
    public static Listing Pushed(bool active = true) => new()
    {
        Id = 7,
        ChannelId = "shop-a",
        ProductId = 2,
        RegistryId = "REG-00002",
        SellerSku = "OCOP-REG-00002",
        State = active ? ListingState.Active : ListingState.Delisted,
        RemoteId = "remote-2",
        RemoteUrl = "https://shop.example.com/item/remote-2",
        Desired = new DesiredListing { Title = "Gạo ST25 hữu cơ túi 5kg – OCOP 4★", Description = "Gạo", PriceVnd = 237000, Stock = 400, Active = active },
        DesiredContentHash = "content-1",
        DesiredPriceHash = "price-1",
        DesiredStockHash = "stock-1",
        DesiredStatusHash = "status-1",
        PushedContentHash = "content-1",
        PushedPriceHash = "price-1",
        PushedStockHash = "stock-1",
        PushedStatusHash = "status-1",
    };

    /// <summary>Never created remotely, nothing pushed yet.</summary>
    public static Listing New(bool active)
    {
        var listing = Pushed(active);
        listing.State = active ? ListingState.Pending : ListingState.Delisted;
        listing.RemoteId = null;
        listing.RemoteUrl = null;
        listing.PushedContentHash = listing.PushedPriceHash = listing.PushedStockHash = listing.PushedStatusHash = null;
        listing.Dirty = active;
        return listing;
    }
}
