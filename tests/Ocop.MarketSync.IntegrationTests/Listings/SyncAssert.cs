using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.IntegrationTests.Listings;

/// <summary>Comparisons between what we want on a marketplace and what the sandbox marketplace holds.</summary>
internal static class SyncAssert
{
    /// <summary>Every listing to be on sale is there once, as desired; nothing else is on sale.</summary>
    public static void MarketplaceEqualsDesired(IReadOnlyList<Listing> listings, MarketplaceSandbox marketplace)
    {
        foreach (var listing in listings)
        {
            var items = marketplace.FindBySku(listing.SellerSku);
            if (!listing.Desired.Active)
            {
                Assert.All(items, item => Assert.False(item.Active, $"{listing.SellerSku} should not be on sale"));
                continue;
            }

            var item = Assert.Single(items);
            Assert.Equal(listing.RemoteId, item.RemoteId);
            Assert.True(item.Active, $"{listing.SellerSku} should be on sale");
            Assert.Equal(listing.Desired.PriceVnd, item.PriceVnd);
            Assert.Equal(listing.Desired.Stock, item.Stock);
            Assert.Equal(listing.Desired.Title, item.Title);
            Assert.False(listing.Dirty, $"{listing.SellerSku} is still dirty");
        }
    }

    /// <summary>
    /// Overselling guard: no stock above what was desired at some point was ever sent for any SKU
    /// (<paramref name="earlierDesired"/>: the desired stock per SKU before the last change).
    /// </summary>
    public static void NoStockAboveDesiredEverSet(
        IReadOnlyList<Listing> listings, MarketplaceSandbox marketplace, IReadOnlyDictionary<string, int> earlierDesired)
    {
        foreach (var listing in listings)
        {
            var allowed = Math.Max(listing.Desired.Stock, earlierDesired.GetValueOrDefault(listing.SellerSku));
            var max = marketplace.MaxStockSet(listing.SellerSku);
            Assert.True(max is null || max <= allowed, $"{listing.SellerSku}: stock {max} was set, desired at most {allowed}");
        }
    }

    public static int TotalCalls(MarketplaceSandbox marketplace) =>
        Enum.GetValues<MarketplaceSandboxEndpoint>().Sum(marketplace.Calls);
}
