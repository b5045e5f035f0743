using Ocop.MarketSync.Sync.Listings.Planning;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Sync.Listings.Planning;

/// <summary>The marketplace's published price and stock bounds applied while building (issue 13).</summary>
public sealed partial class DesiredListingBuilderTests
{
    [Fact]
    public void Build_PriceAboveTheMarketplaceMaximum_NotListedWithTheReason()
    {
        // REG-00002 at 237,000 VND on a marketplace taking at most 200,000.
        var capabilities = TestChannels.Capabilities() with { MaxPriceVnd = 200_000 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        AssertDelisted(desired, "price.outOfRange");
    }

    [Fact]
    public void Build_PriceAboveTheMaximumOnALiveListing_StaysListedAtItsPrice()
    {
        var capabilities = TestChannels.Capabilities() with { MaxPriceVnd = 200_000 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today, livePriceVnd: 190_000);

        Assert.True(desired.Active);
        Assert.Equal(190_000, desired.PriceVnd);
        Assert.Equal("price.outOfRange", Assert.Single(desired.Reasons).Code);
    }

    [Fact]
    public void Build_StockAboveTheMarketplaceMaximum_OffersTheMost()
    {
        var capabilities = TestChannels.Capabilities() with { MaxStock = 300 };

        var desired = DesiredListingBuilder.Build(Products.Sample("REG-00002"), Shop(), capabilities, Today);

        Assert.True(desired.Active);
        Assert.Equal(300, desired.Stock); // 400 offered by the channel's rule, 300 taken
        Assert.Equal("stock.capped", Assert.Single(desired.Reasons).Code);
    }
}
